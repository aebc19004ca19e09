resource "aws_cloudtrail" "default" {
  name           = "single-region"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "explicit" {
  name                  = "explicit"
  is_multi_region_trail = false
  s3_bucket_name        = "audit-logs"
}
