variable "password" {
  default = "Sup3rS3cret!"
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = "hunter2hunter2"
}

resource "aws_docdb_cluster" "catalog_staging" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
}
