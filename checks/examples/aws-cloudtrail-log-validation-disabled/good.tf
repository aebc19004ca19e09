variable "validate" {
  type = bool
}

resource "aws_cloudtrail" "validated" {
  name                       = "validated"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "configurable" {
  name                       = "configurable"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = var.validate
}
