resource "aws_batch_job_definition" "etl" {
  name = "etl"
  type = "container"

  container_properties = jsonencode({
    image   = "etl:1.0"
    command = ["run"]
    environment = [
      { name = "WAREHOUSE_HOST", value = "warehouse.internal" },
    ]
    secrets = [
      { name = "WAREHOUSE_PASSWORD", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/etl/password" },
    ]
  })
}
