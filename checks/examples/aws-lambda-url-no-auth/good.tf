variable "auth" {
  type = string
}

resource "aws_lambda_function_url" "iam" {
  function_name      = "internal"
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "unknown" {
  function_name      = "other"
  authorization_type = var.auth
}
