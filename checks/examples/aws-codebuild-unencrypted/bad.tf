resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type                = "S3"
    location            = "example-build-artifacts"
    encryption_disabled = true
  }

  secondary_artifacts {
    artifact_identifier = "reports"
    type                = "S3"
    location            = "example-build-reports"
    encryption_disabled = true
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  logs_config {
    s3_logs {
      status              = "ENABLED"
      location            = "example-build-logs/build"
      encryption_disabled = true
    }
  }

  source {
    type = "CODEPIPELINE"
  }
}
