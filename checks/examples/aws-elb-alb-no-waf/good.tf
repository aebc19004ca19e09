variable "internal" {
  description = "decided per environment; unknown here"
  type        = bool
}

resource "aws_lb" "public" {
  name = "public"
}

resource "aws_lb" "internal" {
  name     = "internal"
  internal = true
}

resource "aws_lb" "configurable" {
  name     = "configurable"
  internal = var.internal
}

resource "aws_wafv2_web_acl" "regional" {
  name  = "regional"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "regional"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "public" {
  resource_arn = aws_lb.public.arn
  web_acl_arn  = aws_wafv2_web_acl.regional.arn
}
