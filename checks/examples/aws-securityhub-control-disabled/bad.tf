resource "aws_securityhub_standards_control" "iam_root_mfa" {
  standards_control_arn = "arn:aws:securityhub:eu-west-1:111122223333:control/cis-aws-foundations-benchmark/v/1.2.0/1.14"
  control_status        = "DISABLED"
  disabled_reason       = "hardware MFA managed outside AWS"
}

resource "aws_securityhub_standards_control_association" "s3_logging" {
  security_control_id = "S3.9"
  standards_arn       = "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"
  association_status  = "DISABLED"
  updated_reason      = "access logs come from CloudTrail data events"
}
