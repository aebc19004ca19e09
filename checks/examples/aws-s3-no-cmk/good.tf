variable "bucket_key_arn" {
  type = string
}

resource "aws_kms_key" "buckets" {
  enable_key_rotation = true
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.buckets.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.bucket_key_arn
      }
    }
  }
}

# Access logs are delivered only to buckets with S3-managed keys: log buckets are left alone.
resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_logging" "reports" {
  bucket        = aws_s3_bucket.reports.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "reports/"
}

resource "aws_s3_bucket" "lb_logs" {
  bucket = "acme-lb-logs"
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}

resource "aws_s3_bucket" "legacy_logs" {
  bucket = "acme-legacy-logs"
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "audit_logs" {
  bucket = "acme-audit-logs"
}

resource "aws_s3_bucket_acl" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }
    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}

resource "aws_s3_bucket" "site_logs" {
  bucket = "acme-site-logs"
}

resource "aws_s3_bucket" "site" {
  bucket = "acme-site"

  logging {
    target_bucket = aws_s3_bucket.site_logs.id
    target_prefix = "site/"
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.bucket_key_arn
      }
    }
  }
}

# Load balancer access logs go only to buckets with S3-managed keys; the bucket policy shows
# it receives them (the load balancer is in another stack).
resource "aws_s3_bucket" "elb_logs" {
  bucket = "acme-elb-logs"
}

resource "aws_s3_bucket_policy" "elb_logs" {
  bucket = aws_s3_bucket.elb_logs.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.elb_logs.arn}/AWSLogs/*"
    }]
  })
}
