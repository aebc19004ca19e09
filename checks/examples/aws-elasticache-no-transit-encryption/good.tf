variable "tls" {
  type = bool
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  transit_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "queue"
  node_type                  = "cache.t4g.micro"
  transit_encryption_enabled = var.tls
}
