resource "aws_batch_job_definition" "etl" {
  name = "etl"
  type = "container"

  container_properties = jsonencode({
    image   = "etl:1.0"
    command = ["run"]
    environment = [
      { name = "WAREHOUSE_PASSWORD", value = "hunter2hunter2" },
    ]
  })
}
