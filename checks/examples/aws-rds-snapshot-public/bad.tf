resource "aws_db_snapshot" "release" {
  db_instance_identifier = "app"
  db_snapshot_identifier = "app-release"
  shared_accounts        = ["all"]
}

resource "aws_db_cluster_snapshot" "analytics" {
  db_cluster_identifier          = "analytics"
  db_cluster_snapshot_identifier = "analytics-release"
  shared_accounts                = ["111122223333", "all"]
}
