variable "public" {
  type = bool
}

resource "aws_dms_replication_instance" "private" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
  publicly_accessible        = false
}

# Not written: false in the AWS provider.
resource "aws_dms_replication_instance" "default" {
  replication_instance_id    = "nightly"
  replication_instance_class = "dms.t3.medium"
}

resource "aws_dms_replication_instance" "unknown" {
  replication_instance_id    = "adhoc"
  replication_instance_class = "dms.t3.medium"
  publicly_accessible        = var.public
}
