variable "results_key_arn" {
  type = string
}

resource "aws_kms_key" "athena" {
  enable_key_rotation = true
}

resource "aws_athena_workgroup" "reports" {
  name = "reports"

  configuration {
    enforce_workgroup_configuration = true

    result_configuration {
      output_location = "s3://example-athena-results/reports/"

      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = aws_kms_key.athena.arn
      }
    }
  }
}

resource "aws_athena_database" "events" {
  name   = "events"
  bucket = "example-athena-results"

  encryption_configuration {
    encryption_option = "CSE_KMS"
    kms_key           = var.results_key_arn
  }
}
