variable "log_bucket" {
  description = "the central log bucket; unknown here"
  type        = string
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  logging_config {
    bucket = "${var.log_bucket}.s3.amazonaws.com"
    prefix = "site/"
  }
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}

# Standard logging v2: a CloudWatch Logs delivery source reads the access logs.
resource "aws_cloudfront_distribution" "app" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}

resource "aws_cloudwatch_log_delivery_source" "app" {
  name         = "cloudfront-app"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.app.arn
}
