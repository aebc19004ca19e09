//! `aws-elb-http-not-redirected`: a load balancer listener on plain HTTP that serves traffic
//! instead of redirecting it to HTTPS.

use crate::edge::{lb_exposure, load_balancers, LinkIndex};
use crate::finding::when_suffix;
use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::{LinkKind, Model};

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-elb-http-not-redirected",
        aliases: &[],
        title: "Load balancer listener serves plain HTTP",
        severity: Severity::High,
        service: "elb",
        layer: Layer::Edge,
        description: "An application load balancer listener (`aws_lb_listener`, \
            `aws_alb_listener`, `AWS::ElasticLoadBalancingV2::Listener`) with protocol `HTTP` \
            (the default on an application load balancer) whose default action does not \
            redirect to HTTPS: requests and responses cross the network unencrypted.\n\nA \
            redirect without a protocol keeps the request's protocol (`#{protocol}`), so it \
            does not count. Severity follows exposure: high on an internet-facing load \
            balancer, low on an internal one (`internal = true`, `Scheme: internal`), medium \
            when the load balancer is not known.",
        remediation: "Serve the application on an `HTTPS` listener with an ACM certificate and \
            make the HTTP listener's default action `redirect { protocol = \"HTTPS\" port = \
            \"443\" status_code = \"HTTP_301\" }` (CloudFormation: `Type: redirect` with \
            `RedirectConfig: { Protocol: HTTPS, Port: \"443\", StatusCode: HTTP_301 }`).",
        references: &[
            "AWS Foundational Security Best Practices ELB.1 (Application Load Balancer should redirect HTTP requests to HTTPS)",
            "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html",
        ],
        equivalents: &[
            "checkov:CKV_AWS_2",
            "checkov:CKV2_AWS_20",
            "trivy:AVD-AWS-0054",
            "tfsec:aws-elb-http-not-used",
            "kics:de7f5e83-da88-4046-871f-ea18504b1d43",
            "kics:275a3217-ca37-40c1-a6cf-bb57d245ab32",
            "cfn_nag:W56",
        ],
        examples: &[
            Example::bad("bad.tf", &[(9, "protocol          = \"HTTP\""), (19, "protocol          = \"HTTP\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(14, "Protocol: HTTP")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(12, "\"Protocol\": \"HTTP\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    let lbs = load_balancers(model);
    let links = LinkIndex::new(model);
    for l in &model.listeners {
        let lb = links
            .target(l.owner, LinkKind::LoadBalancer)
            .and_then(|id| lbs.get(&id).copied());
        // A listener without a protocol: HTTP on an application load balancer; on any other
        // or an unknown one it is not judged.
        let application = lb.is_some_and(|lb| {
            lb.lb_type
                .candidates()
                .iter()
                .all(|c| *c.value == palisade_model::elb::LbType::Application)
                && !lb.lb_type.candidates().is_empty()
        });
        let protocols = match &l.protocol {
            Some(p) => p
                .candidates()
                .into_iter()
                .map(|c| (c.value.to_ascii_uppercase(), c.span, c.defined_at, c.conditions))
                .collect::<Vec<_>>(),
            None if application => vec![(
                "HTTP".to_string(),
                model.resource(l.owner).header,
                None,
                Vec::new(),
            )],
            None => Vec::new(),
        };
        if !l.actions_known {
            continue;
        }
        // The redirect to HTTPS, if the default actions make one.
        let redirects = l.default_actions.iter().any(|a| {
            a.action_type
                .candidates()
                .iter()
                .all(|c| c.value.eq_ignore_ascii_case("redirect"))
                && a.redirect_protocol.as_ref().is_some_and(|p| {
                    let c = p.candidates();
                    !c.is_empty() && c.iter().all(|c| c.value.eq_ignore_ascii_case("HTTPS"))
                })
        });
        let unknown_action = l.default_actions.iter().any(|a| {
            a.action_type.candidates().is_empty()
                || a
                    .redirect_protocol
                    .as_ref()
                    .is_some_and(|p| p.candidates().is_empty())
        });
        if redirects || unknown_action {
            continue;
        }
        // Point at a redirect that keeps HTTP, when there is one.
        let http_redirect = l.default_actions.iter().find_map(|a| {
            a.redirect_protocol
                .as_ref()
                .filter(|p| p.is_written())
                .map(|p| p.span)
        });
        for (protocol, span, defined_at, conditions) in protocols {
            if protocol != "HTTP" {
                continue;
            }
            let (severity, why) = lb_exposure(lb, Severity::High, Severity::Low, Severity::Medium);
            let address = &model.resource(l.owner).address;
            let what = if http_redirect.is_some() {
                "redirects to HTTP, not HTTPS"
            } else {
                "serves plain HTTP without redirecting to HTTPS"
            };
            out.push(
                Finding::on_resource(
                    model,
                    CHECK.meta.id,
                    severity,
                    l.owner,
                    http_redirect.unwrap_or(span),
                    format!(
                        "listener {address} {what}; {why}{}",
                        when_suffix(&conditions)
                    ),
                )
                .defined_at(defined_at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_model::elb::{LbType, Listener, ListenerAction, LoadBalancer};
    use palisade_model::{Format, Link, Resource, ResourceId, Span, Value};
    use palisade_source::FileId;

    fn sp(at: usize) -> Span {
        Span::new(FileId(0), at, at + 1)
    }

    fn resource(model: &mut Model, address: &str, at: usize) -> ResourceId {
        model.add_resource(Resource {
            address: address.into(),
            kind: "k".into(),
            format: Format::Terraform,
            header: sp(at),
            extent: Span::new(FileId(0), at, at + 10),
            trace: Vec::new(),
            construct: None,
        })
    }

    /// An HTTP listener forwarding, on a load balancer with the given `internal`, or on none.
    fn findings(internal: Option<Value<bool>>, action: ListenerAction) -> Vec<Finding> {
        let mut model = Model::default();
        let listener = resource(&mut model, "aws_lb_listener.http", 20);
        if let Some(internal) = internal {
            let lb = resource(&mut model, "aws_lb.lb", 40);
            model.load_balancers.push(LoadBalancer {
                owner: lb,
                lb_type: Value::omitted(LbType::Application, sp(40)),
                internal,
                drop_invalid_header_fields: Value::omitted(false, sp(40)),
                access_logs: Value::omitted(false, sp(40)),
                classic_listeners: Vec::new(),
            });
            model.links.push(Link {
                from: listener,
                to: lb,
                kind: LinkKind::LoadBalancer,
                span: sp(21),
            });
        }
        model.listeners.push(Listener {
            owner: listener,
            protocol: None,
            port: None,
            ssl_policy: None,
            default_actions: vec![action],
            actions_known: true,
        });
        let mut out = Vec::new();
        run(&model, &mut out);
        out
    }

    fn forward() -> ListenerAction {
        ListenerAction {
            action_type: Value::literal("forward".into(), sp(25)),
            redirect_protocol: None,
            span: sp(24),
        }
    }

    fn redirect(protocol: Value<String>) -> ListenerAction {
        ListenerAction {
            action_type: Value::literal("redirect".into(), sp(25)),
            redirect_protocol: Some(protocol),
            span: sp(24),
        }
    }

    #[test]
    fn severity_follows_the_load_balancer_scheme_and_says_why() {
        let public = findings(Some(Value::omitted(false, sp(40))), forward());
        assert_eq!(public.len(), 1);
        assert_eq!(public[0].severity, Severity::High);
        assert!(public[0].message.contains("internet-facing"));
        // Omitted protocol on an application load balancer: HTTP, at the listener's header.
        assert_eq!(public[0].span, sp(20));
        let internal = findings(Some(Value::literal(true, sp(41))), forward());
        assert_eq!(internal[0].severity, Severity::Low);
        assert!(internal[0].message.contains("internal"));
    }

    #[test]
    fn without_a_known_load_balancer_an_omitted_protocol_is_not_judged() {
        assert!(findings(None, forward()).is_empty());
    }

    #[test]
    fn only_a_redirect_to_https_is_enough() {
        let lb = || Some(Value::omitted(false, sp(40)));
        assert!(findings(lb(), redirect(Value::literal("HTTPS".into(), sp(26)))).is_empty());
        // `#{protocol}` keeps HTTP: reported at the redirect.
        let kept = findings(lb(), redirect(Value::literal("#{PROTOCOL}".into(), sp(26))));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].span, sp(26));
        assert!(kept[0].message.contains("redirects to HTTP"));
        // An unknown redirect protocol is not judged.
        assert!(findings(lb(), redirect(Value::unknown(sp(26)))).is_empty());
    }
}
