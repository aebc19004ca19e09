variable "tokens" {
  type = string
}

resource "aws_instance" "v2" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "no_metadata" {
  image_id = "ami-0123456789abcdef0"
  metadata_options {
    http_endpoint = "disabled"
  }
}

# Started from a template: the template's options apply.
resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.no_metadata.id
  }
}

resource "aws_launch_configuration" "unknown" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = var.tokens
  }
}
