resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_endpoint_configuration" "model" {
  name = "model"

  production_variants {
    variant_name           = "main"
    model_name             = "model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_notebook_instance" "research_managed" {
  name          = "research"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/sagemaker"
}
