variable "secretsmanager_key" {
  type    = string
  default = "alias/aws/secretsmanager"
}

# Encrypted, but with the default key AWS manages.
resource "aws_secretsmanager_secret" "plain" {
  name       = "plain"
}

resource "aws_secretsmanager_secret" "managed" {
  name       = "managed"
  kms_key_id = "alias/aws/secretsmanager"
}

resource "aws_secretsmanager_secret" "from_variable" {
  name       = "from-variable"
  kms_key_id = var.secretsmanager_key
}
