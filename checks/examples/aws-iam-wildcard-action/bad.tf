resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Statement = [{
      Action   = "iam:*"
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

data "aws_iam_policy_document" "ssm_agent" {
  statement {
    # Low: the SSM agent's message channel, nothing else.
    actions   = ["ssmmessages:*"]
    resources = ["*"]
  }
}
