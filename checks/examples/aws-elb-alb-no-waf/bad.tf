resource "aws_lb" "public" {
  name                       = "public"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
}
