resource "aws_s3_bucket" "data" {
  bucket = "app-data"
}
