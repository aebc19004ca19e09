resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_alb_listener" "redirect_to_http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 8080
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "80"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_target_group" "app" {
  port     = 80
  protocol          = "HTTP"
}
