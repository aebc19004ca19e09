# Not marked sensitive: plans and outputs print it.
variable "db_password" {
  type = string
}

# A default writes the secret into the code.
variable "api_token" {
  type      = string
  sensitive = true
  default   = "tok_live_4eC39HqLyjWDarjtT1zdp7dc"
}
