variable "policy" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  security_policy = "TLS_1_2"
}

resource "aws_api_gateway_domain_name" "enhanced" {
  domain_name          = "e.example.com"
  security_policy      = "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"
  endpoint_access_mode = "STRICT"
}

resource "aws_apigatewayv2_domain_name" "http" {
  domain_name = "h.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_api_gateway_domain_name" "configurable" {
  domain_name     = "c.example.com"
  security_policy = var.policy
}
