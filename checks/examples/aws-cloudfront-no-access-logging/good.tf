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
