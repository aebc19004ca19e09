resource "aws_iam_role_policy" "uploader" {
  name = "uploader"
  role = "uploader"
  policy = jsonencode({
    Statement = [{
      Action   = ["s3:PutObject", "ec2:DescribeInstances"]
      Effect   = "Allow"
      Resource = "*"
    }]
  })
}
