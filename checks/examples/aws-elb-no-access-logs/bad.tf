resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_lb" "disabled" {
  name     = "disabled"
  internal = true
  access_logs {
    enabled = false
    bucket  = "lb-logs"
  }
}

resource "aws_elb" "legacy" {
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 443
    lb_protocol       = "https"
  }
}
