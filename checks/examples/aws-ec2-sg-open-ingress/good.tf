variable "office_cidr" {
  description = "No default: the value is unknown, so nothing is guessed."
}

resource "aws_security_group" "app" {
  name = "app"

  # Egress to the world is not ingress.
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # A private range is not the internet.
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  # Sourced from another security group.
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-0123456789abcdef0"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.office_cidr]
  }
}

resource "aws_security_group_rule" "from_lb" {
  type                     = "ingress"
  security_group_id        = aws_security_group.app.id
  source_security_group_id = "sg-0fedcba9876543210"
  protocol                 = "tcp"
  from_port                = 8080
  to_port                  = 8080
}

resource "aws_vpc_security_group_egress_rule" "out" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "prefix" {
  security_group_id = aws_security_group.app.id
  prefix_list_id    = "pl-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}
