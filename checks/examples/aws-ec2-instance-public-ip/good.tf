variable "public_ip" {
  type = bool
}

resource "aws_instance" "private" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}

# Not written, in a subnet that is not known here: the subnet decides.
resource "aws_instance" "default" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0123456789abcdef0"
}

resource "aws_launch_configuration" "unknown" {
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public_ip
}
