//! The committed check reference must match the catalog.

use std::path::Path;

#[test]
fn docs_checks_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/checks.md");
    let generated = palisade_checks::reference::markdown();
    if std::env::var_os("PALISADE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/checks.md");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/checks.md is stale: run `PALISADE_UPDATE_DOCS=1 cargo test -p palisade-checks --test reference`"
    );
}

/// IAM checks about users, keys and account settings rather than policy documents: a
/// standalone policy file cannot hold what they judge.
const NOT_POLICIES: &[&str] = &[
    "aws-iam-user-access-key",
    "aws-iam-user-login-profile",
    "aws-iam-user-policy",
    "aws-iam-password-policy-weak",
    "aws-iam-user-plaintext-password",
];

/// Checks of what only CloudFormation can write (Terraform's `aws_iam_user_login_profile`
/// generates the password and takes none; cfn-init metadata has no Terraform form).
const CLOUDFORMATION_ONLY: &[&str] = &[
    "aws-iam-user-plaintext-password",
    "aws-cloudformation-authentication-credentials",
];

/// Checks of resources only Terraform has (CloudFormation has no account password policy, no
/// AMI launch permission, no RDS snapshot sharing, no EBS encryption-by-default setting, no Glacier vault).
const TERRAFORM_ONLY: &[&str] = &[
    "aws-iam-password-policy-weak",
    "aws-ec2-ami-public",
    "aws-rds-snapshot-public",
    "aws-ebs-default-encryption-disabled",
    "aws-glacier-vault-policy-public",
];

#[test]
fn every_check_has_examples_in_every_format_it_applies_to() {
    let mut problems = Vec::new();
    for check in palisade_checks::all() {
        let m = &check.meta;
        let mut formats = vec![".tf", ".yaml", ".json"];
        if m.service == "iam" && !NOT_POLICIES.contains(&m.id) {
            formats.push(".iam.json");
        }
        if TERRAFORM_ONLY.contains(&m.id) {
            formats.retain(|f| *f == ".tf");
        }
        if CLOUDFORMATION_ONLY.contains(&m.id) {
            formats.retain(|f| *f != ".tf");
        }
        for ext in formats {
            let of_format = |e: &&palisade_checks::Example| {
                e.file.ends_with(ext) && (ext != ".json" || !e.file.ends_with(".iam.json"))
            };
            let bad = m
                .examples
                .iter()
                .filter(of_format)
                .any(|e| !e.expect.is_empty());
            let good = m
                .examples
                .iter()
                .filter(of_format)
                .any(|e| e.expect.is_empty());
            if !bad || !good {
                problems.push(format!("{}: needs a bad and a good {ext} example", m.id));
            }
        }
        for e in m.examples {
            if !palisade_checks::examples_dir()
                .join(m.id)
                .join(e.file)
                .is_file()
            {
                problems.push(format!("{}: example file {} is missing", m.id, e.file));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
