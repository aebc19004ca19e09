resource "aws_kms_key" "default" {
  description = "rotation never configured"
}

resource "aws_kms_key" "explicit" {
  description         = "rotation switched off"
  enable_key_rotation = false
}
