variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  transit_encryption_enabled = true
  auth_token                 = var.password
}

# From Secrets Manager, read at plan time: not written here.
data "aws_secretsmanager_secret_version" "admin" {
  secret_id = "prod/admin"
}

resource "aws_elasticache_replication_group" "sessions_staging" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  transit_encryption_enabled = true
  auth_token                 = data.aws_secretsmanager_secret_version.admin.secret_string
}
