variable "password" {
  type      = string
  sensitive = true
}

variable "key_arn" {
  type = string
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = true
}

resource "aws_docdb_cluster" "catalog_copy" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = true
  kms_key_id = "alias/aws/rds"
}
