variable "all_supported" {
  type = bool
}

resource "aws_config_configuration_recorder" "default" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/config"
}

resource "aws_config_configuration_recorder" "explicit" {
  name     = "explicit"
  role_arn = "arn:aws:iam::111122223333:role/config"
  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder" "configurable" {
  name     = "configurable"
  role_arn = "arn:aws:iam::111122223333:role/config"
  recording_group {
    all_supported = var.all_supported
  }
}
