variable "sqs_key" {
  type    = string
  default = "alias/aws/sqs"
}

# Encrypted, but with the default key AWS manages.
resource "aws_sqs_queue" "plain" {
  name              = "plain"
}

resource "aws_sqs_queue" "managed" {
  name              = "managed"
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_sqs_queue" "from_variable" {
  name              = "from-variable"
  kms_master_key_id = var.sqs_key
}
