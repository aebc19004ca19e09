resource "aws_glacier_vault" "archive" {
  name = "archive"
  access_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/restore" }
      Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
      Resource  = "arn:aws:glacier:eu-west-1:123456789012:vaults/archive"
    }]
  })
}

variable "restore_principal" {}

resource "aws_glacier_vault" "unknown" {
  name = "unknown"
  access_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.restore_principal }
      Action    = "glacier:InitiateJob"
      Resource  = "arn:aws:glacier:eu-west-1:123456789012:vaults/unknown"
    }]
  })
}
