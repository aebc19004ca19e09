variable "retention_days" {
  default = 0
}

resource "aws_db_instance" "app" {
  identifier              = "app"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 0
}

resource "aws_db_instance" "reports" {
  identifier              = "reports"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = var.retention_days
}
