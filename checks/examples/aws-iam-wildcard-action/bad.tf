resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Statement = [{
      Action   = "*"
      Effect   = "Allow"
      Resource = "*"
    }]
  })
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = "acme-assets"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "s3:*",
          "Principal": { "AWS": "arn:aws:iam::123456789012:role/uploader" },
          "Resource": "arn:aws:s3:::acme-assets/*"
        }
      ]
    }
  JSON
}

data "aws_iam_policy_document" "everything_but_iam" {
  statement {
    effect    = "Allow"
    resources = ["*"]
    # Allow + NotAction grants every other action, including future ones.
    not_actions = ["iam:*"]
  }
}
