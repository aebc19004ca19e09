resource "aws_lambda_permission" "uploads" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  principal      = "s3.amazonaws.com"
  function_name  = "thumbnailer"
  source_arn     = "arn:aws:s3:::acme-uploads"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
  function_name    = "thumbnailer"
}

variable "invoker" {}

resource "aws_lambda_permission" "unknown" {
  statement_id  = "AllowInvoker"
  action        = "lambda:InvokeFunction"
  principal     = var.invoker
  function_name = "thumbnailer"
}
