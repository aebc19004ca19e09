//! The CloudFormation and IAM JSON frontends through their public API.

use palisade_cloudformation::{detect, load_policy, load_template, parse_only, DocumentKind};
use palisade_model::iam::{Effect, PolicyKind};
use palisade_model::{Direction, Model, Provenance, Service, SgSource, StrPart, Value, ValueKind};
use palisade_source::{FileId, LineCol, SourceFile, Span};

/// The bound of the "stays bounded" tests below. They guard against blow-ups (quadratic or
/// exponential work that takes minutes or never ends), not speed: the inputs take tens of
/// milliseconds in a release build and a few seconds in a debug build on a loaded 2-core
/// machine, so the bound leaves room for that. Speed is measured by the benchmark.
const HANG: f64 = 30.0;

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile::new(FileId(0), name, text)
}

fn model(name: &str, text: &str) -> Model {
    let loaded = load_template(&file(name, text));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.model
}

fn at(f: &SourceFile, span: Span) -> (u32, u32, &str) {
    let LineCol { line, column } = f.line_col(span.start);
    (line, column, f.slice(span))
}

fn cidr(source: &SgSource) -> &Value<String> {
    match source {
        SgSource::Cidr(v) => v,
        SgSource::Other(_) => panic!("not a CIDR source"),
    }
}

const SG_YAML: &str = "\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AdminCidr:
    Type: String
    Default: 0.0.0.0/0
  Vpc:
    Type: String
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: '22'
          CidrIp: !Ref AdminCidr
        - IpProtocol: -1
          CidrIpv6: ::/0
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          SourceSecurityGroupId: !GetAtt Lb.GroupId
      SecurityGroupEgress:
        - IpProtocol: -1
          CidrIp: 0.0.0.0/0
  Lb:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
  Extra:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref Web
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIp: { \"Fn::Sub\": \"${AdminCidr}\" }
";

#[test]
fn security_group_rules_with_parameter_defaults_and_exact_spans() {
    let f = file("t.yaml", SG_YAML);
    let m = model("t.yaml", SG_YAML);
    assert_eq!(m.resources.len(), 3);
    let web = &m.resources[0];
    assert_eq!(web.address, "Web");
    assert_eq!(web.kind, "AWS::EC2::SecurityGroup");
    assert_eq!(at(&f, web.header), (9, 3, "Web"));
    // The extent ends at the last value of the resource, not at the next key.
    assert_eq!(f.line_col(web.extent.end).line, 27);

    let rules = &m.security_group_rules;
    assert_eq!(rules.len(), 5);
    let ssh = &rules[0];
    assert_eq!(ssh.direction.get(), Some(&Direction::Ingress));
    assert_eq!(ssh.protocol.get().map(String::as_str), Some("tcp"));
    assert_eq!(ssh.from_port.get(), Some(&22));
    assert_eq!(ssh.to_port.get(), Some(&22));
    assert_eq!(at(&f, ssh.span).0, 15);
    // The CIDR comes from the parameter default: located at the use site, defined at the
    // default.
    let c = cidr(&ssh.sources[0]);
    assert_eq!(c.get().map(String::as_str), Some("0.0.0.0/0"));
    assert!(matches!(c.kind, ValueKind::Known(_, Provenance::Default)));
    assert_eq!(at(&f, c.span), (18, 19, "!Ref AdminCidr"));
    assert_eq!(at(&f, c.defined_at.unwrap()), (5, 14, "0.0.0.0/0"));

    let all = &rules[1];
    assert_eq!(all.protocol.get().map(String::as_str), Some("-1"));
    assert!(!all.from_port.is_written());
    let v6 = cidr(&all.sources[0]);
    assert_eq!(at(&f, v6.span), (20, 21, "::/0"));
    assert!(matches!(v6.kind, ValueKind::Known(_, Provenance::Literal)));

    assert!(matches!(rules[2].sources[0], SgSource::Other(_)));
    assert_eq!(rules[3].direction.get(), Some(&Direction::Egress));

    // The standalone rule resource: `Fn::Sub` of a default alone is still the default.
    let rdp = &rules[4];
    assert_eq!(m.resources[rdp.owner.0].address, "Extra");
    assert_eq!(rdp.from_port.get(), Some(&3389));
    let c = cidr(&rdp.sources[0]);
    assert_eq!(c.get().map(String::as_str), Some("0.0.0.0/0"));
    assert!(matches!(c.kind, ValueKind::Known(_, Provenance::Default)));
}

#[test]
fn json_template_gives_the_same_facts_with_byte_spans() {
    let text = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {"Cidr": {"Type": "String", "Default": "0.0.0.0/0"}},
  "Resources": {
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "é",
        "SecurityGroupIngress": [
          {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": {"Ref": "Cidr"}}
        ]
      }
    }
  }
}
"#;
    let f = file("t.json", text);
    assert_eq!(detect(&f), DocumentKind::CloudFormation);
    let m = model("t.json", text);
    assert_eq!(at(&f, m.resources[0].header), (5, 5, "\"Sg\""));
    let c = cidr(&m.security_group_rules[0].sources[0]);
    assert_eq!(c.get().map(String::as_str), Some("0.0.0.0/0"));
    assert_eq!(at(&f, c.span), (10, 73, "{\"Ref\": \"Cidr\"}"));
    assert_eq!(f.slice(c.defined_at.unwrap()), "\"0.0.0.0/0\"");
    assert_eq!(f.line_col(m.resources[0].extent.end).line, 13);
}

#[test]
fn sub_gives_partial_strings_and_references() {
    let text = "\
Parameters:
  Org: {Type: String}
  Repo: {Type: String, Default: app}
Resources:
  Key:
    Type: AWS::KMS::Key
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringLike:
                token.actions.githubusercontent.com:sub: !Sub repo:${Org}/${Repo}:*
                token.actions.githubusercontent.com:aud:
                  Fn::Sub:
                    - ${A}-${!Literal}
                    - A: !Ref Repo
      Policies:
        - PolicyName: use-key
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: kms:Decrypt
                Resource: !GetAtt Key.Arn
";
    let m = model("t.yaml", text);
    assert_eq!(m.policies.len(), 2);
    let trust = &m.policies[0];
    assert_eq!(trust.document.kind, PolicyKind::Trust);
    assert_eq!(trust.attribute, "AssumeRolePolicyDocument");
    let st = &trust.document.statements[0];
    let sub = st.conditions_on("token.actions.githubusercontent.com:sub");
    let values = sub[0].values.get().unwrap();
    assert_eq!(
        values[0].kind,
        ValueKind::Partial(vec![
            StrPart::Text("repo:".into()),
            StrPart::Unknown,
            StrPart::Text("/app:*".into())
        ])
    );
    let aud = st.conditions_on("token.actions.githubusercontent.com:aud");
    let aud = &aud[0].values.get().unwrap()[0];
    assert_eq!(aud.get().map(String::as_str), Some("app-${Literal}"));
    assert!(matches!(aud.kind, ValueKind::Known(_, Provenance::Default)));
    // Partition is assumed `aws` (derived), the account stays unknown.
    let principal = &st.principal.as_ref().unwrap().entries[0];
    let fed = &principal.values.get().unwrap()[0];
    assert_eq!(
        fed.parts().unwrap()[0],
        StrPart::Text("arn:aws:iam::".into())
    );

    let identity = &m.policies[1];
    assert_eq!(identity.attribute, "Policies[use-key]");
    assert_eq!(identity.document.kind, PolicyKind::Identity);
    let resource = identity.document.statements[0].resource.as_ref().unwrap();
    // A single reference where a list is expected stays a reference.
    match &resource.kind {
        ValueKind::Reference(r) => {
            assert_eq!(r.target, "Key");
            assert_eq!(r.attribute.as_deref(), Some("Arn"));
        }
        other => panic!("expected a reference, got {other:?}"),
    }
}

#[test]
fn if_keeps_both_branches_unless_the_condition_is_known() {
    let text = "\
Parameters:
  Env: {Type: String}
  Mode: {Type: String, Default: open}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsOpen: !Equals [!Ref Mode, open]
  NotOpen: !Not [!Condition IsOpen]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !If [IsProd, 10.0.0.0/8, 0.0.0.0/0]
        - IpProtocol: tcp
          FromPort: 80
          ToPort: 80
          CidrIp: !If [NotOpen, 10.0.0.0/8, 0.0.0.0/0]
        - !If
          - IsProd
          - !Ref AWS::NoValue
          - IpProtocol: tcp
            FromPort: 5432
            ToPort: 5432
            CidrIp: 0.0.0.0/0
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let rules = &m.security_group_rules;
    assert_eq!(rules.len(), 3);
    let c = cidr(&rules[0].sources[0]);
    let candidates = c.candidates();
    assert_eq!(candidates.len(), 2);
    assert_eq!(candidates[1].value, "0.0.0.0/0");
    assert_eq!(
        candidates[1].conditions,
        vec![("IsProd".to_string(), false)]
    );
    assert_eq!(at(&f, candidates[1].span).2, "0.0.0.0/0");
    // `NotOpen` is false with the defaults: only the false branch remains.
    let c = cidr(&rules[1].sources[0]);
    assert_eq!(c.get().map(String::as_str), Some("0.0.0.0/0"));
    // A rule that exists only when `IsProd` is false is still judged.
    assert_eq!(rules[2].from_port.get(), Some(&5432));
}

#[test]
fn no_value_removes_a_property_and_conditional_keys_give_conditional_encryption() {
    let text = "\
Conditions:
  HasKey: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !If [HasKey, !Ref Key, !Ref AWS::NoValue]
  Plain:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref AWS::NoValue
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
";
    let m = model("t.yaml", text);
    let topic = &m.encryption[0];
    assert_eq!(topic.service, Service::Sns);
    let c = topic.encrypted.candidates();
    assert_eq!(c.len(), 2);
    assert!(*c[0].value);
    assert!(!*c[1].value);
    let plain = &m.encryption[1];
    assert_eq!(plain.encrypted.get(), Some(&false));
    assert!(!plain.encrypted.is_written());
    assert!(plain.kms_key.is_none());
    assert_eq!(m.kms_keys[0].rotation_enabled.get(), Some(&true));
}

#[test]
fn encryption_defaults_follow_the_service_table() {
    let text = "\
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
  Vm:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
  Vm2:
    Type: AWS::EC2::Instance
    Properties:
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: {VolumeSize: 8, Encrypted: true, KmsKeyId: alias/aws/ebs}
        - DeviceName: /dev/sdb
          VirtualName: ephemeral0
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      SqsManagedSseEnabled: false
  Key:
    Type: AWS::KMS::Key
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let by_owner = |name: &str| {
        m.encryption
            .iter()
            .filter(|e| m.resources[e.owner.0].address == name)
            .collect::<Vec<_>>()
    };
    let bucket = by_owner("Bucket")[0];
    assert_eq!(bucket.encrypted.get(), Some(&true));
    let key = bucket.kms_key.as_ref().unwrap();
    assert_eq!(key.get().map(String::as_str), Some("alias/aws/s3"));
    assert!(!key.is_written());
    assert_eq!(
        at(&f, bucket.span).2.lines().next(),
        Some("BucketEncryption:")
    );

    let vm = by_owner("Vm");
    assert_eq!(vm.len(), 1);
    assert_eq!(vm[0].store, "root block device");
    assert_eq!(vm[0].encrypted.get(), Some(&false));
    assert_eq!(at(&f, vm[0].span), (9, 3, "Vm"));

    let vm2 = by_owner("Vm2");
    assert_eq!(vm2.len(), 1);
    assert_eq!(vm2[0].store, "block device /dev/xvda");
    assert_eq!(vm2[0].encrypted.get(), Some(&true));

    assert!(by_owner("Member").is_empty());
    let cluster = by_owner("Cluster")[0];
    assert_eq!(cluster.service, Service::Rds);
    assert_eq!(cluster.encrypted.get(), Some(&false));
    assert!(!cluster.encrypted.is_written());

    let queue = by_owner("Queue")[0];
    assert_eq!(queue.encrypted.get(), Some(&false));
    assert!(queue.encrypted.is_written());

    let k = &m.kms_keys[0];
    assert_eq!(k.rotation_enabled.get(), Some(&false));
    assert!(!k.rotation_enabled.is_written());
    assert_eq!(at(&f, k.rotation_enabled.span).2, "Key");
}

#[test]
fn intrinsics_over_known_values() {
    let text = "\
Parameters:
  Nets: {Type: CommaDelimitedList, Default: '10.0.0.0/8,0.0.0.0/0'}
Mappings:
  Cidrs:
    us-east-1: {Open: 0.0.0.0/0}
Resources:
  Acl:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: acl-1
      RuleNumber: 100
      Protocol: 6
      RuleAction: ALLOW
      Egress: false
      PortRange: {From: 22, To: 22}
      CidrBlock: !Select [1, !Ref Nets]
  Acl2:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      RuleNumber: 101
      Protocol: -1
      RuleAction: allow
      CidrBlock: !FindInMap [Cidrs, us-east-1, Open]
      Ipv6CidrBlock: !Join ['', ['::', '/0']]
  Acl3:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      RuleNumber: 102
      Protocol: -1
      RuleAction: deny
      Egress: true
      CidrBlock: !Select [0, !Split [',', '1.2.3.4/32,5.6.7.8/32']]
      Ipv6CidrBlock: !Join ['', [!ImportValue X, '/0']]
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let [a, b, c] = m.nacl_rules.as_slice() else {
        panic!("three entries expected")
    };
    assert_eq!(a.protocol.get().map(String::as_str), Some("6"));
    assert_eq!(a.action.get().map(String::as_str), Some("allow"));
    assert_eq!(a.direction.get(), Some(&Direction::Ingress));
    assert_eq!((a.from_port.get(), a.to_port.get()), (Some(&22), Some(&22)));
    let cidr = a.cidr.as_ref().unwrap();
    assert_eq!(cidr.get().map(String::as_str), Some("0.0.0.0/0"));
    assert_eq!(at(&f, cidr.span).2, "!Select [1, !Ref Nets]");

    let cidr = b.cidr.as_ref().unwrap();
    assert_eq!(cidr.get().map(String::as_str), Some("0.0.0.0/0"));
    assert_eq!(f.slice(cidr.defined_at.unwrap()), "0.0.0.0/0");
    assert_eq!(
        b.ipv6_cidr.as_ref().unwrap().get().map(String::as_str),
        Some("::/0")
    );
    assert_eq!(b.rule_number.get(), Some(&101));

    assert_eq!(c.direction.get(), Some(&Direction::Egress));
    assert_eq!(
        c.cidr.as_ref().unwrap().get().map(String::as_str),
        Some("1.2.3.4/32")
    );
    assert_eq!(
        c.ipv6_cidr.as_ref().unwrap().kind,
        ValueKind::Partial(vec![StrPart::Unknown, StrPart::Text("/0".into())])
    );
}

#[test]
fn policies_written_as_json_strings_and_resource_policies() {
    let text = r#"
Resources:
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument:
        Statement:
          Effect: Deny
          Principal: '*'
          Action: s3:*
          Resource: arn:aws:s3:::b/*
  Scp:
    Type: AWS::Organizations::Policy
    Properties:
      Type: SERVICE_CONTROL_POLICY
      Content:
        Statement: [{Effect: Deny, Action: 'organizations:LeaveOrganization', Resource: '*'}]
"#;
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    assert_eq!(m.policies.len(), 3);
    let managed = &m.policies[0];
    assert_eq!(managed.document.kind, PolicyKind::Identity);
    let actions = managed.document.statements[0].actions();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].0, "*");
    assert!(f.slice(actions[0].1).starts_with("'{\"Version\""));
    let bucket = &m.policies[1];
    assert_eq!(bucket.document.kind, PolicyKind::Resource);
    assert_eq!(
        bucket.document.statements[0].effect.get(),
        Some(&Effect::Deny)
    );
    assert_eq!(m.policies[2].document.kind, PolicyKind::ControlPolicy);
}

#[test]
fn yaml_syntax_error_is_located_and_earlier_resources_survive() {
    let text = "\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vol:
    Type: AWS::EC2::Volume
    Properties:
      Size: 10
  Broken:
    Type: AWS::EC2::Volume
    Properties:
      Encrypted: [true
      Size: 10
";
    let f = file("t.yaml", text);
    assert_eq!(detect(&f), DocumentKind::CloudFormation);
    assert!(!parse_only(&f));
    let loaded = load_template(&f);
    assert_eq!(loaded.diagnostics.len(), 1);
    let d = &loaded.diagnostics[0];
    assert!(d.message.starts_with("YAML syntax error"), "{}", d.message);
    assert_eq!(f.line_col(d.span.start).line, 11);
    // The complete volume is adapted; the broken one is not guessed at.
    let m = &loaded.model;
    assert_eq!(m.resources.len(), 1);
    assert_eq!(m.encryption.len(), 1);
    assert_eq!(m.encryption[0].encrypted.get(), Some(&false));
}

#[test]
fn unparseable_files_that_look_like_templates_are_templates() {
    let f = file(
        "t.yaml",
        "Resources:\n  X:\n    Type: AWS::S3::Bucket\n   bad: [\n",
    );
    assert_eq!(detect(&f), DocumentKind::CloudFormation);
    let f = file(
        "t.json",
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n \"Resources\": {\n",
    );
    assert_eq!(detect(&f), DocumentKind::CloudFormation);
    let loaded = load_template(&f);
    assert_eq!(loaded.diagnostics.len(), 1);
    let d = &loaded.diagnostics[0];
    assert_eq!(
        (f.line_col(d.span.start).line, d.message.as_str()),
        (2, "JSON syntax error: Unterminated object")
    );
}

#[test]
fn a_resource_with_a_mapping_type_is_reported_and_the_rest_continue() {
    let text = "\
Resources:
  Network:
    Type: !Rain::Module ../vpc.yml
    Properties: {Name: x}
  Vol:
    Type: AWS::EC2::Volume
    Properties: {Encrypted: false}
";
    let f = file("t.yaml", text);
    let loaded = load_template(&f);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(f.line_col(loaded.diagnostics[0].span.start).line, 3);
    assert!(loaded.diagnostics[0].message.contains("Network"));
    assert_eq!(loaded.model.resources.len(), 1);
    assert_eq!(loaded.model.encryption.len(), 1);
    assert!(loaded.model.encryption[0].encrypted.is_written());
}

#[test]
fn detection_by_content() {
    let kinds = [
        ("k8s.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: []\n", DocumentKind::Other),
        ("package.json", "{\"name\": \"x\", \"dependencies\": {\"aws-sdk\": \"2\"}}", DocumentKind::Other),
        ("docker-compose.yml", "services:\n  web:\n    image: nginx\n", DocumentKind::Other),
        ("ci.yml", "on: push\njobs:\n  b:\n    steps:\n      - run: aws cloudformation deploy --template-file Resources.yaml # AWS::S3\n", DocumentKind::Other),
        ("sls.yml", "service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n", DocumentKind::Other),
        ("t.template", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", DocumentKind::CloudFormation),
        ("sam.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n", DocumentKind::CloudFormation),
        ("p.json", "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}", DocumentKind::IamPolicy),
        ("not-policy.json", "{\"Statement\": [{\"Effect\": \"Allow\"}, {\"Name\": 1}]}", DocumentKind::Other),
        ("p.yaml", "Statement:\n  - Effect: Allow\n    Action: '*'\n    Resource: '*'\n", DocumentKind::IamPolicy),
    ];
    for (name, text, want) in kinds {
        assert_eq!(detect(&file(name, text)), want, "{name}");
    }
}

#[test]
fn standalone_policies_are_classified_by_content() {
    let trust = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/x"},
      "Action": ["sts:AssumeRoleWithWebIdentity"]}]}"#;
    let resource = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
    let identity = r#"{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "NotResource": ["a", "b"],
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}}"#;
    for (text, kind) in [
        (trust, PolicyKind::Trust),
        (resource, PolicyKind::Resource),
        (identity, PolicyKind::Identity),
    ] {
        let f = file("p.json", text);
        assert_eq!(detect(&f), DocumentKind::IamPolicy);
        let loaded = load_policy(&f);
        assert!(loaded.diagnostics.is_empty());
        let [p] = loaded.model.policies.as_slice() else {
            panic!("one policy expected")
        };
        assert_eq!(p.owner, None);
        assert_eq!(p.document.kind, kind);
    }
    let f = file("p.json", identity);
    let loaded = load_policy(&f);
    let st = &loaded.model.policies[0].document.statements[0];
    let not_resource = st.not_resource.as_ref().unwrap().get().unwrap();
    assert_eq!(at(&f, not_resource[1].span), (1, 78, "\"b\""));
    assert_eq!(st.conditions_on("aws:multifactorauthpresent").len(), 1);

    let broken = file(
        "p.json",
        "{\"Statement\": [{\"Effect\": \"Allow\",\n\"Action\": }]}",
    );
    assert_eq!(detect(&broken), DocumentKind::IamPolicy);
    let loaded = load_policy(&broken);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(broken.line_col(loaded.diagnostics[0].span.start).line, 2);
}

/// Deterministic pseudo-random numbers (no dependency needed for a fuzz loop).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

#[test]
fn garbage_never_panics() {
    let mut inputs: Vec<String> = vec![SG_YAML.to_string()];
    for dir in [
        "../../../shared/corpus/cloudformation",
        "../../../shared/corpus/iam-policies",
    ] {
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut stack = vec![base];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if inputs.len() < 60 {
                    if let Ok(t) = std::fs::read_to_string(&p) {
                        inputs.push(t);
                    }
                }
            }
        }
    }
    let mut rng = Lcg(7);
    for round in 0..600 {
        let source = &inputs[rng.next(inputs.len())];
        let bytes = source.as_bytes();
        let start = rng.next(bytes.len());
        let end = start + rng.next(bytes.len() - start + 1);
        let mut slice = bytes[start..end].to_vec();
        // Flip a few bytes so the slices are not only well-formed prefixes and suffixes.
        for _ in 0..rng.next(4) {
            if !slice.is_empty() {
                let i = rng.next(slice.len());
                slice[i] = b"{}[]:-'\"!&*#\n \t,|>"[rng.next(18)];
            }
        }
        let text = String::from_utf8_lossy(&slice).into_owned();
        let name = if round % 2 == 0 { "g.yaml" } else { "g.json" };
        let f = file(name, &text);
        let _ = detect(&f);
        let _ = parse_only(&f);
        let loaded = load_template(&f);
        for d in &loaded.diagnostics {
            assert!(d.span.end as usize <= text.len());
        }
        let _ = load_policy(&f);
    }
}

#[test]
fn what_is_not_known_stays_unknown() {
    let text = "\
Parameters:
  Cidr:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /network/admin-cidr
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasKey: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr}
  ProdOnly:
    Type: AWS::EC2::Volume
    Condition: IsProd
    Properties: {Size: 1}
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions: !If [HasKey, {Enabled: true, KmsKeyId: k}, {Enabled: true}]
  Whole:
    Type: AWS::EC2::Volume
    Properties: !If [HasKey, {Encrypted: true}, {Encrypted: true, KmsKeyId: k}]
";
    let m = model("t.yaml", text);
    // An SSM-typed parameter's default is a parameter name, not the value.
    assert!(cidr(&m.security_group_rules[0].sources[0]).is_unknown());
    // `ProdOnly` is not created with the defaults; `Whole` has conditional properties.
    assert_eq!(m.resources.len(), 4);
    let [search] = m.encryption.as_slice() else {
        panic!(
            "only the domain has a known encryption fact: {:?}",
            m.encryption
        )
    };
    assert!(search.encrypted.is_unknown());
}

#[test]
fn explosive_condition_chains_finish_quickly() {
    let mut text = String::from(
        "Parameters:\n  P: {Type: String, Default: a}\nConditions:\n  C0: !Equals [!Ref P, a]\n",
    );
    for i in 1..5000 {
        text.push_str(&format!(
            "  C{i}: !And [!Condition C{}, !Condition C{}]\n",
            i - 1,
            i / 2
        ));
    }
    text.push_str("Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [C4999, true, false]\n");
    let start = std::time::Instant::now();
    let loaded = load_template(&file("t.yaml", &text));
    assert!(start.elapsed().as_secs_f64() < HANG);
    // Too deep to evaluate: both branches are kept rather than guessing, with a note.
    assert_eq!(loaded.model.encryption[0].encrypted.candidates().len(), 2);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(loaded.diagnostics[0]
        .message
        .contains("more than 64 levels"));
}

#[test]
fn two_thousand_chained_conditions_and_deep_ifs_finish_with_a_note() {
    // C0 .. C1999, each the negation of the previous one.
    let mut text = String::from(
        "Parameters:\n  P: {Type: String, Default: a}\nConditions:\n  C0: !Equals [!Ref P, a]\n",
    );
    for i in 1..2000 {
        text.push_str(&format!("  C{i}: !Not [!Condition C{}]\n", i - 1));
    }
    // A shallow chain stays exact; the deep end of it is unknown.
    text.push_str("  Short: !Not [!Condition C3]\n");
    text.push_str("Resources:\n  Shallow:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [Short, true, false]\n");
    text.push_str("  Deep:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [C1999, true, false]\n");
    let f = file("t.yaml", &text);
    let start = std::time::Instant::now();
    let loaded = load_template(&f);
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs_f64() < HANG, "{elapsed:?}");
    let m = &loaded.model;
    assert_eq!(m.encryption.len(), 2);
    // C3 is false with the default (a = a, then three negations): `Short` is true.
    assert_eq!(m.encryption[0].encrypted.get(), Some(&true));
    // C1999 is beyond the depth limit: both branches are kept.
    assert_eq!(m.encryption[1].encrypted.candidates().len(), 2);
    let [note] = loaded.diagnostics.as_slice() else {
        panic!("one note expected: {:?}", loaded.diagnostics)
    };
    assert!(
        note.message.contains("treated as unknown"),
        "{}",
        note.message
    );

    // 200 nested `Fn::If` around a value, in block style (parsers bound flow nesting).
    let mut text = String::from(
        "Conditions:\n  C: !Equals [1, 2]\nResources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted:",
    );
    for level in 0..200 {
        let pad = " ".repeat(8 + 2 * level);
        text.push_str(&format!(" !If\n{pad}- C\n{pad}- true\n{pad}-"));
    }
    text.push_str(" false\n");
    let start = std::time::Instant::now();
    let loaded = load_template(&file("t.yaml", &text));
    assert!(start.elapsed().as_secs_f64() < HANG);
    // Cut off at the depth limit: unknown, never a finding.
    let [enc] = loaded.model.encryption.as_slice() else {
        panic!("one volume expected: {:?}", loaded.diagnostics)
    };
    assert!(enc.encrypted.is_unknown());
    let [note] = loaded.diagnostics.as_slice() else {
        panic!("one note expected: {:?}", loaded.diagnostics)
    };
    assert!(
        note.message.contains("treated as unknown"),
        "{}",
        note.message
    );
}

#[test]
fn a_yaml_alias_bomb_in_a_template_stops_quickly() {
    let mut text = String::from("Resources:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..15 {
        let p = i - 1;
        text.push_str(&format!(
            "  a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    text.push_str("  V:\n    Type: AWS::EC2::Volume\n");
    let f = file("t.yaml", &text);
    let start = std::time::Instant::now();
    let loaded = load_template(&f);
    assert!(start.elapsed().as_secs_f64() < HANG);
    assert!(loaded
        .diagnostics
        .iter()
        .any(|d| d.message.contains("too many nodes")));
}

#[test]
fn base64_keeps_the_text_and_length_counts_known_lists() {
    let text = "\
Parameters:
  Nets: {Type: CommaDelimitedList, Default: 'a,b,c'}
Mappings:
  M:
    k: {v: 1}
Resources:
  Acl:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      RuleNumber: !Length [x, y]
      Protocol: !Base64 '-1'
      RuleAction: !FindInMap [M, k, missing, {DefaultValue: allow}]
      CidrBlock: !Base64 {Fn::Sub: ['0.0.0.0/${Mask}', {Mask: 0}]}
      Egress: false
  Acl2:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      RuleNumber: !Length {Ref: Nets}
      Protocol: !Length {Fn::ImportValue: X}
      RuleAction: allow
";
    let m = model("t.yaml", text);
    let [a, b] = m.nacl_rules.as_slice() else {
        panic!("two entries expected")
    };
    assert_eq!(a.rule_number.get(), Some(&2));
    assert_eq!(a.protocol.get().map(String::as_str), Some("-1"));
    // The LanguageExtensions default of a missing mapping key.
    assert_eq!(a.action.get().map(String::as_str), Some("allow"));
    assert_eq!(
        a.cidr.as_ref().unwrap().get().map(String::as_str),
        Some("0.0.0.0/0")
    );
    assert_eq!(b.rule_number.get(), Some(&3));
    assert!(b.protocol.is_unknown());
}

fn owner_of<'m>(m: &'m Model, p: &palisade_model::AttachedPolicy) -> &'m str {
    &m.resources[p.owner.unwrap().0].address
}

#[test]
fn sam_function_policies_documents_and_templates() {
    let text = "\
Transform: AWS::Serverless-2016-10-31
Parameters:
  Bucket: {Type: String, Default: uploads}
  Queue: {Type: String}
Conditions:
  IsProd: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        - AWSLambdaBasicExecutionRole
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - Statement:
            - Effect: Allow
              Action: s3:*
              Resource: '*'
        - S3CrudPolicy:
            BucketName: !Ref Bucket
        - SQSSendMessagePolicy: {QueueName: !Ref Queue}
        - SomeFuturePolicy: {Name: x}
        - !If [IsProd, {DynamoDBReadPolicy: {TableName: t}}, !Ref AWS::NoValue]
  WithRole:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Policies:
        - Statement: [{Effect: Allow, Action: '*', Resource: '*'}]
  Single:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        Version: '2012-10-17'
        Statement: {Effect: Allow, Action: 'iam:*', Resource: '*'}
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let attrs: Vec<(&str, &str)> = m
        .policies
        .iter()
        .map(|p| (owner_of(&m, p), p.attribute.as_str()))
        .collect();
    assert_eq!(
        attrs,
        vec![
            ("Fn", "Policies"),
            ("Fn", "Policies[S3CrudPolicy]"),
            ("Fn", "Policies[SQSSendMessagePolicy]"),
            ("Fn", "Policies[DynamoDBReadPolicy]"),
            ("Single", "Policies"),
        ]
    );
    assert!(m
        .policies
        .iter()
        .all(|p| p.document.kind == PolicyKind::Identity));
    let inline = &m.policies[0].document.statements[0];
    assert_eq!(inline.actions()[0].0, "s3:*");

    // The template expands to its published grants, located at the template's name.
    let crud = &m.policies[1].document.statements;
    assert_eq!(crud.len(), 1);
    let actions: Vec<&str> = crud[0].actions().iter().map(|a| a.0).collect();
    assert_eq!(actions.len(), 9);
    assert!(actions.contains(&"s3:DeleteObject") && actions.contains(&"s3:PutObjectAcl"));
    assert_eq!(at(&f, crud[0].actions()[0].1), (19, 11, "S3CrudPolicy"));
    let resources = crud[0].resource.as_ref().unwrap().get().unwrap();
    let arns: Vec<Option<&str>> = resources
        .iter()
        .map(|r| r.get().map(String::as_str))
        .collect();
    assert_eq!(
        arns,
        vec![Some("arn:aws:s3:::uploads"), Some("arn:aws:s3:::uploads/*")]
    );

    // A queue parameter without a default leaves the queue name unknown.
    let send = &m.policies[2].document.statements[0];
    assert_eq!(send.actions()[0].0, "sqs:SendMessage*");
    let queue = &send.resource.as_ref().unwrap().get().unwrap()[0];
    assert_eq!(queue.parts().unwrap().last(), Some(&StrPart::Unknown));

    // A template under `Fn::If` applies under its condition.
    let read = &m.policies[3].document.statements[0];
    assert_eq!(read.when, vec![("IsProd".to_string(), true)]);
    assert_eq!(read.actions().len(), 5);
}

#[test]
fn sam_simple_table_api_and_nested_stack() {
    let text = "\
Transform: AWS::Serverless-2016-10-31
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification: {SSEEnabled: true}
  Plain:
    Type: AWS::Serverless::SimpleTable
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        ResourcePolicy:
          CustomStatements:
            - Effect: Allow
              Principal: '*'
              Action: execute-api:*
              Resource: execute-api:/*
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://example.com/child.yaml
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let kinds: Vec<&str> = m.resources.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        kinds,
        vec![
            "AWS::Serverless::SimpleTable",
            "AWS::Serverless::SimpleTable",
            "AWS::Serverless::Api",
            "AWS::CloudFormation::Stack"
        ]
    );
    let [table, plain] = m.encryption.as_slice() else {
        panic!("two tables expected: {:?}", m.encryption)
    };
    assert_eq!(table.service, Service::DynamoDb);
    assert_eq!(
        table.kms_key.as_ref().unwrap().get().map(String::as_str),
        Some("alias/aws/dynamodb")
    );
    assert!(plain.kms_key.is_none());
    assert_eq!(at(&f, plain.span).2, "Plain");
    let [api] = m.policies.as_slice() else {
        panic!("one API policy expected")
    };
    assert_eq!(owner_of(&m, api), "Api");
    assert_eq!(api.document.kind, PolicyKind::Resource);
    assert_eq!(api.document.statements[0].actions()[0].0, "execute-api:*");
    // The nested stack is a resource; nothing is fetched, nothing else is known.
    assert_eq!(m.security_group_rules.len() + m.kms_keys.len(), 0);
}

#[test]
fn cidr_is_evaluated_when_its_inputs_are_known() {
    let text = "\
Parameters:
  Block: {Type: String, Default: 10.0.0.0/16}
  Unset: {Type: String}
Resources:
  Acl:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      RuleNumber: 1
      Protocol: -1
      RuleAction: allow
      CidrBlock: !Select [2, !Cidr [!Ref Block, 4, 8]]
      Ipv6CidrBlock: !Select [1, !Cidr ['2001:db8::/56', 2, 64]]
  Acl2:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      RuleNumber: 2
      Protocol: -1
      RuleAction: allow
      CidrBlock: !Select [0, !Cidr [!Ref Unset, 4, 8]]
      Ipv6CidrBlock: !Select [0, !Cidr [10.0.0.0/24, 300, 2]]
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let [a, b] = m.nacl_rules.as_slice() else {
        panic!("two entries expected")
    };
    let c = a.cidr.as_ref().unwrap();
    assert_eq!(c.get().map(String::as_str), Some("10.0.2.0/24"));
    assert!(matches!(c.kind, ValueKind::Known(_, Provenance::Derived)));
    assert_eq!(f.slice(c.defined_at.unwrap()), "10.0.0.0/16");
    assert_eq!(
        a.ipv6_cidr.as_ref().unwrap().get().map(String::as_str),
        Some("2001:db8:0:1::/64")
    );
    assert!(b.cidr.as_ref().unwrap().is_unknown());
    // More subnets than CloudFormation allows: the stack would not deploy; unknown.
    assert!(b.ipv6_cidr.as_ref().unwrap().is_unknown());
}

#[test]
fn for_each_expands_known_collections() {
    let text = "\
Transform: AWS::LanguageExtensions
Parameters:
  Ports: {Type: CommaDelimitedList, Default: '22,3389'}
  Unset: {Type: CommaDelimitedList}
Resources:
  Fn::ForEach::Queues:
    - Name
    - [a-b, c.d]
    - Queue&{Name}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub '${Name}-queue'
          KmsMasterKeyId: !Ref Name
  Fn::ForEach::Rules:
    - Port
    - !Ref Ports
    - Fn::ForEach::Cidrs:
        - Cidr
        - [0.0.0.0/0, 10.0.0.0/8]
        - Rule${Port}x&{Cidr}:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              IpProtocol: tcp
              FromPort: !Ref Port
              ToPort: !Ref Port
              CidrIp: !Ref Cidr
  Fn::ForEach::Never:
    - X
    - !Ref Unset
    - Vol${X}:
        Type: AWS::EC2::Volume
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: loops over properties
      Fn::ForEach::Props:
        - P
        - [SecurityGroupIngress]
        - ${P}:
            - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let names: Vec<&str> = m.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Queueab",
            "Queuecd",
            "Rule22x00000",
            "Rule22x100008",
            "Rule3389x00000",
            "Rule3389x100008",
            "Sg"
        ]
    );
    // Expanded resources point into the loop body.
    assert_eq!(at(&f, m.resources[1].header), (9, 7, "Queue&{Name}"));
    let keys: Vec<Option<&str>> = m.encryption[..2]
        .iter()
        .map(|e| e.kms_key.as_ref().unwrap().get().map(String::as_str))
        .collect();
    assert_eq!(keys, vec![Some("a-b"), Some("c.d")]);
    let rules = &m.security_group_rules;
    assert_eq!(rules.len(), 5);
    assert_eq!(rules[2].from_port.get(), Some(&3389));
    assert_eq!(
        cidr(&rules[3].sources[0]).get().map(String::as_str),
        Some("10.0.0.0/8")
    );
    assert_eq!(at(&f, cidr(&rules[3].sources[0]).span).2, "!Ref Cidr");
    // The loop inside `Sg`'s properties produced its ingress list.
    assert_eq!(m.resources[rules[4].owner.0].address, "Sg");
    assert_eq!(rules[4].from_port.get(), Some(&443));
}

#[test]
fn resources_made_by_for_each_can_be_referenced() {
    let text = "\
Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Keys:
    - K
    - [prod]
    - Key${K}:
        Type: AWS::KMS::Key
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Keyprod
  Other:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !Ref Keydev
";
    let m = model("t.yaml", text);
    assert_eq!(m.resources.len(), 3);
    let key = |i: usize| m.encryption[i].kms_key.as_ref().unwrap().kind.clone();
    match key(0) {
        ValueKind::Reference(r) => assert_eq!(r.target, "Keyprod"),
        other => panic!("expected a reference, got {other:?}"),
    }
    // A name no loop produced stays unknown.
    assert!(matches!(key(1), ValueKind::Unknown));
}

#[test]
fn for_each_without_the_transform_is_not_expanded() {
    let text = "\
Resources:
  Fn::ForEach::Vols:
    - X
    - [a]
    - Vol${X}:
        Type: AWS::EC2::Volume
";
    let m = model("t.yaml", text);
    assert!(m.resources.is_empty());
}

#[test]
fn a_huge_for_each_is_capped_quickly() {
    let mut text = String::from(
        "Transform: [AWS::LanguageExtensions]\nResources:\n  Fn::ForEach::Many:\n    - X\n    - [",
    );
    for i in 0..100_000 {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&format!("v{i}"));
    }
    text.push_str("]\n    - Fn::ForEach::Inner:\n        - Y\n        - [a, b, c]\n        - Vol${X}${Y}:\n            Type: AWS::EC2::Volume\n");
    let f = file("t.yaml", &text);
    let start = std::time::Instant::now();
    let loaded = load_template(&f);
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs_f64() < HANG, "{elapsed:?}");
    assert_eq!(loaded.model.resources.len(), 1_000);
    assert_eq!(loaded.model.resources[3].address, "Volv1a");
    let [d] = loaded.diagnostics.as_slice() else {
        panic!("one note expected: {:?}", loaded.diagnostics)
    };
    assert!(d.message.contains("more than 1000"), "{}", d.message);
    assert_eq!(at(&f, d.span).2, "Fn::ForEach::Inner");
}

#[test]
fn lambda_permissions_are_resource_policy_statements() {
    let text = "\
Resources:
  Any:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:*
      FunctionName: !GetAtt Fn.Arn
      Principal: '*'
  FromBucket:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: s3.amazonaws.com
      SourceArn: arn:aws:s3:::uploads
      SourceAccount: '123456789012'
  Account:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: fn
      Principal: '123456789012'
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let [any, bucket, account] = m.policies.as_slice() else {
        panic!("three permissions expected")
    };
    assert!(m
        .policies
        .iter()
        .all(|p| p.document.kind == PolicyKind::Resource));
    let st = &any.document.statements[0];
    assert_eq!(st.effect.get(), Some(&Effect::Allow));
    assert_eq!(at(&f, st.actions()[0].1), (5, 15, "lambda:*"));
    let principal = &st.principal.as_ref().unwrap().entries[0];
    assert_eq!(principal.kind, "*");

    let st = &bucket.document.statements[0];
    let principal = &st.principal.as_ref().unwrap().entries[0];
    assert_eq!(principal.kind, "Service");
    let arn = st.conditions_on("aws:sourcearn");
    assert_eq!(arn.len(), 1);
    assert_eq!(arn[0].operator.to_ascii_lowercase(), "arnlike");
    assert_eq!(st.conditions_on("aws:sourceaccount").len(), 1);
    let resource = st.resource.as_ref().unwrap().get().unwrap();
    assert_eq!(resource[0].get().map(String::as_str), Some("fn"));

    let st = &account.document.statements[0];
    assert_eq!(st.principal.as_ref().unwrap().entries[0].kind, "AWS");
    assert!(st.conditions_on("aws:sourcearn").is_empty());
}

#[test]
fn list_items_under_if_carry_their_condition() {
    let text = "\
Parameters:
  Open: {Type: String}
Conditions:
  OpenSsh: !Equals [!Ref Open, 'yes']
  Known: !Equals [a, a]
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
        - !If
          - OpenSsh
          - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
          - !Ref AWS::NoValue
        - !If [Known, {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}, !Ref AWS::NoValue]
  Vm:
    Type: AWS::EC2::Instance
    Properties:
      BlockDeviceMappings:
        - !If
          - OpenSsh
          - !Ref AWS::NoValue
          - {DeviceName: /dev/xvdb, Ebs: {VolumeSize: 10}}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: []}
      Policies:
        - !If
          - OpenSsh
          - PolicyName: admin
            PolicyDocument: {Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}
          - !Ref AWS::NoValue
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let conditions = |v: &Value<String>| -> Vec<Vec<(String, bool)>> {
        v.candidates().into_iter().map(|c| c.conditions).collect()
    };
    let rules = &m.security_group_rules;
    assert_eq!(rules.len(), 3);
    // Unconditional and known-true items are plain; the unknown one names its condition,
    // and only the branch where the rule exists yields a candidate.
    assert_eq!(conditions(cidr(&rules[0].sources[0])), vec![vec![]]);
    let ssh = cidr(&rules[1].sources[0]);
    assert_eq!(conditions(ssh), vec![vec![("OpenSsh".to_string(), true)]]);
    assert_eq!(at(&f, ssh.candidates()[0].span).2, "0.0.0.0/0");
    assert_eq!(rules[1].from_port.get(), Some(&22));
    assert_eq!(conditions(cidr(&rules[2].sources[0])), vec![vec![]]);

    let [device] = m.encryption.as_slice() else {
        panic!("one device expected: {:?}", m.encryption)
    };
    let c = device.encrypted.candidates();
    assert_eq!(c.len(), 1);
    assert!(!*c[0].value, "unencrypted by default");
    assert_eq!(c[0].conditions, vec![("OpenSsh".to_string(), false)]);

    let [policy] = m
        .policies
        .iter()
        .filter(|p| p.attribute.starts_with("Policies"))
        .collect::<Vec<_>>()[..]
    else {
        panic!("one inline policy expected")
    };
    assert_eq!(
        policy.document.statements[0].when,
        vec![("OpenSsh".to_string(), true)]
    );
}

#[test]
fn a_huge_parameter_or_mapping_copied_everywhere_stays_linear() {
    // A 20,000-item list default referenced by 3,000 resources, and a 20,000-item mapping
    // value looked up by as many: 120 million copied values without a bound.
    let nets: Vec<String> = (0..20_000)
        .map(|i| format!("10.{}.{}.0/24", i / 256 % 256, i % 256))
        .collect();
    let mut text = format!(
        "Parameters:\n  Nets:\n    Type: CommaDelimitedList\n    Default: '{}'\nMappings:\n  M:\n    k:\n      v: [{}]\nResources:\n",
        nets.join(","),
        nets.join(", ")
    );
    for i in 0..3_000 {
        text.push_str(&format!(
            "  A{i}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      RuleNumber: {i}\n      RuleAction: allow\n      Protocol: -1\n      CidrBlock: !Select [0, !Ref Nets]\n      Ipv6CidrBlock: !Select [1, !FindInMap [M, k, v]]\n"
        ));
    }
    let f = file("t.yaml", &text);
    let start = std::time::Instant::now();
    let loaded = load_template(&f);
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs_f64() < HANG, "{elapsed:?}");
    let rules = &loaded.model.nacl_rules;
    assert_eq!(rules.len(), 3_000);
    // The first uses are evaluated; once the budget is spent, values are unknown.
    let cidr = |i: usize| rules[i].cidr.as_ref().unwrap();
    assert_eq!(cidr(0).get().map(String::as_str), Some("10.0.0.0/24"));
    assert_eq!(
        rules[0]
            .ipv6_cidr
            .as_ref()
            .unwrap()
            .get()
            .map(String::as_str),
        Some("10.0.1.0/24")
    );
    assert!(cidr(2_999).is_unknown());
    assert!(
        rules[2_999].rule_number.get().is_some(),
        "literals stay cheap"
    );
    let [note] = loaded.diagnostics.as_slice() else {
        panic!("one note expected: {:?}", loaded.diagnostics)
    };
    assert!(note.message.contains("too many values"), "{}", note.message);
}

#[test]
fn a_for_each_over_a_huge_body_is_capped_by_size() {
    // 1,000 copies (the entry cap) of a body with 20,000 values each.
    let mut text = String::from(
        "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Big:\n    - X\n    - [",
    );
    let items: Vec<String> = (0..1_000).map(|i| format!("v{i}")).collect();
    text.push_str(&items.join(", "));
    text.push_str(
        "]\n    - Vol${X}:\n        Type: AWS::EC2::Volume\n        Metadata:\n          Blob: [",
    );
    let blob: Vec<String> = (0..20_000).map(|i| i.to_string()).collect();
    text.push_str(&blob.join(", "));
    text.push_str("]\n");
    let f = file("t.yaml", &text);
    let start = std::time::Instant::now();
    let loaded = load_template(&f);
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs_f64() < HANG, "{elapsed:?}");
    // 2,000,000 copied nodes allow 99 copies of a 20,004-node body.
    assert_eq!(loaded.model.resources.len(), 99);
    let [note] = loaded.diagnostics.as_slice() else {
        panic!("one note expected: {:?}", loaded.diagnostics)
    };
    assert!(note.message.contains("values"), "{}", note.message);
}

#[test]
fn sam_globals_conditional_role_and_events() {
    let text = "\
Transform: AWS::Serverless-2016-10-31
Parameters:
  RoleArn: {Type: String}
Conditions:
  HasRole: !Not [!Equals [!Ref RoleArn, '']]
Globals:
  SimpleTable:
    SSESpecification: {SSEEnabled: true}
  Api:
    Auth:
      ResourcePolicy:
        CustomStatements:
          - {Effect: Allow, Principal: '*', Action: 'execute-api:*', Resource: '*'}
Resources:
  Inherits:
    Type: AWS::Serverless::SimpleTable
  Overrides:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification: {SSEEnabled: false}
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        ResourcePolicy:
          CustomStatements:
            - {Effect: Allow, Principal: '*', Action: 'execute-api:Invoke', Resource: '*'}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Role: !If [HasRole, !Ref RoleArn, !Ref AWS::NoValue]
      Policies:
        - Statement: [{Effect: Allow, Action: 'iam:*', Resource: '*'}]
      Events:
        Queue:
          Type: SQS
          Properties: {Queue: !GetAtt Q.Arn}
        Http:
          Type: Api
          Properties: {Path: /, Method: get, RestApiId: !Ref Api}
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    assert_eq!(m.resources.len(), 4);
    let [inherits, overrides] = m.encryption.as_slice() else {
        panic!("two tables expected: {:?}", m.encryption)
    };
    // The global `SSEEnabled: true` selects the AWS managed KMS key, located in `Globals`.
    assert_eq!(
        inherits.kms_key.as_ref().unwrap().get().map(String::as_str),
        Some("alias/aws/dynamodb")
    );
    assert_eq!(at(&f, inherits.span).0, 8);
    assert!(overrides.kms_key.is_none());

    // The API's statements follow the global ones (lists concatenate).
    let api: Vec<_> = m
        .policies
        .iter()
        .filter(|p| owner_of(&m, p) == "Api")
        .collect();
    let [api] = api.as_slice() else {
        panic!("one API policy expected")
    };
    let actions: Vec<&str> = api
        .document
        .statements
        .iter()
        .map(|s| s.actions()[0].0)
        .collect();
    assert_eq!(actions, vec!["execute-api:*", "execute-api:Invoke"]);

    // The function's policies apply only where no role is given; events add nothing.
    let fn_policies: Vec<_> = m
        .policies
        .iter()
        .filter(|p| owner_of(&m, p) == "Fn")
        .collect();
    let [policy] = fn_policies.as_slice() else {
        panic!("one function policy expected: {}", fn_policies.len())
    };
    assert_eq!(
        policy.document.statements[0].when,
        vec![("HasRole".to_string(), false)]
    );
    assert_eq!(m.policies.len(), 2);
}

#[test]
fn conditions_combine_known_and_unknown_parts() {
    let text = "\
Parameters:
  Env: {Type: String, Default: prod}
  Free: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Unknown: !Equals [!Ref Free, x]
  OrShort: !Or [!Condition Unknown, !Condition IsProd]
  OrOpen: !Or [!Condition Unknown, !Not [!Condition IsProd]]
  AndShort: !And [!Condition Unknown, !Not [!Condition IsProd]]
  AndOpen: !And [!Condition Unknown, !Condition IsProd]
  Nested: {Fn::And: [{Condition: IsProd}, {Fn::Or: [{Fn::Equals: [a, b]}, {Condition: IsProd}]}]}
Resources:
";
    let mut text = text.to_string();
    for (i, c) in ["OrShort", "OrOpen", "AndShort", "AndOpen", "Nested"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "  V{i}:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [{c}, true, false]\n"
        ));
    }
    // A resource whose condition is known false is not created: no facts.
    text.push_str("  Skipped:\n    Type: AWS::EC2::Volume\n    Condition: AndShort\n");
    let m = model("t.yaml", &text);
    assert_eq!(m.resources.len(), 6);
    let got: Vec<Option<bool>> = m
        .encryption
        .iter()
        .map(|e| {
            assert!(at_owner(&m, e.owner).starts_with('V'));
            e.encrypted.get().copied()
        })
        .collect();
    // Known: `Or` with a true part, `And` with a false part; else both branches are kept.
    assert_eq!(got, vec![Some(true), None, Some(false), None, Some(true)]);
    assert_eq!(m.encryption[1].encrypted.candidates().len(), 2);
}

fn at_owner(m: &Model, id: palisade_model::ResourceId) -> &str {
    &m.resources[id.0].address
}

#[test]
fn deeply_nested_for_each_loops_give_one_note() {
    // Twelve loops over two items each, nested: past the nesting limit nothing is expanded,
    // and the note is given once, not once per combination of the outer loops' items.
    let mut text = String::from("Transform: AWS::LanguageExtensions\nResources:\n");
    let mut pad = String::from("  ");
    for level in 0..12 {
        text.push_str(&format!(
            "{pad}Fn::ForEach::L{level}:\n{pad}  - I{level}\n{pad}  - [a, b]\n{pad}  -"
        ));
        pad.push_str("    ");
        text.push('\n');
    }
    let ids: String = (0..12).map(|l| format!("${{I{l}}}")).collect();
    text.push_str(&format!("{pad}V{ids}:\n{pad}  Type: AWS::EC2::Volume\n"));
    let f = file("t.yaml", &text);
    let start = std::time::Instant::now();
    let loaded = load_template(&f);
    assert!(start.elapsed().as_secs_f64() < HANG);
    assert!(loaded.model.resources.is_empty());
    let [note] = loaded.diagnostics.as_slice() else {
        panic!("one note expected: {:?}", loaded.diagnostics.len())
    };
    assert!(
        note.message.contains("nested too deeply"),
        "{}",
        note.message
    );
    assert_eq!(at(&f, note.span).2, "Fn::ForEach::L8");
}

#[test]
fn odd_shapes_of_sam_foreach_and_intrinsics_never_panic() {
    // Every form below is wrong or unusual in some way; each must load without a panic and
    // yield no facts it cannot justify.
    let bodies = [
        "Globals: [1, 2]\nResources:\n  T: {Type: AWS::Serverless::SimpleTable}\n",
        "Globals: {SimpleTable: oops}\nResources:\n  T: {Type: AWS::Serverless::SimpleTable, Properties: []}\n",
        "Globals: {SimpleTable: {SSESpecification: [x]}}\nResources:\n  T: {Type: AWS::Serverless::SimpleTable, Properties: {SSESpecification: {Ref: X}}}\n",
        "Resources:\n  F: {Type: AWS::Serverless::Function, Properties: {Role: {Fn::If: [C]}, Policies: {Fn::If: [C, x, y]}}}\n",
        "Resources:\n  F: {Type: AWS::Serverless::Function, Properties: {Policies: [{S3CrudPolicy: [1]}, {SQSSendMessagePolicy: null}, {}, [[]]]}}\n",
        "Resources:\n  A: {Type: AWS::Serverless::Api, Properties: {Auth: {ResourcePolicy: {CustomStatements: {Ref: AWS::NoValue}}}}}\n",
        "Resources:\n  Fn::ForEach::X: [I, {Ref: Nope}, {}]\n  Fn::ForEach::Y: [I]\n  Fn::ForEach::Z: [[1], [a], {V${I}: {Type: AWS::EC2::Volume}}]\n  Fn::ForEach::W: [I, [[a], {b: c}], {V${I}: {Type: AWS::EC2::Volume}}]\n",
        "Resources:\n  N:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {CidrBlock: {Fn::Select: [0, {Fn::Cidr: [10.0.0.0/8, -1, 8]}]}, Ipv6CidrBlock: {Fn::Cidr: [x]}, RuleNumber: {Fn::Cidr: [10.0.0.0/8, 4294967295, 33]}}\n",
        "Resources:\n  S:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {SecurityGroupIngress: {Fn::If: [C, {Fn::If: [D, [{CidrIp: 0.0.0.0/0}], null]}, 3]}}\n",
    ];
    for (i, body) in bodies.iter().enumerate() {
        let text =
            format!("Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]\n{body}");
        let loaded = load_template(&file("t.yaml", &text));
        let m = &loaded.model;
        // Nothing here grants anything or leaves a table without its default encryption.
        assert!(
            m.policies
                .iter()
                .all(|p| p.document.statements.iter().all(|s| s.actions().is_empty())),
            "case {i}: {:?}",
            m.policies
        );
        for e in &m.encryption {
            assert!(
                e.encrypted.candidates().iter().all(|c| *c.value),
                "case {i}"
            );
        }
    }
    // The open rule nested under two unknown conditions names both.
    let text = format!("Transform: AWS::LanguageExtensions\n{}", bodies[8]);
    let m = load_template(&file("t.yaml", &text)).model;
    // (The number in the other branch is no rule anyone can judge: it has no source.)
    let judged: Vec<_> = m
        .security_group_rules
        .iter()
        .filter(|r| !r.sources.is_empty())
        .collect();
    let [rule] = judged.as_slice() else {
        panic!("one rule with a source expected")
    };
    let c = cidr(&rule.sources[0]).candidates();
    assert_eq!(c.len(), 1);
    assert_eq!(
        c[0].conditions,
        vec![("C".to_string(), true), ("D".to_string(), true)]
    );
}

/// A key given twice in one mapping is judged with its last value (the one CloudFormation
/// deploys) and reported at the second place, naming the first.
#[test]
fn duplicate_keys_use_the_last_value_and_are_reported() {
    let yaml = "\
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 10.0.0.0/8
          CidrIp: 0.0.0.0/0
";
    let f = file("t.yaml", yaml);
    let loaded = load_template(&f);
    let rule = &loaded.model.security_group_rules[0];
    let c = cidr(&rule.sources[0]);
    assert_eq!(at(&f, c.span), (11, 19, "0.0.0.0/0"));
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert_eq!(at(&f, d.span), (11, 11, "CidrIp"));
    assert!(d.message.contains("`CidrIp`") && d.message.contains("line 10, column 11"));
    // Still classified as a template although it carries a diagnostic.
    assert_eq!(detect(&f), DocumentKind::CloudFormation);

    // A whole `Properties:` block given twice: the second one is the resource.
    let json = r#"{"Resources": {"Web": {"Type": "AWS::EC2::SecurityGroup",
  "Properties": {"GroupDescription": "a", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"}]},
  "Properties": {"GroupDescription": "b", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}]}}}}"#;
    let f = file("t.json", json);
    let loaded = load_template(&f);
    let c = cidr(&loaded.model.security_group_rules[0].sources[0]);
    assert_eq!(c.get().map(String::as_str), Some("0.0.0.0/0"));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(at(&f, loaded.diagnostics[0].span), (3, 3, "\"Properties\""));
    assert!(loaded.diagnostics[0].message.contains("line 2, column 3"));
}

#[test]
fn a_policy_action_given_twice_is_judged_by_the_last() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
 "Action": "s3:GetObject", "Resource": "*", "Action": "*"}]}"#;
    let f = file("p.json", text);
    assert_eq!(detect(&f), DocumentKind::IamPolicy);
    let loaded = load_policy(&f);
    let st = &loaded.model.policies[0].document.statements[0];
    let actions = st.action.as_ref().unwrap();
    let names: Vec<&str> = actions
        .get()
        .unwrap()
        .iter()
        .filter_map(|a| a.get().map(String::as_str))
        .collect();
    assert_eq!(names, ["*"]);
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(at(&f, loaded.diagnostics[0].span), (2, 45, "\"Action\""));
}

/// A policy written as a JSON string: a key given twice keeps its last value and is
/// reported at the string, naming both places in its text; a string that is not JSON is a
/// warning at the string.
#[test]
fn policy_strings_report_duplicates_and_invalid_json() {
    let yaml = r#"Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Action": "*"}]}'
  Q:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Statement": [{"Effect": "Allow",'
"#;
    let f = file("t.yaml", yaml);
    let loaded = load_template(&f);
    assert_eq!(loaded.model.policies.len(), 1);
    let st = &loaded.model.policies[0].document.statements[0];
    assert_eq!(st.actions()[0].0, "*");
    let found: Vec<(u32, String)> = loaded
        .diagnostics
        .iter()
        .map(|d| (f.line_col(d.span.start).line, d.message.clone()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, 5);
    assert_eq!(
        found[0].1,
        "duplicate key `Action` in the JSON of this string: given at line 1, column 36 of the \
         string and again at line 1, column 79; the later value is analysed, as CloudFormation \
         deploys it"
    );
    assert_eq!(found[1].0, 9);
    assert!(found[1].1.contains("not valid JSON"), "{found:?}");
    assert_eq!(loaded.diagnostics[0].level, palisade_source::Level::Error);
    assert_eq!(loaded.diagnostics[1].level, palisade_source::Level::Warning);
}

/// Every place the adapters read a policy from (resource policies of S3, SQS, SNS, KMS, ECR,
/// Secrets Manager and OpenSearch, a trust policy, SAM `Policies`), written as a mapping and
/// as a JSON string, with `Action` given twice: the last value is judged, and each duplicate
/// is reported naming both places (lines of the file, or of the string's text).
#[test]
fn duplicate_policy_keys_are_judged_by_the_last_value_in_every_policy_place() {
    let places: [(&str, &str, &str); 9] = [
        ("AWS::S3::BucketPolicy", "PolicyDocument", "Bucket: b"),
        ("AWS::SQS::QueuePolicy", "PolicyDocument", "Queues: [q]"),
        ("AWS::SNS::TopicPolicy", "PolicyDocument", "Topics: [t]"),
        ("AWS::KMS::Key", "KeyPolicy", "Description: k"),
        (
            "AWS::ECR::Repository",
            "RepositoryPolicyText",
            "RepositoryName: r",
        ),
        (
            "AWS::SecretsManager::ResourcePolicy",
            "ResourcePolicy",
            "SecretId: s",
        ),
        (
            "AWS::OpenSearchService::Domain",
            "AccessPolicies",
            "DomainName: d",
        ),
        ("AWS::IAM::Role", "AssumeRolePolicyDocument", "Path: /"),
        (
            "AWS::Serverless::Function",
            "Policies",
            "Runtime: python3.12",
        ),
    ];
    for as_string in [false, true] {
        let mut yaml = String::from("Transform: AWS::Serverless-2016-10-31\nResources:\n");
        let mut second_lines = Vec::new();
        for (i, (kind, prop, other)) in places.iter().enumerate() {
            yaml.push_str(&format!(
                "  R{i}:\n    Type: {kind}\n    Properties:\n      {other}\n"
            ));
            let list = if *prop == "Policies" { "- " } else { "" };
            if as_string {
                // The string is on the line after the property's name.
                second_lines.push(yaml.lines().count() + 2);
                yaml.push_str(&format!(
                    "      {prop}:\n        {list}'{{\"Statement\": [{{\"Effect\": \"Allow\", \
                     \"Principal\": \"*\", \"Resource\": \"*\", \"Action\": \"s3:GetObject\", \
                     \"Action\": \"*\"}}]}}'\n"
                ));
            } else {
                let pad = if list.is_empty() { "" } else { "  " };
                yaml.push_str(&format!(
                    "      {prop}:\n        {list}Statement:\n{pad}          - Effect: Allow\n\
                     {pad}            Principal: '*'\n{pad}            Resource: '*'\n\
                     {pad}            Action: s3:GetObject\n"
                ));
                second_lines.push(yaml.lines().count() + 1);
                yaml.push_str(&format!("{pad}            Action: '*'\n"));
            }
        }
        let f = file("t.yaml", &yaml);
        let loaded = load_template(&f);
        // SAM's `Policies` as a string is a managed policy's name, not a document.
        let expected = if as_string { 8 } else { 9 };
        let judged: Vec<String> = loaded
            .model
            .policies
            .iter()
            .map(|p| {
                let actions = p.document.statements[0].actions();
                assert_eq!(actions.len(), 1, "{yaml}");
                format!("{} {}", p.attribute, actions[0].0)
            })
            .collect();
        assert_eq!(judged.len(), expected, "{judged:?}\n{yaml}");
        assert!(judged.iter().all(|j| j.ends_with(" *")), "{judged:?}");
        assert_eq!(
            loaded.diagnostics.len(),
            expected,
            "{:?}\n{judged:?}",
            loaded.diagnostics
        );
        for (d, line) in loaded.diagnostics.iter().zip(&second_lines) {
            assert_eq!(d.level, palisade_source::Level::Error);
            assert_eq!(f.line_col(d.span.start).line as usize, *line, "{d:?}");
            if as_string {
                assert!(
                    d.message.contains(
                        "given at line 1, column 71 of the string and again at line 1, column 97"
                    ),
                    "{}",
                    d.message
                );
            } else {
                let first = format!("already given at line {}, column", line - 1);
                assert!(d.message.contains(&first), "{} / {first}", d.message);
            }
        }
    }
}

#[test]
fn db_security_group_ingress_is_a_rule_on_an_unknown_port() {
    let text = "Resources:
  Db:
    Type: AWS::RDS::DBSecurityGroup
    Properties:
      GroupDescription: db
      DBSecurityGroupIngress:
        - CIDRIP: 0.0.0.0/0
        - EC2SecurityGroupName: app
  Extra:
    Type: AWS::RDS::DBSecurityGroupIngress
    Properties:
      DBSecurityGroupName: !Ref Db
      CIDRIP: 203.0.113.0/24
";
    let f = file("t.yaml", text);
    let m = model("t.yaml", text);
    let rules = &m.security_group_rules;
    assert_eq!(rules.len(), 3);
    assert!(rules
        .iter()
        .all(|r| r.direction.get() == Some(&Direction::Ingress)));
    assert_eq!(
        at(&f, cidr(&rules[0].sources[0]).span),
        (7, 19, "0.0.0.0/0")
    );
    assert!(rules[0].from_port.is_unknown() && rules[0].to_port.is_unknown());
    assert_eq!(rules[0].protocol.get().map(String::as_str), Some("tcp"));
    assert!(matches!(rules[1].sources[..], [SgSource::Other(_)]));
    assert_eq!(
        cidr(&rules[2].sources[0]).get().map(String::as_str),
        Some("203.0.113.0/24")
    );
}

/// A YAML file with a second document: CloudFormation reads only the first, so only the first
/// is modelled, but the second is never skipped in silence: a warning at where it starts. A
/// trailing `---` or `...` with nothing after it is no document.
#[test]
fn a_second_yaml_document_is_a_warning_where_it_starts() {
    let yaml = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n---\nResources:\n  B:\n    Type: AWS::S3::Bucket\n";
    let f = file("t.yaml", yaml);
    let loaded = load_template(&f);
    assert_eq!(loaded.model.resources.len(), 1);
    assert_eq!(loaded.diagnostics.len(), 1, "{:?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.level, palisade_source::Level::Warning);
    assert_eq!(at(&f, d.span), (5, 1, "R"));
    assert!(d.message.contains("not scanned"), "{}", d.message);

    for tail in ["---\n", "...\n", "---\n...\n", ""] {
        let text = format!("Resources:\n  A:\n    Type: AWS::S3::Bucket\n{tail}");
        assert!(
            load_template(&file("t.yaml", &text)).diagnostics.is_empty(),
            "{tail:?}"
        );
    }
}
