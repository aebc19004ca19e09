variable "disable_encryption" {
  type = bool
}

resource "aws_codebuild_project" "build" {
  name           = "build"
  service_role   = "arn:aws:iam::111122223333:role/codebuild"
  encryption_key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  artifacts {
    type     = "S3"
    location = "example-build-artifacts"
  }

  secondary_artifacts {
    artifact_identifier = "reports"
    type                = "S3"
    location            = "example-build-reports"
    encryption_disabled = var.disable_encryption
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  logs_config {
    s3_logs {
      status              = "DISABLED"
      encryption_disabled = true
    }
  }

  source {
    type = "CODEPIPELINE"
  }
}

resource "aws_codebuild_project" "lint" {
  name         = "lint"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type                = "NO_ARTIFACTS"
    encryption_disabled = true
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type = "CODEPIPELINE"
  }
}

resource "aws_codebuild_project" "pipeline_step" {
  name         = "pipeline-step"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type                = "CODEPIPELINE"
    encryption_disabled = true
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type = "CODEPIPELINE"
  }
}
