variable "flow_logs" {
  type = bool
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}

# A flow log on a subnet records the VPC's traffic through that subnet.
resource "aws_vpc" "subnet_logged" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.subnet_logged.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_flow_log" "subnet" {
  subnet_id    = aws_subnet.a.id
  traffic_type = "REJECT"
}

module "vpc" {
  source          = "terraform-aws-modules/vpc/aws"
  version         = "5.8.1"
  cidr            = "10.2.0.0/16"
  enable_flow_log = true
}

# Not known (a variable without default): not judged.
module "vpc_unknown" {
  source          = "terraform-aws-modules/vpc/aws"
  version         = "5.8.1"
  cidr            = "10.3.0.0/16"
  enable_flow_log = var.flow_logs
}
