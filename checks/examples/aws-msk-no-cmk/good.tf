variable "key_arn" {
  type = string
}

resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    security_groups = ["sg-0123456789abcdef0"]
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.data.arn
  }
}

resource "aws_msk_cluster" "events_staging" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    security_groups = ["sg-0123456789abcdef0"]
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = var.key_arn
  }
}
