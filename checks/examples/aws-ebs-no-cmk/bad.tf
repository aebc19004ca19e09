variable "ebs_key" {
  type    = string
  default = "alias/aws/ebs"
}

# Encrypted, but with the default key AWS manages.
resource "aws_ebs_volume" "plain" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_volume" "managed" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = "alias/aws/ebs"
}

resource "aws_ebs_volume" "from_variable" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.ebs_key
}
