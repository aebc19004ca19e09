variable "redshift_key" {
  type    = string
  default = "alias/aws/redshift"
}

# Encrypted, but with the default key AWS manages.
resource "aws_redshift_cluster" "plain" {
  cluster_identifier = "plain"
  node_type          = "ra3.xlplus"
  encrypted          = true
}

resource "aws_redshift_cluster" "managed" {
  cluster_identifier = "managed"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = "alias/aws/redshift"
}

resource "aws_redshift_cluster" "from_variable" {
  cluster_identifier = "from-variable"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = var.redshift_key
}
