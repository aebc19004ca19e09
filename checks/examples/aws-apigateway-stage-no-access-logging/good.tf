variable "log_group_arn" {
  description = "a log group managed elsewhere; unknown here"
  type        = string
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3"
  deployment_id = "abc123"
  stage_name    = "prod"
  access_log_settings {
    destination_arn = var.log_group_arn
    format          = "$context.requestId"
  }
}

resource "aws_apigatewayv2_stage" "http" {
  api_id = "a1b2c3"
  name   = "$default"
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api"
    format          = "$context.requestId"
  }
}
