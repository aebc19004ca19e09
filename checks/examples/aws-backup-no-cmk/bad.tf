resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "main_managed" {
  name = "main"
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:alias/aws/backup"
}
