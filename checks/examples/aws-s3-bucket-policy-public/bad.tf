resource "aws_s3_bucket_policy" "public" {
  bucket = "acme-assets"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-assets/*"
    }]
  })
}
