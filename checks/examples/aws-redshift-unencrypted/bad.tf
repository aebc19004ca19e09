variable "encrypt_archive" {
  type    = bool
  default = false
}

resource "aws_redshift_cluster" "shared" {
  cluster_identifier = "shared"
  node_type          = "ra3.xlplus"
  encrypted          = false
}

# Not written: the service default is unencrypted.
resource "aws_redshift_cluster" "scratch" {
  cluster_identifier = "scratch"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "archive" {
  cluster_identifier = "archive"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypt_archive
}
