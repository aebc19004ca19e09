resource "aws_guardduty_detector" "suspended" {
  enable = false
}
