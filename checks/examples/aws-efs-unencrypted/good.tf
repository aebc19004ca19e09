variable "encrypted" {
  type = bool
}

resource "aws_kms_key" "main" {
  enable_key_rotation = true
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.main.arn
}

resource "aws_efs_file_system" "archive" {
  creation_token = "archive"
  encrypted      = var.encrypted
}
