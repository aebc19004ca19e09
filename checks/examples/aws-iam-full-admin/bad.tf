resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Statement = [{
      Action   = "*"
      Effect   = "Allow"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  inline_policy {
    name   = "everything"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }] })
  }
}
