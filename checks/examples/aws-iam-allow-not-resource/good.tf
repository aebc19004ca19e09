data "aws_iam_policy_document" "keep_out_of_audit" {
  statement {
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
  statement {
    effect        = "Deny"
    actions       = ["s3:*"]
    not_resources = ["arn:aws:s3:::reports/*"]
  }
}
