variable "password" {
  default = "Sup3rS3cret!"
}

resource "aws_db_instance" "app" {
  identifier        = "app"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app"
  password          = "hunter2hunter2"
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  engine             = "aurora-postgresql"
  master_username    = "admin"
  master_password    = var.password
}
