variable "egress_cidr" {
  type = string
}

resource "aws_security_group" "app" {
  name = "app"
  # HTTPS out to anywhere: one port, not everything.
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  # Everything, but only inside the VPC.
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

# A destination that is not known (a variable without default) never fires.
resource "aws_security_group_rule" "unknown" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = [var.egress_cidr]
}

# Ingress is the other check's business.
resource "aws_vpc_security_group_ingress_rule" "in" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/8"
}
