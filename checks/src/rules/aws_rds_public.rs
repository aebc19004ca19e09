//! `aws-rds-public`: rDS database is publicly accessible.

use crate::network::public_endpoints;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::public_access::Endpoint;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-rds-public",
        aliases: &[],
        title: "RDS database is publicly accessible",
        severity: Severity::High,
        service: "rds",
        layer: Layer::Network,
        description: "An RDS DB instance or Aurora cluster instance with `publicly_accessible = true` / \
            `PubliclyAccessible: true` (`aws_db_instance`, `aws_rds_cluster_instance`, \
            `AWS::RDS::DBInstance`, and a call of the `terraform-aws-modules/rds/aws` registry \
            module with `publicly_accessible = true`), and in CloudFormation a non-Aurora instance that writes \
            neither `PubliclyAccessible` nor `DBSubnetGroupName`: RDS then places it in the \
            default VPC and makes it public by default.\n\nA publicly accessible database gets \
            a public DNS name and address; only its security groups stand between it and \
            every credential-stuffing and exploit scanner on the internet (AWS FSBP RDS.2). \
            Severity follows exposure: **critical** when one of its security groups (linked \
            through `vpc_security_group_ids` / `VPCSecurityGroups`) admits database ports or \
            all traffic from the internet, **high** when the flag is written, **medium** when \
            it is the CloudFormation default. An unknown flag never fires.",
        remediation: "Set `publicly_accessible = false` / `PubliclyAccessible: false`, place the \
            database in private subnets (a DB subnet group whose subnets have no route to an \
            internet gateway), and reach it through the application tier, a bastion with \
            Session Manager, or RDS Proxy.",
        references: &[
            "AWS Foundational Security Best Practices RDS.2 (RDS DB instances should prohibit public access)",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_17",
            "trivy:AVD-AWS-0180",
            "tfsec:aws-rds-no-public-db-access",
            "kics:35113e6f-2c6b-414d-beec-7a9482d3b2d1",
            "kics:de38e1d5-54cb-4111-a868-6f7722695007",
        ],
        examples: &[
            Example::bad("bad.tf", &[(21, "publicly_accessible = true"), (28, "publicly_accessible = true")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(17, "PubliclyAccessible: true"), (19, "DefaultVpcDb:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(10, "\"PubliclyAccessible\": true")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    public_endpoints(model, out, CHECK.meta.id, &[Endpoint::RdsInstance, Endpoint::RdsClusterInstance]);
}
