resource "aws_s3_bucket" "data" {
  bucket = "app-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "app-data/"
}

# Receives the access logs of app-data: a log bucket, not itself logged.
resource "aws_s3_bucket" "access_logs" {
  bucket = "access-logs"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-data"
  logging {
    target_bucket = "access-logs"
    target_prefix = "legacy/"
  }
}

# Receives the load balancer's access logs.
resource "aws_s3_bucket" "lb_logs" {
  bucket = "lb-logs"
}

resource "aws_lb" "web" {
  name = "web"
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}

# Receives the trail's logs (its own logging is aws-cloudtrail-bucket-no-access-logging's).
resource "aws_s3_bucket" "trail" {
  bucket = "audit-trail"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "audit-trail"
}

# Log buckets that only their policy shows: the services writing to them are configured
# elsewhere (another stack, the console).
data "aws_elb_service_account" "main" {}

resource "aws_s3_bucket" "elb_logs" {
  bucket = "elb-logs"
}

data "aws_iam_policy_document" "elb_logs" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.elb_logs.arn}/AWSLogs/*"]
    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.main.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "elb_logs" {
  bucket = aws_s3_bucket.elb_logs.id
  policy = data.aws_iam_policy_document.elb_logs.json
}

resource "aws_s3_bucket" "server_logs" {
  bucket = "server-access-logs"
}

resource "aws_s3_bucket_policy" "server_logs" {
  bucket = aws_s3_bucket.server_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "logging.s3.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.server_logs.arn}/*"
    }]
  })
}

# Receives AWS Config's snapshots and history.
resource "aws_s3_bucket" "config" {
  bucket_prefix = "config-"
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.config.bucket
}
