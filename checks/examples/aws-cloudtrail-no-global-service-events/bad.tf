resource "aws_cloudtrail" "regional_only" {
  name                          = "no-iam-events"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = false
}
