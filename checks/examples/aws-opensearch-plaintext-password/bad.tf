variable "password" {
  default = "Sup3rS3cret!"
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true

    master_user_options {
      master_user_name     = "admin"
      master_user_password = "hunter2hunter2"
    }
  }
}

resource "aws_opensearch_domain" "search_staging" {
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
