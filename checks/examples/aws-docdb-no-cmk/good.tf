variable "password" {
  type      = string
  sensitive = true
}

variable "key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = true
  kms_key_id = aws_kms_key.data.arn
}

resource "aws_docdb_cluster" "catalog_staging" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = true
  kms_key_id = var.key_arn
}

# Unencrypted: reported by the unencrypted check, not this one.
resource "aws_docdb_cluster" "catalog_plain" {
  cluster_identifier = "catalog"
  master_username    = "admin"
  master_password    = var.password
  storage_encrypted = false
}
