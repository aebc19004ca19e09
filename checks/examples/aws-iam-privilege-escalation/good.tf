# Self-service credentials: each user manages only their own keys.
resource "aws_iam_policy" "own_keys" {
  name = "own-keys"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys"]
      Resource = "arn:aws:iam::*:user/$${aws:username}"
    }]
  })
}

# PassRole without anything that launches the role.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["iam:GetRole", "iam:PassRole", "lambda:GetFunction"]
    resources = ["*"]
  }
}
