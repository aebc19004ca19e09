variable "sns_key" {
  type    = string
  default = "alias/aws/sns"
}

resource "aws_sns_topic" "managed" {
  name              = "managed"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "from_variable" {
  name              = "from-variable"
  kms_master_key_id = var.sns_key
}
