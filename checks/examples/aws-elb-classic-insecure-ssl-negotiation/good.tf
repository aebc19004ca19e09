variable "enable_tls1" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_load_balancer_policy" "modern" {
  load_balancer_name = "web"
  policy_name        = "modern-ssl"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_policy" "configurable" {
  load_balancer_name = "web"
  policy_name        = "configurable-ssl"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Protocol-TLSv1"
    value = var.enable_tls1
  }
}

resource "aws_load_balancer_policy" "backend_key" {
  load_balancer_name = "web"
  policy_name        = "backend-key"
  policy_type_name   = "PublicKeyPolicyType"

  policy_attribute {
    name  = "PublicKey"
    value = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"
  }
}
