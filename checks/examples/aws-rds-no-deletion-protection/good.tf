variable "protect" {
  type = bool
}

resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  deletion_protection = true
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier  = "analytics"
  engine              = "aurora-postgresql"
  deletion_protection = var.protect
}
