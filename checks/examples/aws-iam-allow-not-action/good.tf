# Deny + NotAction fences the principal to two services: the intended pattern.
data "aws_iam_policy_document" "only_s3_and_logs" {
  statement {
    effect      = "Deny"
    resources   = ["*"]
    not_actions = ["s3:*", "logs:*"]
  }
}

data "aws_iam_policy_document" "unknown" {
  statement {
    effect      = "Allow"
    resources   = ["*"]
    not_actions = var.excluded
  }
}

variable "excluded" {
  type = list(string)
}
