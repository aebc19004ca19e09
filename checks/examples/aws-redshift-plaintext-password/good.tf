variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = var.password
}

# From Secrets Manager, read at plan time: not written here.
data "aws_secretsmanager_secret_version" "admin" {
  secret_id = "prod/admin"
}

resource "aws_redshift_cluster" "warehouse_staging" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = data.aws_secretsmanager_secret_version.admin.secret_string
}

# The service generates and stores the password in Secrets Manager.
resource "aws_redshift_cluster" "managed" {
  cluster_identifier          = "managed"
  node_type                   = "ra3.xlplus"
  master_username             = "admin"
  manage_master_password      = true
}
