resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
}

resource "aws_alb" "explicit" {
  name                       = "explicit"
  internal                   = true
  drop_invalid_header_fields = false
}
