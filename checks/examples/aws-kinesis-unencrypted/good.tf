variable "encryption_type" {
  type = string
}

resource "aws_kms_key" "streams" {
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "orders" {
  name            = "orders"
  shard_count     = 2
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.streams.arn
}

resource "aws_kinesis_stream" "clickstream" {
  name            = "clickstream"
  shard_count     = 4
  encryption_type = var.encryption_type
}
