variable "password" {
  type      = string
  sensitive = true
}

variable "encrypt" {
  default = false
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  engine             = "neptune"
}

resource "aws_neptune_cluster" "graph_copy" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = false
}

resource "aws_neptune_cluster" "graph_staging" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = var.encrypt
}
