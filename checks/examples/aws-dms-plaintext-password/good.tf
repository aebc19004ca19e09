variable "source_password" {
  type      = string
  sensitive = true
}

resource "aws_dms_endpoint" "source" {
  endpoint_id   = "orders-source"
  endpoint_type = "source"
  engine_name   = "postgres"
  server_name   = "orders.db.example.com"
  username      = "dms"
  password      = var.source_password
}

# Credentials kept in Secrets Manager: DMS reads them with the given role.
resource "aws_dms_endpoint" "target" {
  endpoint_id                     = "orders-target"
  endpoint_type                   = "target"
  engine_name                     = "postgres"
  secrets_manager_arn             = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders-target"
  secrets_manager_access_role_arn = "arn:aws:iam::111122223333:role/dms-secrets"
}
