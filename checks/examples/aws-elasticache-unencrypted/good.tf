variable "encrypted" {
  type = bool
}

resource "aws_kms_key" "main" {
  enable_key_rotation = true
}

resource "aws_elasticache_replication_group" "shared" {
  replication_group_id       = "shared"
  description                = "shared cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.main.arn
}

resource "aws_elasticache_replication_group" "archive" {
  replication_group_id       = "archive"
  description                = "archive cache"
  at_rest_encryption_enabled = var.encrypted
}
