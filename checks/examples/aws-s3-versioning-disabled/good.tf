variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "configured" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = var.versioning_status
  }
}

# Nothing declared about versioning: not judged.
resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}
