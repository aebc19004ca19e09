resource "aws_iam_user" "deployer" {
  name = "deployer"
}
