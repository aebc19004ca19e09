resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "S3:listbucket", "s3:Get*", "ec2:Describe*"]
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["${var.service}:DescribeInstances"]
    resources = ["*"]
  }
}

variable "service" {
  type = string
}
