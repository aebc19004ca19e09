variable "elasticache_key_arn" {
  type = string
}

resource "aws_kms_key" "main" {
  description         = "data at rest"
  enable_key_rotation = true
}

resource "aws_elasticache_replication_group" "orders" {
  replication_group_id       = "orders"
  description                = "orders cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.main.arn
}

resource "aws_elasticache_replication_group" "billing" {
  replication_group_id       = "billing"
  description                = "billing cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = var.elasticache_key_arn
}

resource "aws_elasticache_replication_group" "audit" {
  replication_group_id       = "audit"
  description                = "audit cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/6f1c2b1e-3d4a-4b7e-9a51-2c8d0e4f7a90"
}
