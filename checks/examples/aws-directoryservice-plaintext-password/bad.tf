variable "password" {
  default = "Sup3rS3cret!"
}

resource "aws_directory_service_directory" "corp" {
  name = "corp.example.com"
  size = "Small"
  password = "hunter2hunter2"
}

resource "aws_directory_service_directory" "corp_staging" {
  name = "corp.example.com"
  size = "Small"
  password = var.password
}
