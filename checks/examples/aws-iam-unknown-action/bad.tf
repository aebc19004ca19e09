resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObjcet", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
    }]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["ec2:DescribeInstance"]
    resources = ["*"]
  }
}
