variable "access_logs" {
  type = bool
}

variable "log_settings" {
  type = list(object({ bucket = string }))
}

resource "aws_lb" "web" {
  name = "web"
  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}

resource "aws_lb" "configurable" {
  name = "configurable"
  access_logs {
    bucket  = "lb-logs"
    enabled = var.access_logs
  }
}

resource "aws_lb" "dynamic" {
  name = "dynamic"
  dynamic "access_logs" {
    for_each = var.log_settings
    content {
      bucket  = access_logs.value.bucket
      enabled = true
    }
  }
}

# Network load balancers log TLS listeners only: not judged.
resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
}

resource "aws_elb" "legacy" {
  availability_zones = ["eu-west-1a"]

  access_logs {
    bucket = "lb-logs"
  }

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 443
    lb_protocol       = "https"
  }
}
