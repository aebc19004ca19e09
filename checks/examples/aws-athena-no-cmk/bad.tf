resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
}

resource "aws_athena_workgroup" "reports" {
  name = "reports"

  configuration {
    result_configuration {
      output_location = "s3://example-athena-results/reports/"

      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }
}

resource "aws_athena_database" "events" {
  name   = "events"
  bucket = "example-athena-results"

  encryption_configuration {
    encryption_option = "SSE_S3"
  }
}
