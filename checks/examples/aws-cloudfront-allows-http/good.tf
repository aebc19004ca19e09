variable "viewer_policy" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
    target_origin_id       = "web"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}

resource "aws_cloudfront_distribution" "configurable" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = var.viewer_policy
    target_origin_id       = "web"
  }
}
