variable "key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_backup_vault" "main" {
  name = "main"
  kms_key_arn = aws_kms_key.data.arn
}

resource "aws_backup_vault" "main_staging" {
  name = "main"
  kms_key_arn = var.key_arn
}
