resource "aws_cloudtrail" "default" {
  name           = "unvalidated"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "explicit" {
  name                       = "explicit"
  enable_log_file_validation = false
  s3_bucket_name             = "audit-logs"
}
