resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Statement = [{
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Effect   = "Allow"
      Resource = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
    }]
  })
}

# An explicit Deny of everything takes the Allow away entirely.
resource "aws_iam_policy" "quarantine" {
  name = "quarantine"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "*", Resource = "*" },
    ]
  })
}

# A service control policy grants nothing: FullAWSAccess is the default SCP.
resource "aws_organizations_policy" "full_access" {
  name    = "FullAWSAccess"
  content = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
