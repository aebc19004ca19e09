variable "password" {
  default = "Sup3rS3cret!"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  transit_encryption_enabled = true
  auth_token                 = "hunter2hunter2"
}

resource "aws_elasticache_replication_group" "sessions_staging" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  transit_encryption_enabled = true
  auth_token                 = var.password
}
