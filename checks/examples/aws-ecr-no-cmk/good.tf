variable "registry_key_arn" {
  type = string
}

resource "aws_kms_key" "registry" {
  enable_key_rotation = true
}

resource "aws_ecr_repository" "api" {
  name = "api"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.registry.arn
  }
}

resource "aws_ecr_repository" "worker" {
  name = "worker"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.registry_key_arn
  }
}
