resource "aws_cloudfront_distribution" "assets" {
  origin {
    domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_id   = "assets"
    s3_origin_config {
      origin_access_identity = ""
    }
  }

  # An S3 REST endpoint with no configuration at all.
  origin {
    domain_name = "media.s3.eu-west-1.amazonaws.com"
    origin_id   = "media"
  }

  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "assets"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "assets"
}
