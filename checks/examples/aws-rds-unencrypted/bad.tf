variable "encrypt_reporting_db" {
  default = false
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  storage_encrypted = false
}

# storage_encrypted defaults to false.
resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  engine             = "aurora-postgresql"
}

resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "mysql"
  instance_class    = "db.t3.small"
  allocated_storage = 20
  storage_encrypted = var.encrypt_reporting_db
}
