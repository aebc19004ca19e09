variable "admin_cidr" {
  description = "Who may reach the bastion over SSH."
  type        = string
  default     = "0.0.0.0/0"
}

variable "github_org" {
  description = "GitHub organisation allowed to deploy."
  type        = string
  default     = "acme"
}

variable "log_bucket_kms_key" {
  description = "KMS key for the log bucket; supplied by the platform team at apply time."
  type        = string
}
