variable "elasticache_key" {
  type    = string
  default = "alias/aws/elasticache"
}

# Encrypted, but with the default key AWS manages.
resource "aws_elasticache_replication_group" "plain" {
  replication_group_id       = "plain"
  description                = "plain cache"
  at_rest_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "managed" {
  replication_group_id       = "managed"
  description                = "managed cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = "alias/aws/elasticache"
}

resource "aws_elasticache_replication_group" "from_variable" {
  replication_group_id       = "from-variable"
  description                = "from-variable cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = var.elasticache_key
}
