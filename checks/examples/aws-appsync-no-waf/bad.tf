resource "aws_appsync_graphql_api" "api" {
  name                = "api"
  authentication_type = "API_KEY"
}
