variable "api_token" {
  default = "tok_live_4eC39HqLyjWDarjtT1zdp7dc"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "api.zip"

  environment {
    variables = {
      LOG_LEVEL             = "info"
      AWS_ACCESS_KEY_ID     = "AKIAIOSFODNN7EXAMPLE"
      DB_PASSWORD           = "hunter2hunter2"
      API_TOKEN             = var.api_token
      DB_PASSWORD_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"
    }
  }
}
