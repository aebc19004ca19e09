variable "acl" {
  type = string
}

resource "aws_s3_bucket" "private" {
  bucket = "acme-private"
  acl    = "private"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}

# Unknown: not judged.
resource "aws_s3_bucket_acl" "configured" {
  bucket = aws_s3_bucket.logs.id
  acl    = var.acl
}

resource "aws_s3_bucket_acl" "partner" {
  bucket = aws_s3_bucket.logs.id

  access_control_policy {
    grant {
      grantee {
        type = "CanonicalUser"
        id   = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
      }
      permission = "READ"
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}
