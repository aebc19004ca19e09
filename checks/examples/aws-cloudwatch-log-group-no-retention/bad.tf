resource "aws_cloudwatch_log_group" "app" {
  name = "/app/web"
}

resource "aws_cloudwatch_log_group" "never" {
  name              = "/app/worker"
  retention_in_days = 0
}
