variable "auth" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_rest_api" "restricted" {
  name = "restricted"
}

resource "aws_api_gateway_rest_api_policy" "restricted" {
  rest_api_id = aws_api_gateway_rest_api.restricted.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
    }]
  })
}

resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_method" "iam" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = "abc"
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "api_key" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = "abc"
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method" "behind_policy" {
  rest_api_id   = aws_api_gateway_rest_api.restricted.id
  resource_id   = "abc"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "private" {
  rest_api_id   = aws_api_gateway_rest_api.private.id
  resource_id   = "abc"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "configurable" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = "abc"
  http_method   = "DELETE"
  authorization = var.auth
}
