variable "encrypt_archive" {
  type    = bool
  default = false
}

resource "aws_elasticache_replication_group" "shared" {
  replication_group_id       = "shared"
  description                = "shared cache"
  at_rest_encryption_enabled = false
}

# Not written: the service default is unencrypted.
resource "aws_elasticache_replication_group" "scratch" {
  replication_group_id       = "scratch"
  description                = "scratch cache"
}

resource "aws_elasticache_replication_group" "archive" {
  replication_group_id       = "archive"
  description                = "archive cache"
  at_rest_encryption_enabled = var.encrypt_archive
}
