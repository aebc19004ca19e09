variable "encrypted" {
  type = bool
}

resource "aws_kms_key" "main" {
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "shared" {
  cluster_identifier = "shared"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.main.arn
}

resource "aws_redshift_cluster" "archive" {
  cluster_identifier = "archive"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted
}
