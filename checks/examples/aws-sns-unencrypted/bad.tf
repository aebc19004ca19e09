# SNS stores messages unencrypted unless a KMS key is given.
resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = null
}

# An empty key turns encryption off.
resource "aws_sns_topic" "audit" {
  name              = "audit"
  kms_master_key_id = ""
}
