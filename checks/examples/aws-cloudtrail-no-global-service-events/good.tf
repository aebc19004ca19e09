variable "global_events" {
  type = bool
}

resource "aws_cloudtrail" "default" {
  name           = "default-includes-global-events"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "explicit" {
  name                          = "explicit"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = true
}

resource "aws_cloudtrail" "configurable" {
  name                          = "configurable"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = var.global_events
}
