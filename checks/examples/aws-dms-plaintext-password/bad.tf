variable "source_password" {
  default = "Sup3rS3cret!"
}

resource "aws_dms_endpoint" "source" {
  endpoint_id   = "orders-source"
  endpoint_type = "source"
  engine_name   = "postgres"
  server_name   = "orders.db.example.com"
  username      = "dms"
  password      = var.source_password
}

resource "aws_dms_endpoint" "target" {
  endpoint_id   = "orders-target"
  endpoint_type = "target"
  engine_name   = "redis"

  redis_settings {
    auth_type     = "auth-token"
    auth_password = "hunter2hunter2"
    port          = 6379
    server_name   = "cache.example.com"
  }
}
