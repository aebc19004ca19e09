variable "api_token" {
  default = "tok_live_4eC39HqLyjWDarjtT1zdp7dc"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/prod/db/password"
  type  = "String"
  value = "hunter2hunter2"
}

resource "aws_ssm_parameter" "api_token" {
  name           = "/prod/api/token"
  type           = "String"
  insecure_value = var.api_token
}

resource "aws_ssm_parameter" "deploy_key" {
  name  = "/prod/deploy/key"
  type  = "String"
  value = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
}
