variable "backend_protocol" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port      = 8443
    instance_protocol  = "https"
    lb_protocol        = "https"
    lb_port            = 443
    ssl_certificate_id = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  }

  listener {
    instance_port      = 9443
    instance_protocol  = var.backend_protocol
    lb_protocol        = "https"
    lb_port            = 9443
    ssl_certificate_id = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  }
}
