resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_instance" "no_groups" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "default_group" {
  ami                    = "ami-0123456789abcdef0"
  vpc_security_group_ids = [aws_vpc.main.default_security_group_id]
}
