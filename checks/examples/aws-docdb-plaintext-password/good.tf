variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
}

# From Secrets Manager, read at plan time: not written here.
data "aws_secretsmanager_secret_version" "admin" {
  secret_id = "prod/admin"
}

resource "aws_docdb_cluster" "catalog_staging" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = data.aws_secretsmanager_secret_version.admin.secret_string
}

# The service generates and stores the password in Secrets Manager.
resource "aws_docdb_cluster" "managed" {
  cluster_identifier          = "managed"
  master_username             = "admin"
  manage_master_user_password = true
}
