variable "retention" {
  type = number
}

resource "aws_cloudwatch_log_group" "year" {
  name              = "/app/web"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "configurable" {
  name              = "/app/worker"
  retention_in_days = var.retention
}
