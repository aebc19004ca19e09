//! `Ref` and `Fn::GetAtt` in the properties that name another resource become model links,
//! in YAML short form and JSON long form, through `Fn::If` branches and list items; a
//! reference to a parameter or to a resource of another type gives none.

use palisade_cloudformation::load_template;
use palisade_model::{LinkKind, Model};
use palisade_source::{FileId, SourceFile};

/// (from logical id, kind, to logical id, the property key holding the reference).
fn links(name: &str, text: &str) -> Vec<(String, LinkKind, String, String)> {
    let file = SourceFile::new(FileId(0), name, text);
    let loaded = load_template(&file);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let m: &Model = &loaded.model;
    let mut out: Vec<_> = m
        .links
        .iter()
        .map(|l| {
            (
                m.resource(l.from).address.clone(),
                l.kind,
                m.resource(l.to).address.clone(),
                file.slice(l.span).to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn link(from: &str, kind: LinkKind, to: &str, key: &str) -> (String, LinkKind, String, String) {
    (from.into(), kind, to.into(), key.into())
}

#[test]
fn yaml_short_tags_link_rules_policies_and_attachments() {
    let got = links(
        "t.yaml",
        "\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExistingGroup:
    Type: String
  UseSecond:
    Type: String
Conditions:
  Second: !Equals [!Ref UseSecond, 'true']
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Web.GroupId
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 10.0.0.0/8
  Either:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !If [Second, !Ref Db, !Ref Web]
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 10.0.0.0/8
  Elsewhere:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref ExistingGroup
      IpProtocol: tcp
      FromPort: 80
      ToPort: 80
      CidrIp: 10.0.0.0/8
  App:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Ref Shared
        - arn:aws:iam::aws:policy/ReadOnlyAccess
  Ops:
    Type: AWS::IAM::User
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'
  Inline:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: inline
      Roles: [!Ref App, !Ref Web]
      Users:
        - !If [Second, !Ref Ops, !Ref 'AWS::NoValue']
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'
",
    );
    assert_eq!(
        got,
        [
            link("App", LinkKind::Policy, "Shared", "ManagedPolicyArns"),
            // `UseSecond` has no default, so both branches of the `Fn::If` count: either group
            // may be the one deployed.
            link("Either", LinkKind::SecurityGroup, "Db", "GroupId"),
            link("Either", LinkKind::SecurityGroup, "Web", "GroupId"),
            // `Web` in `Roles` is a security group, not a role: no link.
            link("Inline", LinkKind::Principal, "App", "Roles"),
            link("Inline", LinkKind::Principal, "Ops", "Users"),
            link("Ssh", LinkKind::SecurityGroup, "Web", "GroupId"),
        ]
    );
}

#[test]
fn json_long_form_links_bucket_queue_topic_and_acl_configuration() {
    let got = links(
        "t.json",
        r#"{
  "Resources": {
    "Logs": { "Type": "AWS::S3::Bucket" },
    "LogsPolicy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": { "Ref": "Logs" },
        "PolicyDocument": { "Statement": [] }
      }
    },
    "Jobs": { "Type": "AWS::SQS::Queue" },
    "Events": { "Type": "AWS::SNS::Topic" },
    "JobsPolicy": {
      "Type": "AWS::SQS::QueuePolicy",
      "Properties": {
        "Queues": [{ "Ref": "Jobs" }, "https://sqs.us-east-1.amazonaws.com/111122223333/other"],
        "PolicyDocument": { "Statement": [] }
      }
    },
    "EventsPolicy": {
      "Type": "AWS::SNS::TopicPolicy",
      "Properties": {
        "Topics": [{ "Ref": "Events" }],
        "PolicyDocument": { "Statement": [] }
      }
    },
    "Acl": { "Type": "AWS::EC2::NetworkAcl", "Properties": { "VpcId": "vpc-1" } },
    "AclEntry": {
      "Type": "AWS::EC2::NetworkAclEntry",
      "Properties": {
        "NetworkAclId": { "Fn::GetAtt": ["Acl", "Id"] },
        "RuleNumber": 100,
        "Protocol": 6,
        "RuleAction": "deny",
        "CidrBlock": "0.0.0.0/0"
      }
    }
  }
}"#,
    );
    assert_eq!(
        got,
        [
            link("AclEntry", LinkKind::NetworkAcl, "Acl", "\"NetworkAclId\""),
            link("EventsPolicy", LinkKind::Governed, "Events", "\"Topics\""),
            link("JobsPolicy", LinkKind::Governed, "Jobs", "\"Queues\""),
            link("LogsPolicy", LinkKind::Bucket, "Logs", "\"Bucket\""),
        ]
    );
}

#[test]
fn egress_group_name_managed_policies_and_groups_link_and_external_values_do_not() {
    let got = links(
        "t.yaml",
        "\
Parameters:
  Env:
    Type: String
    Default: prod
  RoleArn:
    Type: String
Conditions:
  IsDev: !Equals [!Ref Env, dev]
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
  Dev:
    Type: AWS::EC2::SecurityGroup
    Condition: IsDev
    Properties:
      GroupDescription: dev
  Out:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: !GetAtt [Web, GroupId]
      IpProtocol: '-1'
      CidrIp: 10.0.0.0/8
  ByName:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupName: !Ref Web
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 10.0.0.0/8
  Known:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !If [IsDev, !Ref Dev, !Ref Web]
      IpProtocol: tcp
      FromPort: 80
      ToPort: 80
      CidrIp: 10.0.0.0/8
  OnlyInDev:
    Type: AWS::EC2::SecurityGroupIngress
    Condition: IsDev
    Properties:
      GroupId: !Ref Web
      IpProtocol: tcp
      FromPort: 8080
      ToPort: 8080
      CidrIp: 10.0.0.0/8
  External:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !ImportValue shared-sg
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 10.0.0.0/8
  Literal:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-0123456789abcdef0
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 10.0.0.0/8
  Missing:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Nowhere.GroupId
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 10.0.0.0/8
  NoValue:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref AWS::NoValue
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 10.0.0.0/8
  Admins:
    Type: AWS::IAM::Group
    Properties:
      ManagedPolicyArns:
        - !Ref Shared
        - !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/other'
        - !Ref RoleArn
  Ops:
    Type: AWS::IAM::User
    Properties:
      ManagedPolicyArns: [!Ref Shared, !Ref AWS::AccountId]
  App:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref App, !Ref RoleArn]
      Users: [!Ref Ops]
      Groups: [!Ref Admins, !Ref Ops]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'
",
    );
    assert_eq!(
        got,
        [
            link("Admins", LinkKind::Policy, "Shared", "ManagedPolicyArns"),
            link("ByName", LinkKind::SecurityGroup, "Web", "GroupName"),
            // `Env` defaults to `prod`, so `IsDev` is known false: only the false branch.
            link("Known", LinkKind::SecurityGroup, "Web", "GroupId"),
            link("Ops", LinkKind::Policy, "Shared", "ManagedPolicyArns"),
            link("Out", LinkKind::SecurityGroup, "Web", "GroupId"),
            link("Shared", LinkKind::Principal, "Admins", "Groups"),
            link("Shared", LinkKind::Principal, "App", "Roles"),
            link("Shared", LinkKind::Principal, "Ops", "Users"),
            // `OnlyInDev` is not created (its condition is known false): no link. `Ops` in
            // `Groups` is a user, not a group: no link.
        ]
    );
}
