resource "aws_ami_copy" "golden" {
  name              = "golden"
  source_ami_id     = "ami-0123456789abcdef0"
  source_ami_region = "eu-west-1"
}

resource "aws_ami_launch_permission" "public" {
  image_id = aws_ami_copy.golden.id
  group    = "all"
}
