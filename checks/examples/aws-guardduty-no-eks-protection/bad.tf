resource "aws_guardduty_detector" "legacy" {
  enable = true

  datasources {
    kubernetes {
      audit_logs {
        enable = false
      }
    }
  }
}

resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_guardduty_detector_feature" "eks" {
  detector_id = aws_guardduty_detector.main.id
  name        = "EKS_AUDIT_LOGS"
  status      = "DISABLED"
}
