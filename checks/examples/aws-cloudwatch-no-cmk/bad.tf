variable "cloudwatch_key" {
  type    = string
  default = ""
}

# Encrypted, but with a key CloudWatch Logs owns.
resource "aws_cloudwatch_log_group" "plain" {
  name       = "/app/plain"
}

resource "aws_cloudwatch_log_group" "managed" {
  name       = "/app/managed"
  kms_key_id = ""
}

resource "aws_cloudwatch_log_group" "from_variable" {
  name       = "/app/from-variable"
  kms_key_id = var.cloudwatch_key
}
