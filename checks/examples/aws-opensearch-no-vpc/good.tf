variable "subnet_ids" {
  type = list(string)
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"
  vpc_options {
    subnet_ids         = var.subnet_ids
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
  vpc_options {
    subnet_ids = var.subnet_ids
  }
}
