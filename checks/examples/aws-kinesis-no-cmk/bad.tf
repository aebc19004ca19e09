variable "stream_key" {
  default = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "orders" {
  name            = "orders"
  shard_count     = 2
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 4
  encryption_type = "KMS"
  kms_key_id      = var.stream_key
}
