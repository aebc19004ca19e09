variable "rds_key" {
  type    = string
  default = "alias/aws/rds"
}

# Encrypted, but with the default key AWS manages.
resource "aws_db_instance" "plain" {
  identifier        = "plain"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  storage_encrypted = true
}

resource "aws_db_instance" "managed" {
  identifier        = "managed"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  storage_encrypted = true
  kms_key_id        = "alias/aws/rds"
}

resource "aws_db_instance" "from_variable" {
  identifier        = "from-variable"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  storage_encrypted = true
  kms_key_id        = var.rds_key
}
