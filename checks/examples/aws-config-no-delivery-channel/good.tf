resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = "config-history"
  depends_on     = [aws_config_configuration_recorder.main]
}
