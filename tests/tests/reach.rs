//! What a scan reaches and says about what it does not: nothing to scan said out loud, files
//! that look like infrastructure but are not understood, ignored folders, syntax errors at
//! their cause, and one column convention in every report.

mod common;

use common::*;

const KMS: &str = "resource \"aws_kms_key\" \"k\" {}\n";

#[test]
fn nothing_to_scan_is_said_with_the_paths_and_the_ignored_count() {
    let dir = project(&[
        (".gitignore", "gen/\n"),
        ("gen/main.tf", KMS),
        ("gen/stack.template.json", "{}\n"),
        ("docs/readme.md", "# hi\n"),
        ("k8s.yaml", "kind: Deployment\n"),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json", ".", "docs"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = run.json();
    assert_eq!(v["summary"]["files_scanned"], 0);
    let warning = "no Terraform, CloudFormation or IAM policy file found in `.`, `docs`; 2 files with a Terraform, YAML or JSON name were skipped by .gitignore or .ignore (--no-ignore scans them)";
    assert_eq!(v["warnings"], serde_json::json!([warning]));
    assert!(
        run.stderr
            .contains(&format!("palisade: warning: {warning}")),
        "{}",
        run.stderr
    );
    // --no-ignore scans the ignored folder; nothing more is said.
    let run = palisade(dir.path(), &["scan", "--format", "json", "--no-ignore"]);
    let v = run.json();
    assert_eq!(v["summary"]["files_scanned"], 1, "{v:#}");
    assert_eq!(v["warnings"], serde_json::json!([]));
    assert_eq!(v["findings"][0]["file"], "gen/main.tf");
    // Without ignore files in play, the warning has no count.
    let empty = project(&[("notes.txt", "x\n")]);
    let run = palisade(empty.path(), &["scan", "--format", "text"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains(
            "palisade: warning: no Terraform, CloudFormation or IAM policy file found in `.`\n"
        ),
        "{}",
        run.stderr
    );
    // A scan that found something says nothing of the kind.
    let some = project(&[("main.tf", KMS)]);
    let run = palisade(some.path(), &["scan", "--format", "json"]);
    assert_eq!(run.json()["warnings"], serde_json::json!([]));
}

#[test]
fn stats_list_files_that_look_like_infrastructure_but_are_not_understood() {
    let dir = project(&[
        ("main.tf", KMS),
        ("legacy.template", "foo: bar\n"),
        (
            "terraform.tfstate.json",
            "{\"version\": 4, \"terraform_version\": \"1.6.0\", \"serial\": 3, \"resources\": []}\n",
        ),
        (
            "half.yaml",
            "Resources:\n  - AWS::S3::Bucket is what we want\n",
        ),
        ("package.json", "{\"name\": \"web\"}\n"),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json", "--stats"]);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("palisade: stats:"))
        .expect("stats line");
    assert!(
        line.ends_with("; 3 files that look like infrastructure but are not understood: half.yaml (mentions CloudFormation, but has no top-level Resources with AWS:: types), legacy.template (a .template file that is not a CloudFormation template), terraform.tfstate.json (a Terraform state file, not read)"),
        "{line}"
    );
    assert!(!line.contains("package.json"));
    // Not understood is not an error: the report is unchanged.
    assert_eq!(run.json()["errors"], serde_json::json!([]));
    assert_eq!(run.json()["summary"]["files_scanned"], 1);
}

/// (file, line, column, message) of every error of a JSON report.
fn errors(v: &serde_json::Value) -> Vec<(String, u64, u64, String)> {
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap().to_string(),
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn syntax_errors_point_at_their_cause_in_every_format() {
    let dir = project(&[
        (
            "unterminated.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"abc\n  acl    = \"private\"\n}\n\nresource \"aws_kms_key\" \"k\" {\n}\n",
        ),
        (
            "unexpected.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\" ]\n}\n",
        ),
        (
            "t.json",
            "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"B\": {\n      \"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\"BucketName\": \"abc}\n    }\n  }\n}\n",
        ),
        (
            "u.json",
            "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"B\": {\n      \"Type\": \"AWS::S3::Bucket\" ]\n    }\n  }\n}\n",
        ),
        (
            "y.yaml",
            "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: \"abc\n      X: 1\n",
        ),
        (
            "p.json",
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\" }}]\n}\n",
        ),
    ]);
    let run = palisade(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1);
    let got = errors(&run.json());
    let at: Vec<(&str, u64, u64)> = got
        .iter()
        .map(|(f, l, c, _)| (f.as_str(), *l, *c))
        .collect();
    assert_eq!(
        at,
        [
            ("p.json", 3, 55),
            ("t.json", 6, 36),
            ("u.json", 5, 33),
            ("unexpected.tf", 2, 16),
            ("unterminated.tf", 2, 12),
            ("y.yaml", 6, 19),
        ],
        "{got:#?}"
    );
    assert!(got[3].3.contains("unexpected `]`"), "{:?}", got[3]);
    assert!(got[4].3.contains("unterminated string"), "{:?}", got[4]);
    // The same places in the text report and SARIF's notifications.
    let text = palisade(dir.path(), &["scan", "--format", "text"]).stdout;
    for (file, line, column) in &at {
        assert!(text.contains(&format!("{file}:{line}:{column}")), "{text}");
    }
    let sarif = palisade(dir.path(), &["scan", "--format", "sarif"]).json();
    let notes: Vec<(String, u64, u64)> = sarif["runs"][0]["invocations"][0]
        ["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let l = &n["locations"][0]["physicalLocation"];
            (
                l["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                l["region"]["startLine"].as_u64().unwrap(),
                l["region"]["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, u64, u64)> =
        at.iter().map(|(f, l, c)| (f.to_string(), *l, *c)).collect();
    assert_eq!(notes, expected);
}

#[test]
fn columns_count_characters_in_text_json_and_sarif() {
    // The finding's value follows an é and an emoji on its line: byte, UTF-16 and character
    // columns all differ (33, 30 and 29; 29 is the character column).
    let tf = "resource \"aws_security_group\" \"w\" {\n  ingress {\n    from_port = 22\n    to_port   = 22\n    protocol  = \"tcp\"\n    /* é😀 */ cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
    let yaml = "Resources:\n  W:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: é😀\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, Description: é😀, CidrIp: 0.0.0.0/0}\n";
    let dir = project(&[("main.tf", tf), ("t.yaml", yaml)]);
    let check = "aws-ec2-sg-open-ingress";
    let json = palisade(dir.path(), &["scan", "--format", "json", "--check", check]).json();
    let cols: Vec<(String, u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cols,
        [
            ("main.tf".to_string(), 6, 29),
            ("t.yaml".to_string(), 7, 80)
        ],
        "{json:#}"
    );
    let sarif = palisade(dir.path(), &["scan", "--format", "sarif", "--check", check]).json();
    assert_eq!(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
    let regions: Vec<(u64, u64)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(regions, [(6, 29), (7, 80)]);
    let text = palisade(dir.path(), &["scan", "--format", "text", "--check", check]).stdout;
    assert!(text.contains("╭─[main.tf:6:29]"), "{text}");
    assert!(text.contains("╭─[t.yaml:7:80]"), "{text}");
    let compact = palisade(
        dir.path(),
        &["scan", "--format", "compact", "--check", check],
    )
    .stdout;
    assert!(compact.contains("main.tf:6:29:"), "{compact}");
}

// ----- point 4: shapes ------------------------------------------------------------------

/// (file, line, column, check) of every finding of a JSON report, with the related lines.
/// A finding as (file, line, column, check, related (file, line, column)).
type Found = (String, u64, u64, String, Vec<(String, u64, u64)>);

fn findings(v: &serde_json::Value) -> Vec<Found> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let related = f["related"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .map(|r| {
                            (
                                r["file"].as_str().unwrap().to_string(),
                                r["line"].as_u64().unwrap(),
                                r["column"].as_u64().unwrap(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["check"].as_str().unwrap().to_string(),
                related,
            )
        })
        .collect()
}

fn at(file: &str, line: u64, column: u64, check: &str) -> Found {
    (
        file.to_string(),
        line,
        column,
        check.to_string(),
        Vec::new(),
    )
}

const OIDC_TF: &str = "locals {\n  issuer = replace(aws_iam_openid_connect_provider.gh.url, \"https://\", \"\")\n}\nresource \"aws_iam_openid_connect_provider\" \"gh\" {\n  url = var.url\n}\nvariable \"url\" {}\nresource \"aws_iam_role\" \"wild\" {\n  name = \"wild\"\n  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect    = \"Allow\"\n      Action    = \"sts:AssumeRoleWithWebIdentity\"\n      Principal = { Federated = aws_iam_openid_connect_provider.gh.arn }\n      Condition = {\n        StringLike = { \"${local.issuer}:sub\" = \"repo:*\" }\n        StringEquals = { \"${local.issuer}:aud\" = \"sts.amazonaws.com\" }\n      }\n    }]\n  })\n}\nresource \"aws_iam_role\" \"nosub\" {\n  name = \"nosub\"\n  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect    = \"Allow\"\n      Action    = \"sts:AssumeRoleWithWebIdentity\"\n      Principal = { Federated = aws_iam_openid_connect_provider.gh.arn }\n      Condition = {\n        StringEquals = { \"${replace(aws_iam_openid_connect_provider.gh.url, \"https://\", \"\")}:aud\" = \"sts.amazonaws.com\" }\n      }\n    }]\n  })\n}\nresource \"aws_iam_role\" \"good\" {\n  name = \"good\"\n  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect    = \"Allow\"\n      Action    = \"sts:AssumeRoleWithWebIdentity\"\n      Principal = { Federated = aws_iam_openid_connect_provider.gh.arn }\n      Condition = {\n        StringEquals = { \"${local.issuer}:sub\" = \"repo:org/app:ref:refs/heads/main\", \"${local.issuer}:aud\" = \"sts.amazonaws.com\" }\n      }\n    }]\n  })\n}\ndata \"aws_iam_policy_document\" \"doc\" {\n  statement {\n    actions = [\"sts:AssumeRoleWithWebIdentity\"]\n    principals {\n      type        = \"Federated\"\n      identifiers = [aws_iam_openid_connect_provider.gh.arn]\n    }\n    condition {\n      test     = \"StringLike\"\n      variable = \"${local.issuer}:sub\"\n      values   = [\"repo:*\"]\n    }\n  }\n}\nresource \"aws_iam_role\" \"doc\" {\n  name = \"doc\"\n  assume_role_policy = data.aws_iam_policy_document.doc.json\n}\n";

#[test]
fn computed_sub_keys_are_judged_by_value_in_terraform() {
    let dir = project(&[("main.tf", OIDC_TF)]);
    let run = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--check",
            "aws-iam-oidc-unscoped-sub",
        ],
    );
    assert_eq!(
        findings(&run.json()),
        [
            // `"${local.issuer}:sub" = "repo:*"`: judged by its value.
            at("main.tf", 17, 48, "aws-iam-oidc-unscoped-sub"),
            // Only an `:aud` key, computed by `replace(...)`: no `sub` at all.
            at("main.tf", 29, 19, "aws-iam-oidc-unscoped-sub"),
            // The policy-document data source's `variable = "${local.issuer}:sub"`.
            at("main.tf", 61, 19, "aws-iam-oidc-unscoped-sub"),
        ]
    );
}

const SUB_YAML: &str = "Parameters:\n  OidcProvider:\n    Type: String\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: !Sub |\n        {\n          \"Version\": \"2012-10-17\",\n          \"Statement\": [{\n            \"Effect\": \"Allow\",\n            \"Principal\": {\"Federated\": \"arn:aws:iam::${AWS::AccountId}:oidc-provider/${OidcProvider}\"},\n            \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n            \"Condition\": {\"StringLike\": {\"${OidcProvider}:sub\": \"system:serviceaccount:*:*\", \"${OidcProvider}:aud\": \"sts.amazonaws.com\"}}\n          }]\n        }\n  NoSub:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: !Sub\n        - '{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"${P}\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {\"StringEquals\": {\"${Issuer}:aud\": \"sts.amazonaws.com\"}}}]}'\n        - P: !Ref OidcProvider\n          Issuer: !Ref OidcProvider\n  Good:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: !Sub |\n        {\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"${OidcProvider}\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n          \"Condition\": {\"StringEquals\": {\"${OidcProvider}:sub\": \"system:serviceaccount:prod:app\", \"${OidcProvider}:aud\": \"sts.amazonaws.com\"}}}]}\n";
const SUB_JSON: &str = "{\n  \"Parameters\": {\"OidcProvider\": {\"Type\": \"String\"}},\n  \"Resources\": {\n    \"Role\": {\n      \"Type\": \"AWS::IAM::Role\",\n      \"Properties\": {\n        \"AssumeRolePolicyDocument\": {\"Fn::Sub\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": {\\\"Federated\\\": \\\"${OidcProvider}\\\"},\\n \\\"Action\\\": \\\"sts:AssumeRoleWithWebIdentity\\\", \\\"Condition\\\": {\\\"StringLike\\\": {\\\"${OidcProvider}:sub\\\": \\\"repo:*\\\"}}}]}\"}\n      }\n    }\n  }\n}\n";

#[test]
fn policy_json_inside_fn_sub_is_parsed_and_located_inside_the_string() {
    let dir = project(&[("t.yaml", SUB_YAML), ("t.json", SUB_JSON)]);
    let run = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--check",
            "aws-iam-oidc-unscoped-sub",
        ],
    );
    assert_eq!(
        findings(&run.json()),
        [
            // `\"repo:*\"` inside the JSON string of a JSON template, on its own column.
            at("t.json", 7, 251, "aws-iam-oidc-unscoped-sub"),
            // The value inside a `!Sub |` block scalar, at its line and column.
            at("t.yaml", 15, 65, "aws-iam-oidc-unscoped-sub"),
            // A single-quoted `!Sub [template, vars]` with only an `:aud` key: at the action.
            at("t.yaml", 22, 93, "aws-iam-oidc-unscoped-sub"),
        ]
    );
    let sarif = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "sarif",
            "--check",
            "aws-iam-oidc-unscoped-sub",
        ],
    )
    .json();
    let region = &sarif["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(15), Some(65))
    );
    assert_eq!(region["endColumn"].as_u64(), Some(92));
}

#[test]
fn aws_managed_keys_named_by_alias_data_sources_are_aws_managed() {
    let tf = "data \"aws_kms_alias\" \"sqs\" {\n  name = \"alias/aws/sqs\"\n}\ndata \"aws_kms_key\" \"sns\" {\n  key_id = \"arn:aws:kms:us-east-1:111122223333:alias/aws/sns\"\n}\ndata \"aws_kms_alias\" \"mine\" {\n  name = \"alias/team-key\"\n}\nresource \"aws_sqs_queue\" \"q\" {\n  kms_master_key_id = data.aws_kms_alias.sqs.target_key_arn\n}\nresource \"aws_sns_topic\" \"t\" {\n  kms_master_key_id = data.aws_kms_key.sns.arn\n}\nresource \"aws_sqs_queue\" \"cmk\" {\n  kms_master_key_id = data.aws_kms_alias.mine.arn\n}\n";
    let dir = project(&[("main.tf", tf)]);
    let run = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--check",
            "aws-sqs-no-cmk",
            "--check",
            "aws-sns-no-cmk",
        ],
    );
    let got = findings(&run.json());
    assert_eq!(
        got,
        [
            (
                "main.tf".to_string(),
                11,
                23,
                "aws-sqs-no-cmk".to_string(),
                vec![("main.tf".to_string(), 2, 10)]
            ),
            (
                "main.tf".to_string(),
                14,
                23,
                "aws-sns-no-cmk".to_string(),
                vec![("main.tf".to_string(), 5, 12)]
            ),
        ]
    );
    assert!(run.json()["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("alias/aws/sqs"));
}

#[test]
fn wrong_values_through_inputs_are_reported_at_their_use_naming_where_they_were_set() {
    let dir = project(&[
        ("main.tf", "module \"m\" {\n  source        = \"./m\"\n  sse_algorithm = \"AES256\"\n}\nvariable \"algo\" {\n  default = \"AES256\"\n}\nresource \"aws_sqs_queue\" \"q\" {\n  kms_master_key_id = data.aws_kms_alias.sqs.target_key_arn\n}\ndata \"aws_kms_alias\" \"sqs\" {\n  name = \"alias/aws/sqs\"\n}\n"),
        ("m/main.tf", "variable \"sse_algorithm\" {\n  type = string\n}\nvariable \"kms_key\" {\n  default = null\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"x\" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = var.sse_algorithm\n      kms_master_key_id = var.kms_key\n    }\n  }\n}\n"),
        ("cfn/t.yaml", "Parameters:\n  Algo:\n    Type: String\n    Default: AES256\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: !Ref Algo\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      KmsMasterKeyId: alias/aws/sqs\n"),
    ]);
    let run = palisade(
        dir.path(),
        &["scan", "--format", "json", "--check", "aws-s3-no-cmk"],
    );
    assert_eq!(
        findings(&run.json()),
        [
            // `SSEAlgorithm: !Ref Algo`, the parameter's default `AES256` named.
            (
                "cfn/t.yaml".to_string(),
                12,
                29,
                "aws-s3-no-cmk".to_string(),
                vec![("cfn/t.yaml".to_string(), 4, 14)]
            ),
            // `sse_algorithm = var.sse_algorithm` in the module, the caller's input named.
            (
                "m/main.tf".to_string(),
                14,
                27,
                "aws-s3-no-cmk".to_string(),
                vec![("main.tf".to_string(), 3, 19)]
            ),
        ]
    );
    let text = palisade(
        dir.path(),
        &["scan", "--format", "text", "--check", "aws-s3-no-cmk"],
    )
    .stdout;
    assert!(
        text.contains("value defined here at main.tf:3:19"),
        "{text}"
    );
}

// ----- point 3: CDK output ----------------------------------------------------------------

const CDK_TEMPLATE: &str = "{\n \"Resources\": {\n  \"UploadsF68F3FF0\": {\n   \"Type\": \"AWS::S3::Bucket\",\n   \"Properties\": {\n    \"AccessControl\": \"PublicRead\"\n   },\n   \"Metadata\": {\n    \"aws:cdk:path\": \"MyStack/Uploads/Resource\"\n   }\n  },\n  \"CDKMetadata\": {\n   \"Type\": \"AWS::CDK::Metadata\",\n   \"Properties\": {\"Analytics\": \"v2:deflate64:H4sI\"},\n   \"Metadata\": {\"aws:cdk:path\": \"MyStack/CDKMetadata/Default\"}\n  }\n }\n}\n";

#[test]
fn a_named_cdk_out_folder_is_scanned_though_ignored_and_names_the_construct() {
    for pattern in ["cdk.out\n", "cdk.out/*\n", "**/cdk.out/**\n", "/cdk.out/\n"] {
        let dir = project(&[
            (".gitignore", pattern),
            ("cdk.out/MyStack.template.json", CDK_TEMPLATE),
            (
                "cdk.out/MyStack.assets.json",
                "{\"version\": \"36.0.0\", \"files\": {}}\n",
            ),
            (
                "cdk.out/manifest.json",
                "{\"version\": \"36.0.0\", \"artifacts\": {}}\n",
            ),
            ("bin/app.ts", "new MyStack(app, 'MyStack');\n"),
        ]);
        // The project scanned as a whole leaves the ignored output out, and says so.
        let run = palisade(dir.path(), &["scan", "--format", "json"]);
        assert_eq!(run.json()["summary"]["files_scanned"], 0, "{pattern}");
        assert!(run.stderr.contains("--no-ignore"), "{}", run.stderr);
        // Named, it is scanned.
        let args = [
            "scan",
            "--format",
            "json",
            "--check",
            "aws-s3-public-acl",
            "cdk.out",
        ];
        let v = palisade(dir.path(), &args).json();
        assert_eq!(v["summary"]["files_scanned"], 1, "{pattern}: {v:#}");
        assert_eq!(
            findings(&v),
            [(
                "cdk.out/MyStack.template.json".to_string(),
                6,
                22,
                "aws-s3-public-acl".to_string(),
                vec![("cdk.out/MyStack.template.json".to_string(), 9, 21)]
            )]
        );
        assert_eq!(
            v["findings"][0]["related"][0]["message"],
            "synthesised by the CDK construct MyStack/Uploads/Resource"
        );
    }
    let dir = project(&[
        (".gitignore", "cdk.out/\n"),
        ("cdk.out/MyStack.template.json", CDK_TEMPLATE),
    ]);
    let check = "aws-s3-public-acl";
    // --no-ignore scans it from the project's top as well.
    let v = palisade(
        dir.path(),
        &["scan", "--format", "json", "--no-ignore", "--check", check],
    )
    .json();
    assert_eq!(v["findings"][0]["file"], "cdk.out/MyStack.template.json");
    let text = palisade(
        dir.path(),
        &["scan", "--format", "text", "--check", check, "cdk.out"],
    )
    .stdout;
    assert!(
        text.contains("synthesised by the CDK construct MyStack/Uploads/Resource"),
        "{text}"
    );
    let sarif = palisade(
        dir.path(),
        &["scan", "--format", "sarif", "--check", check, "cdk.out"],
    )
    .json();
    let related = &sarif["runs"][0]["results"][0]["relatedLocations"][0];
    assert_eq!(
        related["message"]["text"],
        "synthesised by the CDK construct MyStack/Uploads/Resource"
    );
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 9);
}

// ----- point 1: Terraform JSON ------------------------------------------------------------

#[test]
fn terraform_json_is_evaluated_with_the_module_and_located_in_the_json() {
    let dir = project(&[
        ("main.tf.json", "{\n  \"//\": \"generated\",\n  \"variable\": {\n    \"open\": {\"default\": \"10.0.0.0/8\", \"type\": \"string\"}\n  },\n  \"locals\": {\"port\": 22, \"rotate\": false},\n  \"resource\": {\n    \"aws_security_group\": {\n      \"web\": {\n        \"ingress\": [\n          {\"from_port\": \"${local.port}\", \"to_port\": 22, \"protocol\": \"tcp\", \"cidr_blocks\": [\"${var.open}\"]}\n        ]\n      }\n    },\n    \"aws_iam_role\": {\n      \"ci\": {\n        \"count\": 2,\n        \"assume_role_policy\": \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"sts:AssumeRoleWithWebIdentity\\\", \\\"Principal\\\": {\\\"Federated\\\": \\\"arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com\\\"}}]}\"\n      }\n    }\n  },\n  \"module\": {\n    \"m\": {\"source\": \"./mod\", \"cidr\": \"0.0.0.0/0\"}\n  }\n}\n"),
        ("keys.tf", "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = local.rotate\n}\n"),
        ("terraform.tfvars.json", "{\"open\": \"0.0.0.0/0\"}\n"),
        ("mod/main.tf.json", "{\n  \"variable\": {\"cidr\": {}},\n  \"resource\": {\"aws_security_group\": {\"s\": {\"dynamic\": {\"ingress\": {\"for_each\": \"${[3389]}\", \"content\": {\"from_port\": \"${ingress.value}\", \"to_port\": \"${ingress.value}\", \"protocol\": \"tcp\", \"cidr_blocks\": [\"${var.cidr}\"]}}}}}}\n}\n"),
    ]);
    let v = palisade(dir.path(), &["scan", "--format", "json"]).json();
    assert_eq!(v["summary"]["files_scanned"], 4, "{v:#}");
    let got: Vec<(String, u64, u64, String, Option<String>)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["check"].as_str().unwrap().to_string(),
                f["resource"].as_str().map(str::to_string),
            )
        })
        .collect();
    let f = |file: &str, line, column, check: &str, resource: &str| {
        (
            file.to_string(),
            line,
            column,
            check.to_string(),
            Some(resource.to_string()),
        )
    };
    assert_eq!(
        got,
        [
            // A `.tf` file reads a local of the JSON file.
            f(
                "keys.tf",
                2,
                3,
                "aws-kms-key-rotation-disabled",
                "aws_kms_key.k"
            ),
            // `"${var.open}"`, set by terraform.tfvars.json, at its own column.
            f(
                "main.tf.json",
                11,
                95,
                "aws-ec2-sg-open-ingress",
                "aws_security_group.web"
            ),
            // A policy written as a JSON string inside the JSON, at the action; `count = 2`.
            f(
                "main.tf.json",
                18,
                114,
                "aws-iam-oidc-no-audience",
                "aws_iam_role.ci[0]"
            ),
            f(
                "main.tf.json",
                18,
                114,
                "aws-iam-oidc-no-audience",
                "aws_iam_role.ci[1]"
            ),
            f(
                "main.tf.json",
                18,
                114,
                "aws-iam-oidc-unscoped-sub",
                "aws_iam_role.ci[0]"
            ),
            f(
                "main.tf.json",
                18,
                114,
                "aws-iam-oidc-unscoped-sub",
                "aws_iam_role.ci[1]"
            ),
            // A called JSON module's `dynamic` block with the caller's input.
            f(
                "mod/main.tf.json",
                3,
                208,
                "aws-ec2-sg-open-ingress",
                "module.m.aws_security_group.s"
            ),
        ]
    );
    let sg = &v["findings"][1];
    assert_eq!(sg["related"][0]["file"], "terraform.tfvars.json");
    assert_eq!(
        (
            sg["resource_start_line"].as_u64(),
            sg["resource_end_line"].as_u64()
        ),
        (Some(9), Some(13))
    );
    let key = &v["findings"][0];
    assert_eq!(
        (
            key["related"][0]["file"].as_str(),
            key["related"][0]["line"].as_u64(),
            key["related"][0]["column"].as_u64()
        ),
        (Some("main.tf.json"), Some(6), Some(36))
    );
    assert_eq!(v["findings"][6]["trace"][0]["file"], "main.tf.json");
    let sarif = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "sarif",
            "--check",
            "aws-ec2-sg-open-ingress",
        ],
    )
    .json();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(11), Some(95))
    );
}

#[test]
fn cdktf_output_and_broken_terraform_json() {
    let dir = project(&[
        ("main.tf.json", "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"b\": {\"bucket\": \"x}\n    }\n  }\n}\n"),
        ("ok.tf.json", "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"x\"}}}}\n"),
        ("cdktf.out/stacks/app/cdk.tf.json", "{\n  \"//\": {\"metadata\": {\"version\": \"0.20.0\", \"stackName\": \"app\"}},\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"logs\": {\n        \"//\": {\"metadata\": {\"path\": \"app/logs\", \"uniqueId\": \"logs\"}},\n        \"bucket\": \"logs\",\n        \"acl\": \"public-read\"\n      }\n    }\n  }\n}\n"),
    ]);
    let v = palisade(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--check",
            "aws-s3-public-acl",
            "--check",
            "aws-s3-no-public-access-block",
        ],
    )
    .json();
    // The broken file is an error at the string that is not closed; its neighbour is read.
    assert_eq!(
        errors(&v),
        [(
            "main.tf.json".to_string(),
            4,
            23,
            "JSON syntax error: unterminated string".to_string()
        )]
    );
    let got: Vec<(String, u64, u64, String)> = findings(&v)
        .into_iter()
        .map(|(f, l, c, check, _)| (f, l, c, check))
        .collect();
    assert_eq!(
        got,
        [
            // CDK for Terraform's `"//"` metadata is a comment; the header is the name key.
            (
                "cdktf.out/stacks/app/cdk.tf.json".to_string(),
                5,
                7,
                "aws-s3-no-public-access-block".to_string()
            ),
            (
                "cdktf.out/stacks/app/cdk.tf.json".to_string(),
                8,
                9,
                "aws-s3-public-acl".to_string()
            ),
            (
                "ok.tf.json".to_string(),
                1,
                33,
                "aws-s3-no-public-access-block".to_string()
            ),
        ]
    );
}
