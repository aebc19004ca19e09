variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_instance" "worker" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "worker"

  user_data = <<-EOF
    #!/bin/bash
    export AWS_DEFAULT_REGION=eu-west-1
    export DB_SECRET_ARN=arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id "$DB_SECRET_ARN" --query SecretString --output text)
    TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60")
  EOF
}

# The password comes from a variable without default: not known here, not judged.
resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-12345678"
  user_data   = <<-EOF
    #!/bin/bash
    echo "DB_PASSWORD=${var.db_password}" >> /etc/app.env
  EOF
}

resource "aws_launch_configuration" "web" {
  image_id         = "ami-12345678"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo="
}
