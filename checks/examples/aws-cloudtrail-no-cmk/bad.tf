resource "aws_cloudtrail" "default" {
  name           = "sse-s3-only"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "empty" {
  kms_key_id     = ""
  name           = "empty-key"
  s3_bucket_name = "audit-logs"
}
