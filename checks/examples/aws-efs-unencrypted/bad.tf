variable "encrypt_archive" {
  type    = bool
  default = false
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = false
}

# Not written: the service default is unencrypted.
resource "aws_efs_file_system" "scratch" {
  creation_token = "scratch"
}

resource "aws_efs_file_system" "archive" {
  creation_token = "archive"
  encrypted      = var.encrypt_archive
}
