//! EC2: security groups and their ingress/egress resources, network ACL entries, EBS volumes,
//! and the block devices of instances, launch templates and Auto Scaling launch
//! configurations.

use super::*;
use palisade_model::instance::{Launch, LaunchKind, MetadataOptions};

const SECURITY_GROUP: &[&str] = &["AWS::EC2::SecurityGroup"];

pub(super) const ADAPTER: ServiceAdapter = ServiceAdapter {
    kinds: &[
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::SecurityGroupIngress",
        "AWS::EC2::SecurityGroupEgress",
        "AWS::RDS::DBSecurityGroup",
        "AWS::RDS::DBSecurityGroupIngress",
        "AWS::EC2::NetworkAclEntry",
        "AWS::EC2::Volume",
        "AWS::EC2::Instance",
        "AWS::EC2::LaunchTemplate",
        "AWS::AutoScaling::LaunchConfiguration",
    ],
    links: LINKS,
    references: None,
    adapt,
};

const LINKS: &[LinkRow] = &[
    (
        "AWS::EC2::SecurityGroupIngress",
        "GroupId",
        LinkKind::SecurityGroup,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::SecurityGroupIngress",
        "GroupName",
        LinkKind::SecurityGroup,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::SecurityGroupEgress",
        "GroupId",
        LinkKind::SecurityGroup,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::NetworkAclEntry",
        "NetworkAclId",
        LinkKind::NetworkAcl,
        &["AWS::EC2::NetworkAcl"],
    ),
    // `GroupId: !GetAtt Vpc.DefaultSecurityGroup`: a rule adopted into the default group of a
    // VPC of the template.
    (
        "AWS::EC2::SecurityGroupIngress",
        "GroupId",
        LinkKind::DefaultSecurityGroupOf,
        VPC,
    ),
    (
        "AWS::EC2::SecurityGroupEgress",
        "GroupId",
        LinkKind::DefaultSecurityGroupOf,
        VPC,
    ),
    ("AWS::EC2::SecurityGroup", "VpcId", LinkKind::InVpc, VPC),
    (
        "AWS::EC2::Instance",
        "SecurityGroupIds",
        LinkKind::MemberOf,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::Instance",
        "SecurityGroups",
        LinkKind::MemberOf,
        SECURITY_GROUP,
    ),
    (
        "AWS::EC2::Instance",
        "SubnetId",
        LinkKind::Subnet,
        &["AWS::EC2::Subnet"],
    ),
    (
        "AWS::EC2::LaunchTemplate",
        "LaunchTemplateData.SecurityGroupIds",
        LinkKind::MemberOf,
        SECURITY_GROUP,
    ),
    (
        "AWS::AutoScaling::LaunchConfiguration",
        "SecurityGroups",
        LinkKind::MemberOf,
        SECURITY_GROUP,
    ),
];

const VPC: &[&str] = &["AWS::EC2::VPC"];

fn adapt(r: &mut Adapter<'_>, kind: &str) {
    match kind {
        "AWS::EC2::SecurityGroup" => r.security_group(),
        "AWS::EC2::SecurityGroupIngress" => {
            let rule = r.sg_rule(r.props, Direction::Ingress, r.header, r.extent, None);
            r.model.security_group_rules.push(rule);
        }
        "AWS::EC2::SecurityGroupEgress" => {
            let rule = r.sg_rule(r.props, Direction::Egress, r.header, r.extent, None);
            r.model.security_group_rules.push(rule);
        }
        // EC2-Classic DB security groups: each ingress opens the database's port (not
        // written: unknown) to `CIDRIP` or to an EC2 security group.
        "AWS::RDS::DBSecurityGroup" => {
            let props = r.props;
            if let Some((k, list)) = props
                .entries()
                .iter()
                .find(|(k, _)| k.name == "DBSecurityGroupIngress")
            {
                for (item, when) in flat_items_when(list) {
                    let mut rule = r.db_sg_rule(item, k.span);
                    if !when.is_empty() {
                        for source in &mut rule.sources {
                            if let SgSource::Cidr(cidr) = source {
                                let plain = std::mem::replace(cidr, Value::unknown(item.span));
                                *cidr = under(plain, &when);
                            }
                        }
                    }
                    r.model.security_group_rules.push(rule);
                }
            }
        }
        "AWS::RDS::DBSecurityGroupIngress" => {
            let rule = r.db_sg_rule(r.props, r.header);
            r.model.security_group_rules.push(rule);
        }
        "AWS::EC2::NetworkAclEntry" => r.nacl_entry(),
        "AWS::EC2::Volume" => {
            let span = r.header;
            r.ebs(r.props, "volume", span);
        }
        "AWS::EC2::Instance" => {
            r.launch(LaunchKind::Instance, r.props);
            r.instance()
        }
        "AWS::EC2::LaunchTemplate" => {
            if let Some(data) = present(r.props, "LaunchTemplateData") {
                r.launch(LaunchKind::LaunchTemplate, data);
                r.block_devices(data);
            }
        }
        "AWS::AutoScaling::LaunchConfiguration" => {
            r.launch(LaunchKind::LaunchConfiguration, r.props);
            r.block_devices(r.props)
        }
        _ => {}
    }
}

impl Adapter<'_> {
    fn security_group(&mut self) {
        let description = present(self.props, "GroupDescription").map(Node::to_string_value);
        for (key, direction) in [
            ("SecurityGroupIngress", Direction::Ingress),
            ("SecurityGroupEgress", Direction::Egress),
        ] {
            let Some((k, list)) = self.props.entries().iter().find(|(k, _)| k.name == key) else {
                continue;
            };
            for (item, when) in flat_items_when(list) {
                let mut rule =
                    self.sg_rule(item, direction, k.span, item.span, description.clone());
                if !when.is_empty() {
                    for source in &mut rule.sources {
                        if let SgSource::Cidr(cidr) = source {
                            let plain = std::mem::replace(cidr, Value::unknown(item.span));
                            *cidr = under(plain, &when);
                        }
                    }
                }
                self.model.security_group_rules.push(rule);
            }
        }
    }

    fn sg_rule(
        &self,
        rule: &Node,
        direction: Direction,
        direction_span: Span,
        span: Span,
        group_description: Option<Value<String>>,
    ) -> SecurityGroupRule {
        let mut sources = Vec::new();
        for key in ["CidrIp", "CidrIpv6"] {
            if let Some(cidr) = present(rule, key) {
                sources.push(SgSource::Cidr(cidr.to_string_value()));
            }
        }
        for key in [
            "SourceSecurityGroupId",
            "SourceSecurityGroupName",
            "SourcePrefixListId",
            "DestinationSecurityGroupId",
            "DestinationPrefixListId",
        ] {
            if let Some(other) = present(rule, key) {
                sources.push(SgSource::Other(other.span));
            }
        }
        let (from_port, to_port) =
            self.ports(present(rule, "FromPort"), present(rule, "ToPort"), span);
        SecurityGroupRule {
            owner: self.id,
            direction: Value::literal(direction, direction_span),
            protocol: match present(rule, "IpProtocol") {
                Some(p) => lower(p.to_string_value()),
                None => Value::unknown(span),
            },
            from_port,
            to_port,
            sources,
            span,
            description: present(rule, "Description")
                .map(Node::to_string_value)
                .or(group_description),
        }
    }

    fn db_sg_rule(&self, rule: &Node, direction_span: Span) -> SecurityGroupRule {
        let mut sources = Vec::new();
        if let Some(cidr) = present(rule, "CIDRIP") {
            sources.push(SgSource::Cidr(cidr.to_string_value()));
        }
        for key in [
            "EC2SecurityGroupId",
            "EC2SecurityGroupName",
            "EC2SecurityGroupOwnerId",
        ] {
            if let Some(other) = present(rule, key) {
                sources.push(SgSource::Other(other.span));
            }
        }
        SecurityGroupRule {
            owner: self.id,
            direction: Value::literal(Direction::Ingress, direction_span),
            protocol: Value::omitted("tcp".to_string(), rule.span),
            from_port: Value::unknown(rule.span),
            to_port: Value::unknown(rule.span),
            sources,
            span: rule.span,
            description: present(self.props, "GroupDescription").map(Node::to_string_value),
        }
    }

    /// Ports as written; a missing port means the whole range (it is only allowed for
    /// protocols without ports, such as `-1`).
    fn ports(
        &self,
        from: Option<&Node>,
        to: Option<&Node>,
        span: Span,
    ) -> (Value<i64>, Value<i64>) {
        (
            from.map(Node::to_int_value)
                .unwrap_or_else(|| Value::omitted(0, span)),
            to.map(Node::to_int_value)
                .unwrap_or_else(|| Value::omitted(65535, span)),
        )
    }

    fn nacl_entry(&mut self) {
        let p = self.props;
        let (from_port, to_port) = match present(p, "PortRange") {
            Some(range) => self.ports(present(range, "From"), present(range, "To"), range.span),
            None => self.ports(None, None, self.header),
        };
        let direction = match present(p, "Egress") {
            Some(e) => e.to_bool_value().map(&mut |egress| {
                if egress {
                    Direction::Egress
                } else {
                    Direction::Ingress
                }
            }),
            None => Value::omitted(Direction::Ingress, self.header),
        };
        let rule = NaclRule {
            owner: self.id,
            direction,
            action: present(p, "RuleAction")
                .map(|a| lower(a.to_string_value()))
                .unwrap_or_else(|| Value::unknown(self.header)),
            protocol: present(p, "Protocol")
                .map(|a| lower(a.to_string_value()))
                .unwrap_or_else(|| Value::unknown(self.header)),
            from_port,
            to_port,
            cidr: present(p, "CidrBlock").map(Node::to_string_value),
            ipv6_cidr: present(p, "Ipv6CidrBlock").map(Node::to_string_value),
            rule_number: present(p, "RuleNumber")
                .map(Node::to_int_value)
                .unwrap_or_else(|| Value::unknown(self.header)),
            span: self.extent,
        };
        self.model.nacl_rules.push(rule);
    }

    fn ebs(&mut self, node: &Node, store: &str, fallback: Span) {
        self.flag_and_key(Service::Ebs, store, node, "Encrypted", "KmsKeyId", fallback);
    }

    fn instance(&mut self) {
        if present(self.props, "BlockDeviceMappings").is_none() {
            self.push_encryption(
                Service::Ebs,
                "root block device",
                Value::omitted(false, self.header),
                None,
                self.header,
            );
            return;
        }
        self.block_devices(self.props);
    }

    /// The network side of an instance, launch template (its `LaunchTemplateData`) or launch
    /// configuration.
    fn launch(&mut self, kind: LaunchKind, p: &Node) {
        let interfaces: Vec<&Node> = present(p, "NetworkInterfaces")
            .map(flat_items)
            .unwrap_or_default();
        let public_ip = self.flag_at(p, "AssociatePublicIpAddress").or_else(|| {
            interfaces
                .first()
                .and_then(|i| self.flag_at(i, "AssociatePublicIpAddress"))
        });
        let mut security_groups = Vec::new();
        for key in ["SecurityGroupIds", "SecurityGroups"] {
            if let Some(list) = present(p, key) {
                security_groups.extend(flat_items(list).into_iter().map(Node::to_string_value));
            }
        }
        for i in &interfaces {
            for key in ["GroupSet", "Groups"] {
                if let Some(list) = present(i, key) {
                    security_groups.extend(flat_items(list).into_iter().map(Node::to_string_value));
                }
            }
        }
        let header = self.header;
        // `AWS::EC2::Instance` has no metadata options of its own: only a launch template
        // can set them.
        let metadata = match present(p, "MetadataOptions").filter(|m| is_map(m)) {
            Some(m) => {
                let span = property_span(p, "MetadataOptions").unwrap_or(m.span);
                let text = |key: &str, default: &str| match present(m, key) {
                    Some(v) => at(v.to_string_value(), property_span(m, key)),
                    None => Value::omitted(default.to_string(), span),
                };
                MetadataOptions {
                    http_tokens: lower(text("HttpTokens", "optional")),
                    http_endpoint: lower(text("HttpEndpoint", "enabled")),
                    hop_limit: present(m, "HttpPutResponseHopLimit").map(|v| {
                        at(
                            v.to_int_value(),
                            property_span(m, "HttpPutResponseHopLimit"),
                        )
                    }),
                    span,
                }
            }
            None => MetadataOptions {
                http_tokens: Value::omitted("optional".to_string(), header),
                http_endpoint: Value::omitted("enabled".to_string(), header),
                hop_limit: None,
                span: header,
            },
        };
        let groups_elsewhere = interfaces
            .iter()
            .any(|i| present(i, "NetworkInterfaceId").is_some());
        let from_template = kind == LaunchKind::Instance && present(p, "LaunchTemplate").is_some();
        self.model.launches.push(Launch {
            owner: self.id,
            kind,
            public_ip,
            metadata,
            security_groups,
            groups_elsewhere,
            from_template,
        });
        // `UserData` is base64 (usually `Fn::Base64` of a script, which evaluates to the
        // script itself): kept as written, the checks decode it.
        if let Some(v) = present(p, "UserData") {
            self.model
                .secrets
                .user_data
                .push(palisade_model::secrets::UserData {
                    owner: self.id,
                    kind,
                    value: at(v.to_string_value(), property_span(p, "UserData")),
                });
        }
    }

    fn block_devices(&mut self, holder: &Node) {
        let Some(list) = present(holder, "BlockDeviceMappings") else {
            return;
        };
        for (item, when) in flat_items_when(list) {
            // Instance store (`VirtualName`) and `NoDevice` entries have no EBS volume.
            let Some(ebs) = present(item, "Ebs") else {
                continue;
            };
            let store = match present(item, "DeviceName").and_then(scalar_node_text) {
                Some(d) => format!("block device {d}"),
                None => "block device".to_string(),
            };
            let (ebs, span) = (ebs.clone(), item.span);
            let first = self.model.encryption.len();
            self.ebs(&ebs, &store, span);
            // Only `encrypted` is wrapped: both encryption checks take the conditions of
            // their finding from it (a key is joined with it), and a wrapped key would read
            // as "some key is configured".
            for fact in &mut self.model.encryption[first..] {
                let plain = std::mem::replace(&mut fact.encrypted, Value::unknown(span));
                fact.encrypted = under(plain, &when);
            }
        }
    }
}
