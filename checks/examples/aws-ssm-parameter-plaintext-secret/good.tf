variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/prod/db/password"
  type  = "SecureString"
  value = "hunter2hunter2"
}

resource "aws_ssm_parameter" "api_token" {
  name  = "/prod/api/token"
  type  = "String"
  value = var.db_password
}

resource "aws_ssm_parameter" "db_host" {
  name  = "/prod/db/host"
  type  = "String"
  value = "db.internal.example.com"
}

resource "aws_ssm_parameter" "password_arn" {
  name  = "/prod/db/password-arn"
  type  = "String"
  value = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"
}
