//! `aws-guardduty-no-eks-protection`: GuardDuty EKS Protection is declared disabled.

use crate::monitoring::flag_findings;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::guardduty::ProtectionPlan;
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-guardduty-no-eks-protection",
        aliases: &[],
        title: "GuardDuty EKS Protection is declared disabled",
        severity: Severity::Medium,
        service: "guardduty",
        layer: Layer::Monitoring,
        description: "A GuardDuty detector with EKS Protection (Kubernetes audit logs: `datasources.kubernetes.audit_logs`, `DataSources.Kubernetes.AuditLogs`, feature `EKS_AUDIT_LOGS`) declared disabled, in the detector's \
            legacy data source block, its `Features` list or a separate feature resource.\n\n\
            Without it GuardDuty does not analyse the audit logs of the account's EKS clusters, so it reports no anonymous access to the API server, no privileged or host-mounting pod, no exec into a pod by an unusual identity, no access from a known malicious address.\n\nA plan that is not written keeps the \
            service's default and is not reported.",
        remediation: "**Terraform:** `datasources { kubernetes { audit_logs { enable = true } } }` on `aws_guardduty_detector`, or `aws_guardduty_detector_feature` with `name = \"EKS_AUDIT_LOGS\"` and `status = \"ENABLED\"`.\n\n**CloudFormation:** `DataSources: { Kubernetes: { AuditLogs: { Enable: true } } }`, or a `Features` item `{ Name: EKS_AUDIT_LOGS, Status: ENABLED }` on \
            `AWS::GuardDuty::Detector`.",
        references: &[
            "AWS Foundational Security Best Practices GuardDuty.5 (GuardDuty EKS Audit Log Monitoring should be enabled)",
            "https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(7, "enable"), (20, "status")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(10, "Enable: false"), (17, "Status: DISABLED")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(8, "\"Enable\": false")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for p in model
        .guardduty.protections
        .iter()
        .filter(|p| p.plan == ProtectionPlan::EksAuditLogs)
    {
        flag_findings(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            p.owner,
            &p.enabled,
            false,
            &|address, _| {
                format!("GuardDuty {address} declares EKS Protection disabled: the audit logs of EKS clusters are not analysed")
            },
            out,
        );
    }
}
