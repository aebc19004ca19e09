variable "managed_sse" {
  type = bool
}

resource "aws_kms_key" "queues" {
  enable_key_rotation = true
}

# Nothing written: SQS encrypts new queues with SSE-SQS.
resource "aws_sqs_queue" "default" {
  name = "default"
}

resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = aws_kms_key.queues.arn
}

resource "aws_sqs_queue" "events" {
  name                    = "events"
  sqs_managed_sse_enabled = var.managed_sse
}
