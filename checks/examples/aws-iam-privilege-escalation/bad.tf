resource "aws_iam_policy" "policy_admin" {
  name = "policy-admin"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreatePolicyVersion", "iam:GetPolicy"]
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "functions" {
  statement {
    actions = [
      "iam:PassRole",
      "lambda:CreateFunction",
      "lambda:InvokeFunction",
    ]
    resources = ["*"]
  }
}
