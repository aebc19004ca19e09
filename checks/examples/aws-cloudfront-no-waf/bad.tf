resource "aws_cloudfront_distribution" "site" {
  enabled = true
  logging_config {
    bucket = "logs.s3.amazonaws.com"
  }
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}
