variable "encrypted" {
  type = bool
}

resource "aws_kms_key" "db" {
  enable_key_rotation = true
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  engine             = "aurora-postgresql"
  storage_encrypted  = var.encrypted
}

# A read replica inherits the source's encryption, which is not known here.
resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-replica"
  instance_class      = "db.t3.medium"
  replicate_source_db = aws_db_instance.orders.identifier
}

# Aurora Serverless v1 is always encrypted: storage_encrypted defaults to true in this mode.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier  = "reports"
  engine              = "aurora-mysql"
  engine_mode         = "serverless"
  master_username     = "reports"
  manage_master_user_password = true
  skip_final_snapshot = true
}
