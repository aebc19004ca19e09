resource "aws_instance" "worker" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"

  user_data = <<-EOF
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  EOF
}

resource "aws_launch_configuration" "web" {
  image_id         = "ami-12345678"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKbWtkaXIgLXAgL3Jvb3QvLnNzaApjYXQgPiAvcm9vdC8uc3NoL2lkX3JzYSA8PEtFWQotLS0tLUJFR0lOIFJTQSBQUklWQVRFIEtFWS0tLS0tCk1JSUVwQUlCQUFLQ0FRRUEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0KS0VZCg=="
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-12345678"
  user_data   = <<-EOF
    #!/bin/bash
    echo "DB_HOST=${var.db_host}" >> /etc/app.env
    echo "DB_PASSWORD=hunter2hunter2" >> /etc/app.env
  EOF
}

variable "db_host" {
  type = string
}
