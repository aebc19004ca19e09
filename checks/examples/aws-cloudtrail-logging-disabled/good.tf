variable "logging" {
  type = bool
}

resource "aws_cloudtrail" "default" {
  name           = "logs-by-default"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "configurable" {
  name           = "configurable"
  s3_bucket_name = "audit-logs"
  enable_logging = var.logging
}
