//! Network exposure: security group rules in every form, network ACL entries.

use crate::ResourceId;
use palisade_source::{Span, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ingress,
    Egress,
}

/// Where traffic of a rule may come from (ingress) or go to (egress).
#[derive(Clone, Debug, PartialEq)]
pub enum SgSource {
    /// An IPv4 or IPv6 CIDR block (`0.0.0.0/0`, `::/0`, `10.0.0.0/8`).
    Cidr(Value<String>),
    /// Another security group, a prefix list, or `self`: never "open to the world".
    Other(Span),
}

/// One security group rule, wherever it was written: inline `ingress`/`egress` blocks,
/// `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule`, CloudFormation inline
/// `SecurityGroupIngress` or `AWS::EC2::SecurityGroupIngress`.
#[derive(Clone, Debug, PartialEq)]
pub struct SecurityGroupRule {
    /// The resource that declares the rule (the group for inline rules).
    pub owner: ResourceId,
    pub direction: Value<Direction>,
    /// `tcp`, `udp`, `icmp`, `-1`/`all`, or a protocol number, as written (lower case).
    pub protocol: Value<String>,
    pub from_port: Value<i64>,
    pub to_port: Value<i64>,
    pub sources: Vec<SgSource>,
    /// The rule block (or the rule resource).
    pub span: Span,
    /// The group's or rule's description, if any, for messages.
    pub description: Option<Value<String>>,
}

/// One network ACL entry: Terraform inline `ingress`/`egress` of `aws_network_acl`,
/// `aws_network_acl_rule`, CloudFormation `AWS::EC2::NetworkAclEntry`.
#[derive(Clone, Debug, PartialEq)]
pub struct NaclRule {
    pub owner: ResourceId,
    pub direction: Value<Direction>,
    /// `allow` or `deny` (lower case).
    pub action: Value<String>,
    pub protocol: Value<String>,
    pub from_port: Value<i64>,
    pub to_port: Value<i64>,
    pub cidr: Option<Value<String>>,
    pub ipv6_cidr: Option<Value<String>>,
    pub rule_number: Value<i64>,
    pub span: Span,
}

/// True for a protocol value meaning "all protocols".
pub fn is_all_protocols(protocol: &str) -> bool {
    matches!(protocol.trim().to_ascii_lowercase().as_str(), "-1" | "all")
}

/// True for CIDRs that cover the whole IPv4 or IPv6 internet: any address with prefix length
/// 0 (`0.0.0.0/0`, `::/0`, and non-canonical spellings such as `10.0.0.1/0`, which the EC2 API
/// masks to the same network; the Terraform frontend drops those, see [`has_host_bits`]).
pub fn is_world_cidr(cidr: &str) -> bool {
    match cidr.trim().rsplit_once('/') {
        Some((address, prefix)) => {
            prefix.trim() == "0"
                && !address.is_empty()
                && address
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == '.' || c == ':')
        }
        None => false,
    }
}

/// True for a CIDR whose address has host bits set past its prefix (`10.0.0.1/8`,
/// `1.0.0.0/0`). The EC2 API masks such a CIDR to its network (so in a CloudFormation template
/// `1.0.0.0/0` opens a group to the world), while the Terraform AWS provider rejects it at plan
/// time ("must contain a valid network CIDR"), so nothing of it is deployed. False for anything
/// that is not a CIDR.
pub fn has_host_bits(cidr: &str) -> bool {
    let Some((address, prefix)) = cidr.trim().rsplit_once('/') else {
        return false;
    };
    let Ok(prefix) = prefix.trim().parse::<u32>() else {
        return false;
    };
    match address.trim().parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(a)) if prefix <= 32 => {
            let host = u32::MAX.checked_shr(prefix).unwrap_or(0);
            u32::from(a) & host != 0
        }
        Ok(std::net::IpAddr::V6(a)) if prefix <= 128 => {
            let host = u128::MAX.checked_shr(prefix).unwrap_or(0);
            u128::from(a) & host != 0
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_bits() {
        for set in [
            "1.0.0.0/0",
            "0.0.1.0/0",
            "10.0.0.1/8",
            "92.68.201.91/29",
            "::1/0",
            "2001:db8::1/64",
        ] {
            assert!(has_host_bits(set), "{set}");
        }
        for clear in [
            "0.0.0.0/0",
            "::/0",
            "10.0.0.0/8",
            "92.68.201.88/29",
            "1.2.3.4/32",
            "2001:db8::/32",
            "2001:db8::1/128",
            "not a cidr",
            "10.0.0.0",
            "10.0.0.1/33",
        ] {
            assert!(!has_host_bits(clear), "{clear}");
        }
    }

    #[test]
    fn world_cidrs() {
        for world in ["0.0.0.0/0", "::/0", "0::/0", " 10.0.0.1/0 "] {
            assert!(is_world_cidr(world), "{world}");
        }
        for not_world in [
            "10.0.0.0/8",
            "0.0.0.0/1",
            "0.0.0.0",
            "::/00x",
            "/0",
            "1.2.3.4/32",
        ] {
            assert!(!is_world_cidr(not_world), "{not_world}");
        }
    }
}
