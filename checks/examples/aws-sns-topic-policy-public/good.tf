resource "aws_sns_topic_policy" "alerts" {
  arn = "arn:aws:sns:eu-west-1:123456789012:alerts"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "arn:aws:sns:eu-west-1:123456789012:alerts"
    }]
  })
}
resource "aws_sns_topic_policy" "org" {
  arn = "arn:aws:sns:eu-west-1:123456789012:org"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = "arn:aws:sns:eu-west-1:123456789012:org"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
