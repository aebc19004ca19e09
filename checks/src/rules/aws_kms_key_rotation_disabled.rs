//! `aws-kms-key-rotation-disabled`: a symmetric KMS key without automatic rotation.

use crate::finding::when_suffix;
use crate::{Layer, Check, CheckMeta, Example, Finding, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-kms-key-rotation-disabled",
        aliases: &[],
        title: "KMS key does not rotate automatically",
        severity: Severity::Medium,
        service: "kms",
        layer: Layer::Data,
        description: "A symmetric encryption KMS key (`aws_kms_key`, `AWS::KMS::Key`) with \
            automatic rotation disabled or not configured. AWS does not rotate customer-managed \
            keys unless asked.\n\nRotation limits how much data one key version protects and \
            how long a leaked key version stays useful; with automatic rotation KMS keeps old \
            versions for decryption, so nothing breaks. Asymmetric and HMAC keys \
            (`customer_master_key_spec`/`key_spec`/`KeySpec` other than `SYMMETRIC_DEFAULT`, \
            or `key_usage`/`KeyUsage` other than `ENCRYPT_DECRYPT`) cannot rotate \
            automatically and are not reported.",
        remediation: "**Terraform:** `enable_key_rotation = true` (optionally \
            `rotation_period_in_days`). **CloudFormation:** `EnableKeyRotation: true`.",
        references: &[
            "CIS AWS Foundations Benchmark 3.6 (ensure rotation for customer-created symmetric CMKs is enabled)",
            "AWS Foundational Security Best Practices KMS.4",
            "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_7",
            "trivy:AVD-AWS-0065",
            "tfsec:aws-kms-auto-rotate-keys",
            "kics:1c07bfaf-663c-4f6f-b22b-8e2d481e4df5",
            "kics:235ca980-eb71-48f4-9030-df0c371029eb",
            "kics:22fbfeac-7b5a-421a-8a27-7a2178bb910b",
        ],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_kms_key\" \"default\""), (7, "enable_key_rotation")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(7, "DataKey:"), (14, "!Ref Rotate")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(4, "\"LegacyKey\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    for key in &model.kms_keys {
        // Only symmetric encryption keys rotate. Frontends fill an omitted spec with the
        // symmetric default; an unknown spec has no candidate and stays silent.
        let symmetric = key
            .key_spec
            .candidates()
            .iter()
            .any(|c| c.value.eq_ignore_ascii_case("SYMMETRIC_DEFAULT"));
        // A signing or MAC key (`key_usage`) does not rotate either, whatever its spec says.
        let encryption = key
            .key_usage
            .candidates()
            .iter()
            .any(|c| c.value.eq_ignore_ascii_case("ENCRYPT_DECRYPT"));
        if !symmetric || !encryption {
            continue;
        }
        let address = &model.resource(key.owner).address;
        for candidate in key.rotation_enabled.candidates() {
            if *candidate.value {
                continue;
            }
            let how = if candidate.provenance == palisade_model::Provenance::Omitted {
                "automatic rotation is not enabled (AWS does not rotate keys by default)"
            } else {
                "automatic rotation is disabled"
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    CHECK.meta.severity,
                    key.owner,
                    candidate.span,
                    format!("KMS key {address}: {how}{}", when_suffix(&candidate.conditions)),
                )
                .defined_at(candidate.defined_at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_model::{Format, KmsKey, Provenance, Resource, Span, Value};
    use palisade_source::FileId;

    fn sp(at: usize) -> Span {
        Span::new(FileId(0), at, at + 1)
    }

    fn findings(rotation: Value<bool>, spec: Value<String>) -> Vec<Finding> {
        findings_with_usage(
            rotation,
            spec,
            Value::omitted("ENCRYPT_DECRYPT".to_string(), sp(1)),
        )
    }

    fn findings_with_usage(
        rotation: Value<bool>,
        spec: Value<String>,
        usage: Value<String>,
    ) -> Vec<Finding> {
        let mut model = Model::default();
        let owner = model.add_resource(Resource {
            address: "aws_kms_key.k".into(),
            kind: "aws_kms_key".into(),
            format: Format::Terraform,
            header: sp(1),
            extent: Span::new(FileId(0), 0, 100),
            trace: Vec::new(),
            construct: None,
        });
        model.kms_keys.push(KmsKey {
            owner,
            rotation_enabled: rotation,
            key_spec: spec,
            key_usage: usage,
        });
        let mut out = Vec::new();
        run(&model, &mut out);
        out
    }

    fn symmetric() -> Value<String> {
        Value::omitted("SYMMETRIC_DEFAULT".to_string(), sp(1))
    }

    #[test]
    fn omitted_rotation_fires_at_the_header_and_explicit_false_at_the_value() {
        let f = findings(Value::omitted(false, sp(1)), symmetric());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, sp(1));
        assert!(f[0].message.contains("not enabled"));
        let f = findings(Value::literal(false, sp(7)), symmetric());
        assert_eq!(f[0].span, sp(7));
        assert!(f[0].message.contains("disabled"));
        let defaulted = Value::known(false, Provenance::Default, sp(8)).with_defined_at(Some(sp(90)));
        let f = findings(defaulted, symmetric());
        assert_eq!(f[0].related[0].span, sp(90));
    }

    #[test]
    fn enabled_unknown_and_non_symmetric_keys_stay_silent() {
        assert!(findings(Value::literal(true, sp(7)), symmetric()).is_empty());
        assert!(findings(Value::unknown(sp(7)), symmetric()).is_empty());
        for spec in ["RSA_2048", "ECC_NIST_P256", "HMAC_256"] {
            let spec = Value::literal(spec.to_string(), sp(3));
            assert!(findings(Value::omitted(false, sp(1)), spec).is_empty());
        }
        // An unknown spec might be asymmetric: not judged.
        assert!(findings(Value::omitted(false, sp(1)), Value::unknown(sp(3))).is_empty());
        let explicit = Value::literal("symmetric_default".to_string(), sp(3));
        assert_eq!(findings(Value::omitted(false, sp(1)), explicit).len(), 1);
    }

    #[test]
    fn signing_and_mac_keys_stay_silent_whatever_their_spec() {
        let off = || Value::omitted(false, sp(1));
        for usage in ["SIGN_VERIFY", "GENERATE_VERIFY_MAC"] {
            let usage = Value::literal(usage.to_string(), sp(4));
            assert!(findings_with_usage(off(), symmetric(), usage).is_empty());
        }
        assert!(findings_with_usage(off(), symmetric(), Value::unknown(sp(4))).is_empty());
        let explicit = Value::literal("encrypt_decrypt".to_string(), sp(4));
        assert_eq!(findings_with_usage(off(), symmetric(), explicit).len(), 1);
    }
}
