variable "hops" {
  type = number
}

resource "aws_launch_template" "nodes" {
  image_id = "ami-0123456789abcdef0"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_instance" "no_metadata" {
  ami = "ami-0123456789abcdef0"
  metadata_options {
    http_endpoint               = "disabled"
    http_put_response_hop_limit = 2
  }
}

resource "aws_instance" "unknown" {
  ami = "ami-0123456789abcdef0"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = var.hops
  }
}
