variable "password" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_db_instance" "app" {
  identifier        = "app"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "app"
  password          = var.password
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  engine             = "aurora-postgresql"
  master_username    = "admin"
  master_password    = random_password.db.result
}

# The service generates and stores the password in Secrets Manager.
resource "aws_rds_cluster" "managed" {
  cluster_identifier          = "managed"
  engine                      = "aurora-postgresql"
  master_username             = "admin"
  manage_master_user_password = true
}
