resource "aws_rds_global_cluster" "orders" {
  global_cluster_identifier = "orders"
  engine                    = "aurora-postgresql"
}

# A cross-region replica and a point-in-time restore take their source's encryption.
resource "aws_rds_cluster" "orders_replica" {
  cluster_identifier            = "orders-replica"
  engine                        = "aurora-postgresql"
  replication_source_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster:orders"
}

resource "aws_rds_cluster" "orders_restored" {
  cluster_identifier = "orders-restored"
  engine             = "aurora-postgresql"

  restore_to_point_in_time {
    source_cluster_identifier  = "orders"
    use_latest_restorable_time = true
  }
}

# A global cluster made from an existing cluster takes that cluster's encryption.
resource "aws_rds_global_cluster" "from_cluster" {
  global_cluster_identifier    = "from-cluster"
  source_db_cluster_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster:orders"
}
