data "aws_iam_policy_document" "everything_but_iam" {
  statement {
    effect    = "Allow"
    resources = ["*"]
    # Allow + NotAction grants every other action, including future ones.
    not_actions = ["iam:*"]
  }
}
