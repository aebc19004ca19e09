variable "tls_policy" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_cloudfront_distribution" "modern" {
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

# The *.cloudfront.net name alone: its policy cannot be changed.
resource "aws_cloudfront_distribution" "default_name" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
  viewer_certificate {
    cloudfront_default_certificate = true
    minimum_protocol_version       = "TLSv1"
  }
}

resource "aws_cloudfront_distribution" "configurable" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = var.tls_policy
  }
}
