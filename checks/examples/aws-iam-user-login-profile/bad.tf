resource "aws_iam_user" "jim" {
  name = "jim"
}

resource "aws_iam_user_login_profile" "jim" {
  user    = aws_iam_user.jim.name
  pgp_key = "keybase:jim"
}
