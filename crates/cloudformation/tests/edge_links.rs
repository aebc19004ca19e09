//! The edge services' `Ref` / `Fn::GetAtt` become links, through lists of origins and
//! default actions; an ARN built with `Fn::Sub` gives none.

use palisade_cloudformation::load_template;
use palisade_model::{LinkKind, Model};
use palisade_source::{FileId, SourceFile};

fn links(text: &str) -> Vec<(String, LinkKind, String)> {
    let file = SourceFile::new(FileId(0), "t.yaml", text);
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
            )
        })
        .collect();
    out.sort();
    out
}

fn link(from: &str, kind: LinkKind, to: &str) -> (String, LinkKind, String) {
    (from.into(), kind, to.into())
}

#[test]
fn edge_resources_link_to_what_they_configure() {
    let got = links(
        "\
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Group:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
  Acl:
    Type: AWS::WAFv2::WebACL
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        WebACLId: !GetAtt Acl.Arn
        Origins:
          - DomainName: !GetAtt Bucket.RegionalDomainName
            Id: assets
          - DomainName: !GetAtt Alb.DNSName
            Id: app
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Group
  Association:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref Alb
      WebACLArn: !GetAtt Acl.Arn
  Api:
    Type: AWS::ApiGateway::RestApi
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
  StageAssociation:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod
      WebACLArn: !GetAtt Acl.Arn
",
    );
    assert_eq!(
        got,
        vec![
            link("Association", LinkKind::WebAcl, "Acl"),
            link("Association", LinkKind::WafTarget, "Alb"),
            link("Listener", LinkKind::LoadBalancer, "Alb"),
            link("Listener", LinkKind::TargetGroup, "Group"),
            link("Site", LinkKind::Origin, "Alb"),
            link("Site", LinkKind::Origin, "Bucket"),
            link("Site", LinkKind::WebAcl, "Acl"),
            link("Stage", LinkKind::Api, "Api"),
            link("StageAssociation", LinkKind::WebAcl, "Acl"),
        ]
    );
}
