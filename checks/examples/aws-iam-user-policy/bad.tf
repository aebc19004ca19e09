resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_user_policy" "jim" {
  name   = "jim"
  user   = aws_iam_user.jim.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ec2:Describe*", Resource = "*" }] })
}

resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  groups     = ["readers"]
  users      = [aws_iam_user.jim.name]
}
