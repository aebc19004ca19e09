variable "status" {
  type = string
}

resource "aws_securityhub_standards_control" "enabled" {
  standards_control_arn = "arn:aws:securityhub:eu-west-1:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/EC2.2"
  control_status        = "ENABLED"
}

resource "aws_securityhub_standards_control" "configurable" {
  standards_control_arn = "arn:aws:securityhub:eu-west-1:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/S3.1"
  control_status        = var.status
}
