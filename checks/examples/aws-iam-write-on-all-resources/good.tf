resource "aws_iam_role_policy" "uploader" {
  name = "uploader"
  role = "uploader"
  policy = jsonencode({
    Statement = [
      {
        Action   = ["s3:PutObject"]
        Effect   = "Allow"
        Resource = "arn:aws:s3:::acme-uploads/*"
      },
      {
        # Describe actions take no resource: `*` is the only choice.
        Action   = ["ec2:DescribeInstances", "cloudwatch:PutMetricData"]
        Effect   = "Allow"
        Resource = "*"
      }
    ]
  })
}
