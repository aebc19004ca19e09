variable "visibility" {
  description = "decided per environment; unknown here"
  type        = string
}

resource "aws_appsync_graphql_api" "api" {
  name                = "api"
  authentication_type = "AMAZON_COGNITO_USER_POOLS"
}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_appsync_graphql_api.api.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/abc"
}

resource "aws_appsync_graphql_api" "private" {
  name                = "private"
  authentication_type = "AWS_IAM"
  visibility          = "PRIVATE"
}

resource "aws_appsync_graphql_api" "configurable" {
  name                = "configurable"
  authentication_type = "AWS_IAM"
  visibility          = var.visibility
}
