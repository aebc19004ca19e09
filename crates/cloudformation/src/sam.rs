//! AWS SAM policy templates (`Policies: [- S3CrudPolicy: {BucketName: x}]`).
//!
//! SAM expands each template into a fixed policy statement. The grants below are the
//! published ones (the "Policy template list" of the AWS SAM developer guide), written as
//! data: the actions exactly as published, and the resource ARNs as patterns where `${P}` is
//! the template's one parameter. A template not in this table yields nothing: its grants
//! are not known here, and unknown never fires.

use crate::syntax::{Syn, SynKey, SynKind};
use palisade_model::node::{MapKey, Node, NodeKind};
use palisade_source::{Provenance, Span, StrPart};

/// One published statement: its actions and its resource patterns.
type Grant = (&'static [&'static str], &'static [&'static str]);

struct Template {
    name: &'static str,
    /// The parameter substituted for `${P}`; empty for templates without one.
    param: &'static str,
    statements: &'static [Grant],
}

const S3_BUCKET: &[&str] = &[
    "arn:${AWS::Partition}:s3:::${P}",
    "arn:${AWS::Partition}:s3:::${P}/*",
];
const DDB_TABLE: &[&str] = &[
    "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${P}",
    "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${P}/index/*",
];
const SQS_QUEUE: &[&str] = &["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${P}"];
const ANY: &[&str] = &["*"];

const TEMPLATES: &[Template] = &[
    Template {
        name: "S3ReadPolicy",
        param: "BucketName",
        statements: &[(
            &[
                "s3:GetObject",
                "s3:ListBucket",
                "s3:GetBucketLocation",
                "s3:GetObjectVersion",
                "s3:GetLifecycleConfiguration",
            ],
            S3_BUCKET,
        )],
    },
    Template {
        name: "S3WritePolicy",
        param: "BucketName",
        statements: &[(
            &[
                "s3:PutObject",
                "s3:PutObjectAcl",
                "s3:PutLifecycleConfiguration",
            ],
            S3_BUCKET,
        )],
    },
    Template {
        name: "S3CrudPolicy",
        param: "BucketName",
        statements: &[(
            &[
                "s3:GetObject",
                "s3:ListBucket",
                "s3:GetBucketLocation",
                "s3:GetObjectVersion",
                "s3:PutObject",
                "s3:PutObjectAcl",
                "s3:GetLifecycleConfiguration",
                "s3:PutLifecycleConfiguration",
                "s3:DeleteObject",
            ],
            S3_BUCKET,
        )],
    },
    Template {
        name: "S3FullAccessPolicy",
        param: "BucketName",
        statements: &[
            (
                &[
                    "s3:GetObject",
                    "s3:GetObjectAcl",
                    "s3:GetObjectVersion",
                    "s3:PutObject",
                    "s3:PutObjectAcl",
                    "s3:DeleteObject",
                    "s3:DeleteObjectTagging",
                    "s3:DeleteObjectVersionTagging",
                    "s3:GetObjectTagging",
                    "s3:GetObjectVersionTagging",
                    "s3:PutObjectTagging",
                    "s3:PutObjectVersionTagging",
                ],
                &["arn:${AWS::Partition}:s3:::${P}/*"],
            ),
            (
                &[
                    "s3:ListBucket",
                    "s3:GetBucketLocation",
                    "s3:GetLifecycleConfiguration",
                    "s3:PutLifecycleConfiguration",
                ],
                &["arn:${AWS::Partition}:s3:::${P}"],
            ),
        ],
    },
    Template {
        name: "DynamoDBReadPolicy",
        param: "TableName",
        statements: &[(
            &[
                "dynamodb:GetItem",
                "dynamodb:Scan",
                "dynamodb:Query",
                "dynamodb:BatchGetItem",
                "dynamodb:DescribeTable",
            ],
            DDB_TABLE,
        )],
    },
    Template {
        name: "DynamoDBWritePolicy",
        param: "TableName",
        statements: &[(
            &[
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:BatchWriteItem",
            ],
            DDB_TABLE,
        )],
    },
    Template {
        name: "DynamoDBCrudPolicy",
        param: "TableName",
        statements: &[(
            &[
                "dynamodb:GetItem",
                "dynamodb:DeleteItem",
                "dynamodb:PutItem",
                "dynamodb:Scan",
                "dynamodb:Query",
                "dynamodb:UpdateItem",
                "dynamodb:BatchWriteItem",
                "dynamodb:BatchGetItem",
                "dynamodb:DescribeTable",
                "dynamodb:ConditionCheckItem",
            ],
            DDB_TABLE,
        )],
    },
    Template {
        name: "SQSSendMessagePolicy",
        param: "QueueName",
        statements: &[(&["sqs:SendMessage*"], SQS_QUEUE)],
    },
    Template {
        name: "SQSPollerPolicy",
        param: "QueueName",
        statements: &[(
            &[
                "sqs:ChangeMessageVisibility",
                "sqs:ChangeMessageVisibilityBatch",
                "sqs:DeleteMessage",
                "sqs:DeleteMessageBatch",
                "sqs:GetQueueAttributes",
                "sqs:ReceiveMessage",
            ],
            SQS_QUEUE,
        )],
    },
    Template {
        name: "SNSPublishMessagePolicy",
        param: "TopicName",
        statements: &[(
            &["sns:Publish"],
            &["arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${P}"],
        )],
    },
    Template {
        name: "LambdaInvokePolicy",
        param: "FunctionName",
        statements: &[(
            &["lambda:InvokeFunction"],
            &["arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${P}*"],
        )],
    },
    Template {
        name: "AWSSecretsManagerGetSecretValuePolicy",
        param: "SecretArn",
        statements: &[(&["secretsmanager:GetSecretValue"], &["${P}"])],
    },
    Template {
        name: "CloudWatchPutMetricPolicy",
        param: "",
        statements: &[(&["cloudwatch:PutMetricData"], ANY)],
    },
    Template {
        name: "EC2DescribePolicy",
        param: "",
        statements: &[(&["ec2:DescribeRegions", "ec2:DescribeInstances"], ANY)],
    },
    Template {
        name: "VPCAccessPolicy",
        param: "",
        statements: &[(
            &[
                "ec2:CreateNetworkInterface",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DetachNetworkInterface",
            ],
            ANY,
        )],
    },
    // Published with a service wildcard: the wildcard-action check should see it.
    Template {
        name: "TextractPolicy",
        param: "",
        statements: &[(&["textract:*"], ANY)],
    },
];

/// The policy document SAM generates for `name: args`, or `None` for a template whose grants
/// are not known here. Everything generated is located at the template's name (`at`), the
/// line a reader would change; the parameter value keeps its own span and provenance.
pub(crate) fn template_document(name: &str, at: Span, args: &Node, span: Span) -> Option<Node> {
    let template = TEMPLATES.iter().find(|t| t.name == name)?;
    // A template missing its parameter is rejected by the transform: nothing is deployed.
    // (A parameter that is written but not known still grants the template's actions.)
    let param = if template.param.is_empty() {
        None
    } else {
        Some(
            args.get(template.param)
                .filter(|p| !matches!(p.kind, NodeKind::Null))?,
        )
    };
    let derived = |kind: NodeKind| Node::new(kind, at, Provenance::Derived);
    let key = |name: &str| MapKey {
        name: name.to_string(),
        span: at,
    };
    let statements = template
        .statements
        .iter()
        .map(|(actions, resources)| {
            let actions = actions
                .iter()
                .map(|a| derived(NodeKind::String(a.to_string())))
                .collect();
            let resources = resources
                .iter()
                .map(|pattern| resource(pattern, param, at))
                .collect();
            derived(NodeKind::Map(vec![
                (key("Effect"), derived(NodeKind::String("Allow".into()))),
                (key("Action"), derived(NodeKind::List(actions))),
                (key("Resource"), derived(NodeKind::List(resources))),
            ]))
        })
        .collect();
    Some(Node::new(
        NodeKind::Map(vec![(
            key("Statement"),
            derived(NodeKind::List(statements)),
        )]),
        span,
        Provenance::Derived,
    ))
}

/// A resource pattern with the parameter spliced in: the partition is assumed `aws` (as for
/// `AWS::Partition` elsewhere), region and account are deploy-time values, and a parameter
/// that is not a known string leaves an unknown piece.
fn resource(pattern: &str, param: Option<&Node>, at: Span) -> Node {
    let mut parts: Vec<StrPart> = Vec::new();
    let push_text = |parts: &mut Vec<StrPart>, t: &str| {
        if t.is_empty() {
            return;
        }
        if let Some(StrPart::Text(last)) = parts.last_mut() {
            last.push_str(t);
        } else {
            parts.push(StrPart::Text(t.to_string()));
        }
    };
    let push_unknown = |parts: &mut Vec<StrPart>| {
        if parts.last() != Some(&StrPart::Unknown) {
            parts.push(StrPart::Unknown);
        }
    };
    let mut defined_at = None;
    let mut rest = pattern;
    while let Some(open) = rest.find("${") {
        push_text(&mut parts, &rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find('}').unwrap_or(after.len());
        match &after[..close] {
            "AWS::Partition" => push_text(&mut parts, "aws"),
            "P" => match param.map(|p| &p.kind) {
                Some(NodeKind::String(s)) => {
                    push_text(&mut parts, s);
                    defined_at = param.map(|p| p.span);
                }
                Some(NodeKind::Partial(pieces)) => {
                    for piece in pieces {
                        match piece {
                            StrPart::Text(t) => push_text(&mut parts, t),
                            StrPart::Unknown => push_unknown(&mut parts),
                        }
                    }
                }
                _ => push_unknown(&mut parts),
            },
            _ => push_unknown(&mut parts),
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    push_text(&mut parts, rest);
    let kind = match parts.as_slice() {
        [] => NodeKind::String(String::new()),
        [StrPart::Text(t)] => NodeKind::String(t.clone()),
        _ => NodeKind::Partial(parts),
    };
    Node {
        kind,
        span: at,
        provenance: Provenance::Derived,
        defined_at,
    }
}

/// Whether the template declares the SAM transform.
pub(crate) fn uses_sam(root: &Syn) -> bool {
    let named = |s: &Syn| s.as_str().is_some_and(|t| t.starts_with("AWS::Serverless"));
    root.get("Transform").is_some_and(|t| match &t.kind {
        SynKind::Seq(items) => items.iter().any(named),
        _ => named(t),
    })
}

/// A SAM resource with the template's `Globals` for its type merged into its `Properties`,
/// the way the transform merges them: mappings merge key by key, lists concatenate (global
/// items first), and anything else written on the resource wins. `None` when there is
/// nothing to merge. Merged values keep their spans in `Globals`, where they would be fixed.
pub(crate) fn with_globals(root: &Syn, kind: &str, resource: &Syn) -> Option<Syn> {
    let section = kind.strip_prefix("AWS::Serverless::")?;
    let globals = root.get("Globals")?.get(section)?;
    let SynKind::Map(_) = &globals.kind else {
        return None;
    };
    let SynKind::Map(entries) = &resource.kind else {
        return None;
    };
    let mut entries = entries.clone();
    match entries.iter_mut().find(|(k, _)| k.name == "Properties") {
        Some((_, props)) => *props = merge(globals, props),
        None => entries.push((
            SynKey {
                name: "Properties".into(),
                span: globals.span,
            },
            globals.clone(),
        )),
    }
    Some(Syn {
        kind: SynKind::Map(entries),
        span: resource.span,
        complete: resource.complete,
    })
}

/// An intrinsic function counts as a plain value when merging: it resolves to one.
fn is_plain_map(syn: &Syn) -> bool {
    match &syn.kind {
        SynKind::Map(entries) => !matches!(
            entries.as_slice(),
            [(k, _)] if k.name == "Ref" || k.name.starts_with("Fn::")
        ),
        _ => false,
    }
}

fn merge(global: &Syn, local: &Syn) -> Syn {
    let kind = match (&global.kind, &local.kind) {
        (SynKind::Map(g), SynKind::Map(l)) if is_plain_map(global) && is_plain_map(local) => {
            let mut out = g.clone();
            for (key, value) in l {
                match out.iter_mut().find(|(k, _)| k.name == key.name) {
                    Some(slot) => *slot = (key.clone(), merge(&slot.1, value)),
                    None => out.push((key.clone(), value.clone())),
                }
            }
            SynKind::Map(out)
        }
        (SynKind::Seq(g), SynKind::Seq(l)) => SynKind::Seq(g.iter().chain(l).cloned().collect()),
        _ => return local.clone(),
    };
    Syn {
        kind,
        span: local.span,
        complete: local.complete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_source::FileId;

    #[test]
    fn every_template_is_well_formed() {
        for t in TEMPLATES {
            for (actions, resources) in t.statements {
                assert!(!actions.is_empty() && !resources.is_empty(), "{}", t.name);
                assert!(actions.iter().all(|a| a.contains(':')), "{}", t.name);
                let uses_param = resources.iter().any(|r| r.contains("${P}"));
                assert_eq!(uses_param, !t.param.is_empty(), "{}", t.name);
            }
        }
    }

    #[test]
    fn resources_splice_the_parameter() {
        let span = Span {
            file: FileId(0),
            start: 0,
            end: 1,
        };
        let bucket = Node::literal(NodeKind::String("logs".into()), span);
        let r = resource("arn:${AWS::Partition}:s3:::${P}/*", Some(&bucket), span);
        assert_eq!(r.kind, NodeKind::String("arn:aws:s3:::logs/*".into()));
        let r = resource(SQS_QUEUE[0], Some(&bucket), span);
        assert_eq!(
            r.kind,
            NodeKind::Partial(vec![
                StrPart::Text("arn:aws:sqs:".into()),
                StrPart::Unknown,
                StrPart::Text(":".into()),
                StrPart::Unknown,
                StrPart::Text(":logs".into()),
            ])
        );
    }

    #[test]
    fn globals_merge_like_the_transform() {
        let text = "\
Globals:
  Function:
    Environment: {Variables: {A: '1', B: '2'}}
    Layers: [g]
    KmsKeyArn: {Ref: Key}
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Environment: {Variables: {B: '3'}}
      Layers: [l]
      KmsKeyArn: {Key: notAnIntrinsic}
";
        let file = palisade_source::SourceFile::new(FileId(0), "t.yaml", text);
        let root = crate::syntax::parse(&file).root.unwrap();
        let resource = root.get("Resources").unwrap().get("F").unwrap();
        let merged = with_globals(&root, "AWS::Serverless::Function", resource).unwrap();
        let props = merged.get("Properties").unwrap();
        let vars = props.get("Environment").unwrap().get("Variables").unwrap();
        let names: Vec<(&str, &str)> = vars
            .entries()
            .iter()
            .map(|(k, v)| (k.name.as_str(), v.as_str().unwrap()))
            .collect();
        assert_eq!(names, vec![("A", "1"), ("B", "3")]);
        let layers: Vec<&str> = match &props.get("Layers").unwrap().kind {
            SynKind::Seq(items) => items.iter().filter_map(Syn::as_str).collect(),
            _ => panic!("a list expected"),
        };
        assert_eq!(layers, vec!["g", "l"]);
        // An intrinsic is a single value: the resource's mapping replaces it, not merged.
        let key = props.get("KmsKeyArn").unwrap();
        assert!(key.get("Ref").is_none() && key.get("Key").is_some());
        // Other types and other sections are left alone.
        assert!(with_globals(&root, "AWS::Serverless::Api", resource).is_none());
        assert!(with_globals(&root, "AWS::S3::Bucket", resource).is_none());
    }
}
