resource "aws_cloudfront_distribution" "old_policy" {
  enabled = true
  aliases = ["www.example.com"]
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
    target_origin_id       = "web"
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1_2016"
  }
}

resource "aws_cloudfront_distribution" "default_version" {
  enabled = true
  aliases = ["api.example.com"]
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method  = "sni-only"
  }
}

resource "aws_cloudfront_distribution" "custom_domain_default_cert" {
  enabled = true
  aliases = ["shop.example.com"]
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
