variable "public" {
  type = bool
}

resource "aws_db_instance" "private" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  publicly_accessible = false
}

# Not written: private (the AWS provider's default).
resource "aws_db_instance" "default" {
  identifier        = "billing"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

# Not known (a variable without default): not judged.
resource "aws_rds_cluster_instance" "unknown" {
  cluster_identifier  = "reporting"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = var.public
}
