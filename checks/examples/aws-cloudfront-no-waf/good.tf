variable "web_acl_arn" {
  description = "a web ACL managed elsewhere; unknown here"
  type        = string
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.edge.arn
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}

resource "aws_cloudfront_distribution" "shared_acl" {
  enabled    = true
  web_acl_id = var.web_acl_arn
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}
