resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    cidr_block = "0.0.0.0/0"
    action     = "allow"
    from_port  = 22
    to_port    = 22
  }
  ingress {
    protocol        = "-1"
    rule_no         = 200
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }
}

resource "aws_network_acl_rule" "rdp" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 300
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 3000
  cidr_block     = "0.0.0.0/0"
  to_port        = 4000
}
