resource "aws_guardduty_detector" "legacy" {
  enable = true

  datasources {
    s3_logs {
      enable = false
    }
  }
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "DISABLED"
}
