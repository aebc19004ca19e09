variable "key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
  kms_key_id = aws_kms_key.data.arn
}

resource "aws_sagemaker_notebook_instance" "research_staging" {
  name          = "research"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
  kms_key_id = var.key_arn
}

resource "aws_sagemaker_endpoint_configuration" "model" {
  name = "model"

  production_variants {
    variant_name           = "main"
    model_name             = "model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
  kms_key_arn = aws_kms_key.data.arn
}

resource "aws_sagemaker_endpoint_configuration" "model_staging" {
  name = "model"

  production_variants {
    variant_name           = "main"
    model_name             = "model"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
  kms_key_arn = var.key_arn
}
