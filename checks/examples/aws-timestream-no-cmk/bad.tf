resource "aws_timestreamwrite_database" "metrics" {
  database_name = "metrics"
}

resource "aws_timestreamwrite_database" "metrics_managed" {
  database_name = "metrics"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/timestream"
}
