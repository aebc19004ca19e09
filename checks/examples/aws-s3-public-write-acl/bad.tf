variable "site_acl" {
  default = "public-read"
}

resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
  acl    = var.site_acl
}

resource "aws_s3_bucket" "drop" {
  bucket = "acme-drop"
}

resource "aws_s3_bucket_acl" "drop" {
  bucket = aws_s3_bucket.drop.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ"
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}

# Provider v3 form: a grant on the bucket itself.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
    permissions = ["READ", "WRITE"]
  }
}
