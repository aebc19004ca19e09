resource "aws_db_instance" "app" {
  identifier        = "app"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier  = "analytics"
  engine              = "aurora-postgresql"
  deletion_protection = false
}
