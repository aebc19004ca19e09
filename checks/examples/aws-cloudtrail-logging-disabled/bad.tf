resource "aws_cloudtrail" "stopped" {
  name           = "stopped"
  s3_bucket_name = "audit-logs"
  enable_logging = false
}
