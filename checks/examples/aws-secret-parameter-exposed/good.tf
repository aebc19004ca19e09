variable "db_password" {
  type      = string
  sensitive = true
}

# Where the secret is kept is not itself a secret.
variable "db_password_secret_arn" {
  type    = string
  default = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db"
}

variable "token_ttl" {
  type    = number
  default = 3600
}

# Settings about secrets, typed as what they are: a flag, references to secrets.
variable "manage_master_user_password" {
  type    = bool
  default = true
}

variable "create_access_key" {
  type    = bool
  default = true
}

variable "secrets" {
  type = list(object({
    name      = string
    valueFrom = string
  }))
  default = null
}
