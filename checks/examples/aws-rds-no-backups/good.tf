variable "retention_days" {
  type = number
}

resource "aws_db_instance" "app" {
  identifier              = "app"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = 7
}

resource "aws_db_instance" "reports" {
  identifier              = "reports"
  engine                  = "mysql"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  backup_retention_period = var.retention_days
}

# Not written: RDS keeps automated backups by default.
resource "aws_db_instance" "default" {
  identifier        = "default"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

# A read replica without backups is usual: its source keeps them.
resource "aws_db_instance" "replica" {
  identifier              = "replica"
  replicate_source_db     = aws_db_instance.app.identifier
  instance_class          = "db.t3.micro"
  backup_retention_period = 0
}
