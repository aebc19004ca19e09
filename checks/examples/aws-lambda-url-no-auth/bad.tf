resource "aws_lambda_function_url" "webhook" {
  function_name      = "webhook"
  authorization_type = "NONE"
}
