variable "clickstream_encryption" {
  default = "NONE"
}

resource "aws_kinesis_stream" "orders" {
  name            = "orders"
  shard_count     = 2
  encryption_type = "NONE"
}

# encryption_type defaults to NONE.
resource "aws_kinesis_stream" "metrics" {
  name        = "metrics"
  shard_count = 1
}

resource "aws_kinesis_stream" "clickstream" {
  name            = "clickstream"
  shard_count     = 4
  encryption_type = var.clickstream_encryption
}
