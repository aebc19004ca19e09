data "aws_iam_policy_document" "all_but_audit" {
  statement {
    effect        = "Allow"
    actions       = ["s3:*"]
    not_resources = ["arn:aws:s3:::audit-logs/*"]
  }
}
