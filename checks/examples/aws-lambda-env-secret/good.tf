variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "api.zip"

  environment {
    variables = {
      LOG_LEVEL     = "info"
      DB_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"
      TOKEN_URL     = "https://auth.example.com/token"
      DB_PASSWORD   = var.db_password
      API_TOKEN     = ""
    }
  }
}
