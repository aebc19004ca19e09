variable "group_ids" {
  type = list(string)
}

resource "aws_security_group" "app" {
  name = "app"
}

resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_instance" "unknown" {
  ami                    = "ami-0123456789abcdef0"
  vpc_security_group_ids = var.group_ids
}

# A launch template without groups: whoever launches it may add them.
resource "aws_launch_template" "base" {
  image_id = "ami-0123456789abcdef0"
}

resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.base.id
  }
}
