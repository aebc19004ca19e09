variable "group" {
  type = string
}

resource "aws_ami_copy" "golden" {
  name              = "golden"
  source_ami_id     = "ami-0123456789abcdef0"
  source_ami_region = "eu-west-1"
}

resource "aws_ami_launch_permission" "partner" {
  image_id   = aws_ami_copy.golden.id
  account_id = "111122223333"
}

resource "aws_ami_launch_permission" "configured" {
  image_id = aws_ami_copy.golden.id
  group    = var.group
}
