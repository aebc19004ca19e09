resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}

resource "aws_s3_bucket" "trail" {
  bucket = "audit-trail"
}

resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  acl    = "private"
}

variable "acl" {
  type = string
}

resource "aws_cloudtrail" "second" {
  name           = "second"
  s3_bucket_name = "second-trail"
}

resource "aws_s3_bucket" "second" {
  bucket = "second-trail"
  acl    = var.acl
}

# Public, but no trail writes to it: aws-s3-public-acl's business, not this check's.
resource "aws_s3_bucket" "website" {
  bucket = "public-site"
  acl    = "public-read"
}
