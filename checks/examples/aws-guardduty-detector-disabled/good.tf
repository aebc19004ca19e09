variable "enabled" {
  type = bool
}

resource "aws_guardduty_detector" "default" {}

resource "aws_guardduty_detector" "explicit" {
  enable = true
}

resource "aws_guardduty_detector" "configurable" {
  enable = var.enabled
}
