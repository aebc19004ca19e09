resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy" "developers" {
  name   = "developers"
  group  = aws_iam_group.developers.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ec2:Describe*", Resource = "*" }] })
}

resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  groups     = [aws_iam_group.developers.name]
  users      = []
}
