variable "vpc_id" {
  description = "a VPC managed elsewhere; unknown here"
  type        = string
}

resource "aws_route53_zone" "public" {
  name = "example.com"
}

resource "aws_route53_query_log" "public" {
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/example.com"
  zone_id                  = aws_route53_zone.public.zone_id
}

resource "aws_route53_zone" "private" {
  name = "internal.example.com"
  vpc {
    vpc_id = var.vpc_id
  }
}
