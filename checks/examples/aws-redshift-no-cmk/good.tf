variable "redshift_key_arn" {
  type = string
}

resource "aws_kms_key" "main" {
  description         = "data at rest"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "orders" {
  cluster_identifier = "orders"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.main.arn
}

resource "aws_redshift_cluster" "billing" {
  cluster_identifier = "billing"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = var.redshift_key_arn
}

resource "aws_redshift_cluster" "audit" {
  cluster_identifier = "audit"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = "arn:aws:kms:eu-west-1:111122223333:key/6f1c2b1e-3d4a-4b7e-9a51-2c8d0e4f7a90"
}
