resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "internal" {
  name = "internal"
}

resource "aws_db_instance" "orders" {
  identifier             = "orders"
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible = true
}

resource "aws_rds_cluster_instance" "reporting" {
  cluster_identifier     = "reporting"
  instance_class         = "db.r6g.large"
  engine                 = "aurora-postgresql"
  publicly_accessible = true
}
