variable "topic_key" {
  type = string
}

resource "aws_kms_key" "sns" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "orders" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.sns.arn
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = var.topic_key
}

# Encrypted, if only with the AWS managed key: aws-sns-no-cmk's business.
resource "aws_sns_topic" "audit" {
  name              = "audit"
  kms_master_key_id = "alias/aws/sns"
}
