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

# A key without `encrypted`: EBS refuses a key on an unencrypted volume, so the intent is
# plain and nothing is stored in the clear.
resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 20
  kms_key_id        = aws_kms_key.ebs.arn
}
