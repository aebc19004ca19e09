variable "admin_cidr" {
  default = "0.0.0.0/0"
}

resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_security_group_rule" "everything_v6" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  protocol          = "-1"
  ipv6_cidr_blocks  = ["::/0"]
  from_port         = 0
  to_port           = 0
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  cidr_ipv4         = "0.0.0.0/0"
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
}

resource "aws_default_security_group" "default" {
  ingress {
    cidr_blocks = ["0.0.0.0/0"]
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
  }
}
