variable "encrypt_volumes" {
  type = bool
}

resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted  = true
    kms_key_id = aws_kms_key.ebs.arn
  }
}

# Decided by whoever applies the module: unknown here, never reported.
resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 20
  encrypted         = var.encrypt_volumes
}
