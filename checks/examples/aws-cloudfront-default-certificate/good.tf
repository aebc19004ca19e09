variable "use_default" {
  description = "decided per environment; unknown here"
  type        = bool
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  aliases = ["www.example.com"]
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
    target_origin_id       = "web"
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_cloudfront_distribution" "configurable" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
    target_origin_id       = "web"
  }
  viewer_certificate {
    cloudfront_default_certificate = var.use_default
  }
}
