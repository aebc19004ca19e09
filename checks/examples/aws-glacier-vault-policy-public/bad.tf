resource "aws_glacier_vault" "archive" {
  name = "archive"
  access_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
      Resource  = "arn:aws:glacier:eu-west-1:123456789012:vaults/archive"
    }]
  })
}
