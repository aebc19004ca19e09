variable "public" {
  type = bool
}

resource "aws_redshift_cluster" "private" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  manage_master_password = true
  publicly_accessible    = false
}

# Not written: private.
resource "aws_redshift_cluster" "default" {
  cluster_identifier     = "reports"
  node_type              = "ra3.xlplus"
  manage_master_password = true
}

resource "aws_redshift_cluster" "unknown" {
  cluster_identifier     = "adhoc"
  node_type              = "ra3.xlplus"
  manage_master_password = true
  publicly_accessible    = var.public
}
