resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  security_policy = "TLS_1_0"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
}

variable "policy" {
  default = "TLS_1_0"
}

resource "aws_api_gateway_domain_name" "from_variable" {
  domain_name     = "v.example.com"
  security_policy = var.policy
}
