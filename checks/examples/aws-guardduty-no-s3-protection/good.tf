variable "s3_protection" {
  type = bool
}

resource "aws_guardduty_detector" "default" {
  enable = true
}

resource "aws_guardduty_detector" "legacy" {
  enable = true

  datasources {
    s3_logs {
      enable = true
    }
    kubernetes {
      audit_logs {
        enable = false
      }
    }
  }
}

resource "aws_guardduty_detector" "configurable" {
  datasources {
    s3_logs {
      enable = var.s3_protection
    }
  }
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.default.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}

resource "aws_guardduty_detector_feature" "runtime" {
  detector_id = aws_guardduty_detector.default.id
  name        = "RUNTIME_MONITORING"
  status      = "DISABLED"
}
