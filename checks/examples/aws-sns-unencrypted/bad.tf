# SNS stores messages unencrypted unless a KMS key is given.
resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = null
}
