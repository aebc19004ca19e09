# A queue module as teams write them: the caller chooses the key.

variable "name" {
  type = string
}

variable "kms_key_id" {
  description = "KMS key for the queue's messages."
  type        = string
}

resource "aws_sqs_queue" "this" {
  name              = var.name
  kms_master_key_id = var.kms_key_id
}
