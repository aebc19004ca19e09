resource "aws_sns_topic_policy" "alerts" {
  arn = "arn:aws:sns:eu-west-1:123456789012:alerts"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["sns:Publish", "sns:Subscribe"]
      Resource  = "arn:aws:sns:eu-west-1:123456789012:alerts"
    }]
  })
}
