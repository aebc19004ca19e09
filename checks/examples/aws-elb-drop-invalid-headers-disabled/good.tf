variable "drop_headers" {
  description = "decided per environment; unknown here"
  type        = bool
}

resource "aws_lb" "web" {
  name                       = "web"
  drop_invalid_header_fields = true
}

resource "aws_lb" "network" {
  name               = "network"
  load_balancer_type = "network"
}

resource "aws_lb" "configurable" {
  name                       = "configurable"
  drop_invalid_header_fields = var.drop_headers
}
