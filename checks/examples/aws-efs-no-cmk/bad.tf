variable "efs_key" {
  type    = string
  default = "alias/aws/elasticfilesystem"
}

# Encrypted, but with the default key AWS manages.
resource "aws_efs_file_system" "plain" {
  creation_token    = "plain"
  encrypted         = true
}

resource "aws_efs_file_system" "managed" {
  creation_token    = "managed"
  encrypted         = true
  kms_key_id        = "alias/aws/elasticfilesystem"
}

resource "aws_efs_file_system" "from_variable" {
  creation_token    = "from-variable"
  encrypted         = true
  kms_key_id        = var.efs_key
}
