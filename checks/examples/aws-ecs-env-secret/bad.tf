resource "aws_ecs_task_definition" "web" {
  family = "web"

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "nginx:1.27"
      essential = true
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "DATABASE_PASSWORD", value = "hunter2hunter2" },
      ]
    },
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "image": "worker:1.0",
        "environment": [
          { "name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE" }
        ]
      }
    ]
  JSON
}
