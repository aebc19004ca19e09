variable "ownership" {
  type = string
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_ownership_controls" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_ownership_controls" "configured" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    object_ownership = var.ownership
  }
}

# A bucket that receives server access logs through the log delivery group's ACL grant
# needs ACLs.
resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_acl" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

# CloudFront standard logs are delivered through an ACL grant CloudFront adds to the bucket.
resource "aws_s3_bucket" "cdn_logs" {
  bucket = "acme-cdn-logs"
}

resource "aws_s3_bucket_ownership_controls" "cdn_logs" {
  bucket = aws_s3_bucket.cdn_logs.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

  logging_config {
    bucket = aws_s3_bucket.cdn_logs.bucket_domain_name
    prefix = "site/"
  }

  origin {
    domain_name = "origin.example.com"
    origin_id   = "site"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# The same, when the grant to CloudFront's log delivery account is written out.
data "aws_cloudfront_log_delivery_canonical_user_id" "cloudfront" {}

resource "aws_s3_bucket" "edge_logs" {
  bucket = "acme-edge-logs"
}

resource "aws_s3_bucket_ownership_controls" "edge_logs" {
  bucket = aws_s3_bucket.edge_logs.id

  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_acl" "edge_logs" {
  bucket = aws_s3_bucket.edge_logs.id

  access_control_policy {
    grant {
      permission = "FULL_CONTROL"

      grantee {
        type = "CanonicalUser"
        id   = data.aws_cloudfront_log_delivery_canonical_user_id.cloudfront.id
      }
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}
