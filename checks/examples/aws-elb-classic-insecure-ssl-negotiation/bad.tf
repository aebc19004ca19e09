resource "aws_load_balancer_policy" "legacy" {
  load_balancer_name = "web"
  policy_name        = "legacy-ssl"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Protocol-TLSv1"
    value = "true"
  }

  policy_attribute {
    name  = "DES-CBC3-SHA"
    value = "true"
  }

  policy_attribute {
    name  = "Protocol-SSLv3"
    value = "false"
  }
}
