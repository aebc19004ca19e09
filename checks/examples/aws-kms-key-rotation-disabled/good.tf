variable "rotate" {
  description = "decided per environment; unknown here"
  type        = bool
}

resource "aws_kms_key" "rotating" {
  enable_key_rotation = true
}

resource "aws_kms_key" "signing" {
  description              = "asymmetric keys cannot rotate automatically"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "configurable" {
  enable_key_rotation = var.rotate
}

resource "aws_kms_key" "mac" {
  description = "HMAC keys generate and verify MACs; they do not rotate"
  key_usage   = "GENERATE_VERIFY_MAC"
}
