resource "aws_iam_saml_provider" "okta" {
  name                   = "okta"
  saml_metadata_document = file("okta.xml")
}

data "aws_iam_policy_document" "sso" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithSAML"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:saml-provider/okta"]
    }
  }
}
