variable "password" {
  type      = string
  sensitive = true
}

variable "encrypt" {
  type = bool
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = true
}

resource "aws_neptune_cluster" "graph_staging" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted = var.encrypt
}
