variable "multi_region" {
  description = "decided per account; unknown here"
  type        = bool
}

resource "aws_cloudtrail" "all_regions" {
  name                  = "all-regions"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "configurable" {
  name                  = "configurable"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.multi_region
}
