resource "aws_wafv2_web_acl" "empty" {
  name  = "empty"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "empty"
    sampled_requests_enabled   = true
  }
}

# Every rule only counts.
resource "aws_wafv2_web_acl" "counting" {
  name  = "counting"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 1
    override_action {
      count {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "counting"
    sampled_requests_enabled   = true
  }
}
