variable "secret_id" {
  type = string
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}

# A rotation whose secret is not known here: no secret of this configuration is judged.
resource "aws_secretsmanager_secret_rotation" "external" {
  secret_id           = var.secret_id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "other" {
  name = "prod/other"
}
