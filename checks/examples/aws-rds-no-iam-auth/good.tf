variable "engine" {
  type = string
}

resource "aws_db_instance" "app" {
  identifier                          = "app"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  iam_database_authentication_enabled = true
}

# Oracle does not support IAM database authentication.
resource "aws_db_instance" "erp" {
  identifier        = "erp"
  engine            = "oracle-ee"
  instance_class    = "db.m5.large"
  allocated_storage = 100
}

# The engine is not known here.
resource "aws_db_instance" "configured" {
  identifier        = "configured"
  engine            = var.engine
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}
