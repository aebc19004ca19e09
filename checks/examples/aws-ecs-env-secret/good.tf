variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "web" {
  family = "web"

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "nginx:1.27"
      essential = true
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "DATABASE_PASSWORD", value = var.db_password },
      ]
      secrets = [
        { name = "API_TOKEN", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:api" },
      ]
    },
  ])
}
