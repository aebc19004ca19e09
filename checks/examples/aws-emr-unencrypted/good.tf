variable "emr_configuration" {
  type = string
}

resource "aws_emr_security_configuration" "analytics" {
  name = "analytics"

  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = false
      EnableAtRestEncryption    = true
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = {
          EncryptionMode = "SSE-KMS"
          AwsKmsKey      = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        }
        LocalDiskEncryptionConfiguration = {
          EncryptionKeyProviderType = "AwsKms"
          AwsKmsKey                 = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
          EnableEbsEncryption       = true
        }
      }
    }
  })
}

# Kerberos only: this configuration says nothing about encryption.
resource "aws_emr_security_configuration" "kerberos" {
  name = "kerberos"

  configuration = jsonencode({
    AuthenticationConfiguration = {
      KerberosConfiguration = {
        Provider = "ClusterDedicatedKdc"
        ClusterDedicatedKdcConfiguration = {
          TicketLifetimeInHours = 24
        }
      }
    }
  })
}

resource "aws_emr_security_configuration" "given" {
  name          = "given"
  configuration = var.emr_configuration
}
