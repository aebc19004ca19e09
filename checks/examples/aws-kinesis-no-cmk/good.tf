variable "stream_key" {
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

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 4
  encryption_type = "KMS"
  kms_key_id      = var.stream_key
}
