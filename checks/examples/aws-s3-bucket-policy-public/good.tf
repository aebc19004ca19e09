resource "aws_s3_bucket_policy" "cdn" {
  bucket = "acme-assets"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-assets/*"
      Condition = { StringEquals = { "aws:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/E1ABCDEF" } }
    }]
  })
}
resource "aws_s3_bucket_policy" "vpc" {
  bucket = "acme-internal"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-internal/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
    }]
  })
}
