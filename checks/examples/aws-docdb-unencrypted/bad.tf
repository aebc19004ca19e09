variable "password" {
  type      = string
  sensitive = true
}

variable "encrypt" {
  default = false
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
}

resource "aws_docdb_cluster" "catalog_copy" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = false
}

resource "aws_docdb_cluster" "catalog_staging" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = var.encrypt
}
