resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Suspended"
  }
}

# Provider v3 form.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  versioning {
    enabled = false
  }
}
