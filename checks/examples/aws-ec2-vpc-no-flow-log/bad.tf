resource "aws_vpc" "unlogged" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "another_vpc" {
  vpc_id       = "vpc-0123456789abcdef0"
  traffic_type = "ALL"
}

resource "aws_flow_log" "nothing" {
  traffic_type = "ALL"
}

module "vpc" {
  source          = "terraform-aws-modules/vpc/aws"
  version         = "5.8.1"
  cidr            = "10.1.0.0/16"
  enable_flow_log = false
}

module "vpc_default" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  cidr    = "10.2.0.0/16"
}
