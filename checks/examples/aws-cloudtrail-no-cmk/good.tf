variable "trail_key" {
  description = "supplied per account; unknown here"
  type        = string
}

resource "aws_kms_key" "trail" {
  enable_key_rotation = true
}

resource "aws_cloudtrail" "referenced" {
  name           = "referenced"
  s3_bucket_name = "audit-logs"
  kms_key_id     = aws_kms_key.trail.arn
}

resource "aws_cloudtrail" "literal" {
  name           = "literal"
  s3_bucket_name = "audit-logs"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_cloudtrail" "variable" {
  name           = "variable"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.trail_key
}
