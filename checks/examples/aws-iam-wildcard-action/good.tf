resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Statement = [
      {
        Action   = ["s3:GetObject", "s3:ListBucket", "s3:Get*"]
        Effect   = "Allow"
        Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
      },
      {
        # A wildcard in a Deny restricts: never a finding.
        Action   = "*"
        Effect   = "Deny"
        Resource = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      }
    ]
  })
}

data "aws_caller_identity" "current" {}

# The standard key policy: the account's IAM decides who may use the key.
resource "aws_kms_key" "data" {
  enable_key_rotation = true
  policy = jsonencode({
    Statement = [{
      Sid       = "Enable IAM User Permissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_organizations_policy" "full_access" {
  name    = "FullAWSAccess"
  content = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

# The same delegation written as a data source that feeds a key's policy; the caller's ARN is
# unknown before apply and is not judged.
data "aws_iam_policy_document" "key" {
  statement {
    sid       = "Enable IAM User Permissions"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type = "AWS"
      identifiers = [
        "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root",
        data.aws_caller_identity.current.arn,
      ]
    }
  }
}

resource "aws_kms_key" "logs" {
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.key.json
}
