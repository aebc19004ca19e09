variable "public" {
  type = bool
}

resource "aws_neptune_cluster_instance" "private" {
  cluster_identifier  = "graph"
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}

resource "aws_neptune_cluster_instance" "default" {
  cluster_identifier = "graph"
  instance_class     = "db.r6g.large"
}

resource "aws_neptune_cluster_instance" "unknown" {
  cluster_identifier  = "graph"
  instance_class      = "db.r6g.large"
  publicly_accessible = var.public
}
