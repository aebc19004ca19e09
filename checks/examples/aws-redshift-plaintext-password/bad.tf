variable "password" {
  default = "Sup3rS3cret!"
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = "hunter2hunter2"
}

resource "aws_redshift_cluster" "warehouse_staging" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = var.password
}
