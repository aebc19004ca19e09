variable "encrypt_scratch" {
  type    = bool
  default = false
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false
}

# No root_block_device: the AMI's unencrypted snapshot decides.
resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  block_device_mappings {
    device_name = "/dev/xvdb"
    ebs {
      volume_size = 50
      encrypted   = var.encrypt_scratch
    }
  }
}
