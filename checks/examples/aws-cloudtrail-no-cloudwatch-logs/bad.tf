resource "aws_cloudtrail" "default" {
  name           = "s3-only"
  s3_bucket_name = "audit-logs"
}
