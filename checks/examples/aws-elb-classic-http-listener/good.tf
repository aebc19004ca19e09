variable "protocol" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_protocol        = "https"
    lb_port            = 443
    ssl_certificate_id = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  }

  listener {
    instance_port     = 5432
    instance_protocol = "tcp"
    lb_protocol       = "tcp"
    lb_port           = 5432
  }

  listener {
    instance_port     = 8081
    instance_protocol = "http"
    lb_protocol       = var.protocol
    lb_port           = 8081
  }
}
