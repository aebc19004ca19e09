variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_directory_service_directory" "corp" {
  name = "corp.example.com"
  size = "Small"
  password = var.password
}

# From Secrets Manager, read at plan time: not written here.
data "aws_secretsmanager_secret_version" "admin" {
  secret_id = "prod/admin"
}

resource "aws_directory_service_directory" "corp_staging" {
  name = "corp.example.com"
  size = "Small"
  password = data.aws_secretsmanager_secret_version.admin.secret_string
}
