variable "password" {
  type      = string
  sensitive = true
}

variable "key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = true
  kms_key_arn = aws_kms_key.data.arn
}

resource "aws_neptune_cluster" "graph_staging" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = true
  kms_key_arn = var.key_arn
}

# Unencrypted: reported by the unencrypted check, not this one.
resource "aws_neptune_cluster" "graph_plain" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = false
}
