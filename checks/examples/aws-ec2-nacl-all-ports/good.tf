variable "protocol" {
  type = string
}

resource "aws_network_acl" "private" {
  vpc_id = "vpc-0123456789abcdef0"
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "10.0.0.0/16"
    from_port  = 5432
    to_port    = 5432
  }
  ingress {
    protocol   = "-1"
    rule_no    = 200
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_network_acl_rule" "ephemeral_in" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 300
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 1024
  to_port        = 65535
}

resource "aws_network_acl_rule" "unknown_protocol" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 400
  egress         = true
  protocol       = var.protocol
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
}
