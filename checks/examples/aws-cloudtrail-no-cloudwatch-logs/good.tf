variable "log_group_arn" {
  type = string
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
}

resource "aws_cloudtrail" "referenced" {
  name                       = "referenced"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-logs"
}

resource "aws_cloudtrail" "variable" {
  name                       = "variable"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-logs"
}
