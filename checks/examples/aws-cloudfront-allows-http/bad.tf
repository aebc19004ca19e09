locals {
  policy = "allow-all"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
    target_origin_id       = "web"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    viewer_protocol_policy = "https-only"
    target_origin_id       = "web"
  }
}

resource "aws_cloudfront_distribution" "via_local" {
  enabled = true
  default_cache_behavior {
    target_origin_id = "web"
    # the local resolves to allow-all
    viewer_protocol_policy = local.policy
  }
}
