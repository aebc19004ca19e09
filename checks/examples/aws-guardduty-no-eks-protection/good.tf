variable "eks_protection" {
  type = string
}

resource "aws_guardduty_detector" "default" {
  enable = true
}

resource "aws_guardduty_detector" "legacy" {
  enable = true

  datasources {
    kubernetes {
      audit_logs {
        enable = true
      }
    }
    s3_logs {
      enable = false
    }
  }
}

resource "aws_guardduty_detector_feature" "eks" {
  detector_id = aws_guardduty_detector.default.id
  name        = "EKS_AUDIT_LOGS"
  status      = var.eks_protection
}
