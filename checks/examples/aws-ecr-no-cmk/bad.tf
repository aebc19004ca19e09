# No encryption_configuration: AES256 with keys ECR owns.
resource "aws_ecr_repository" "api" {
  name = "api"
}

# KMS without a key: the AWS managed key aws/ecr.
resource "aws_ecr_repository" "worker" {
  name = "worker"

  encryption_configuration {
    encryption_type = "KMS"
  }
}
