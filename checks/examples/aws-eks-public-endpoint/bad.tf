resource "aws_eks_cluster" "default" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_eks_cluster" "listed" {
  name     = "listed"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0"]
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24", "0.0.0.0/0"]
  }
}
