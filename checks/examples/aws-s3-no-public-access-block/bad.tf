# No public access block declared for this bucket.
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

# This block configures another bucket, not `reports`.
resource "aws_s3_bucket_public_access_block" "other" {
  bucket = aws_s3_bucket.uploads_archive.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "uploads_archive" {
  bucket = "acme-uploads-archive"
}
