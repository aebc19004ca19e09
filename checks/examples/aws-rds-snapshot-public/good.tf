variable "accounts" {
  type = list(string)
}

resource "aws_db_snapshot" "release" {
  db_instance_identifier = "app"
  db_snapshot_identifier = "app-release"
  shared_accounts        = ["111122223333"]
}

resource "aws_db_snapshot" "configured" {
  db_instance_identifier = "app"
  db_snapshot_identifier = "app-configured"
  shared_accounts        = var.accounts
}
