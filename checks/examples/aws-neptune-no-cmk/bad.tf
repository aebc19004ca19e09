variable "password" {
  type      = string
  sensitive = true
}

variable "key_arn" {
  type = string
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = true
}

resource "aws_neptune_cluster" "graph_copy" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = true
  kms_key_arn = "alias/aws/rds"
}
