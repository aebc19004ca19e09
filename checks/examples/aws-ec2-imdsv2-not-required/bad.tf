resource "aws_instance" "default" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "optional" {
  image_id = "ami-0123456789abcdef0"
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_launch_configuration" "workers" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
