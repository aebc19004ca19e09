variable "key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_timestreamwrite_database" "metrics" {
  database_name = "metrics"
  kms_key_id = aws_kms_key.data.arn
}

resource "aws_timestreamwrite_database" "metrics_staging" {
  database_name = "metrics"
  kms_key_id = var.key_arn
}
