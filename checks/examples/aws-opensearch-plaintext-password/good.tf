variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true

    master_user_options {
      master_user_name     = "admin"
      master_user_password = var.password
    }
  }
}

# From Secrets Manager, read at plan time: not written here.
data "aws_secretsmanager_secret_version" "admin" {
  secret_id = "prod/admin"
}

resource "aws_opensearch_domain" "search_staging" {
  domain_name = "search"

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true

    master_user_options {
      master_user_name     = "admin"
      master_user_password = data.aws_secretsmanager_secret_version.admin.secret_string
    }
  }
}
