resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}

resource "aws_s3_bucket" "trail" {
  bucket = "audit-trail"
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "audit-trail/"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "access-logs"
}

variable "bucket_name" {
  type = string
}

# A bucket that is not known here: not judged.
resource "aws_cloudtrail" "elsewhere" {
  name           = "elsewhere"
  s3_bucket_name = var.bucket_name
}
