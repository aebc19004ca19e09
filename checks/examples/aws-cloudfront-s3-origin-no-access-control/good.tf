variable "oai_path" {
  description = "an identity created elsewhere; unknown here"
  type        = string
}

resource "aws_cloudfront_origin_access_control" "assets" {
  name                              = "assets"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "assets" {
  origin {
    domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
    origin_id                = "assets"
    origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
  }

  origin {
    domain_name = "legacy.s3.amazonaws.com"
    origin_id   = "legacy"
    s3_origin_config {
      origin_access_identity = var.oai_path
    }
  }

  # A website endpoint is a custom origin: origin access control does not apply.
  origin {
    domain_name = aws_s3_bucket.assets.website_endpoint
    origin_id   = "site"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin {
    domain_name = "app.example.com"
    origin_id   = "app"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
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
