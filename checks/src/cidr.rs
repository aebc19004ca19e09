//! How much of the internet an address range admits.
//!
//! A security group or network ACL source of `0.0.0.0/0` is the whole internet, but so, in
//! effect, is `0.0.0.0/1` (half of it), `64.0.0.0/2` or a pair of ranges that together cover
//! everything. A range counts as **open** when it is `/0`, or when its prefix is shorter than
//! `/8` and it contains public addresses: anything that wide is not "our office" or "a partner",
//! it is a large share of everyone. A specific public range (an office `/24`, a partner `/32`)
//! and private space of any size (`10.0.0.0/8`, `fc00::/7`) are not open.
//!
//! Public means not special-purpose: the IANA IPv4 special-purpose registry (RFC 6890 and its
//! updates: `0.0.0.0/8`, `10.0.0.0/8`, `100.64.0.0/10`, `127.0.0.0/8`, `169.254.0.0/16`,
//! `172.16.0.0/12`, `192.0.0.0/24`, `192.0.2.0/24`, `192.168.0.0/16`, `198.18.0.0/15`,
//! `198.51.100.0/24`, `203.0.113.0/24`, multicast `224.0.0.0/4` and the reserved `240.0.0.0/4`);
//! for IPv6 the global unicast space `2000::/3` (RFC 4291) less the documentation prefix
//! `2001:db8::/32`.
//!
//! Addresses with host bits past the prefix (`1.2.3.4/5`) are masked to their network, as the
//! EC2 API does (Terraform rejects them at plan time; the Terraform frontend drops them).

use std::net::IpAddr;

/// IPv4 ranges that are not public internet addresses, as (first, last), sorted, disjoint.
const V4_SPECIAL: &[(u32, u32)] = &[
    (0x0000_0000, 0x00FF_FFFF), // 0.0.0.0/8 "this network"
    (0x0A00_0000, 0x0AFF_FFFF), // 10.0.0.0/8
    (0x6440_0000, 0x647F_FFFF), // 100.64.0.0/10 shared address space (CGN)
    (0x7F00_0000, 0x7FFF_FFFF), // 127.0.0.0/8 loopback
    (0xA9FE_0000, 0xA9FE_FFFF), // 169.254.0.0/16 link local
    (0xAC10_0000, 0xAC1F_FFFF), // 172.16.0.0/12
    (0xC000_0000, 0xC000_00FF), // 192.0.0.0/24 IETF protocol assignments
    (0xC000_0200, 0xC000_02FF), // 192.0.2.0/24 TEST-NET-1
    (0xC0A8_0000, 0xC0A8_FFFF), // 192.168.0.0/16
    (0xC612_0000, 0xC613_FFFF), // 198.18.0.0/15 benchmarking
    (0xC633_6400, 0xC633_64FF), // 198.51.100.0/24 TEST-NET-2
    (0xCB00_7100, 0xCB00_71FF), // 203.0.113.0/24 TEST-NET-3
    (0xE000_0000, 0xFFFF_FFFF), // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast
];

/// The IPv6 global unicast space `2000::/3`.
const V6_GLOBAL: (u128, u128) = (0x2000 << 112, (0x4000 << 112) - 1);
/// `2001:db8::/32`, documentation.
const V6_DOC: (u128, u128) = (0x2001_0db8 << 96, ((0x2001_0db8 + 1) << 96) - 1);

/// The address family of a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    V4,
    V6,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::V4 => "IPv4",
            Family::V6 => "IPv6",
        }
    }
}

/// A parsed CIDR block, masked to its network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    pub family: Family,
    pub prefix: u8,
    /// First and last address, as integers (IPv4 in the low 32 bits).
    pub first: u128,
    pub last: u128,
}

impl Cidr {
    /// Parses `a.b.c.d/n` or `x:y::/n` (surrounding white space allowed). `None` for anything
    /// else, including a bare address without a prefix.
    pub fn parse(text: &str) -> Option<Cidr> {
        let (address, prefix) = text.trim().rsplit_once('/')?;
        let prefix: u8 = prefix.trim().parse().ok()?;
        match address.trim().parse::<IpAddr>().ok()? {
            IpAddr::V4(a) if prefix <= 32 => {
                let host = u32::MAX.checked_shr(prefix.into()).unwrap_or(0);
                let first = u32::from(a) & !host;
                Some(Cidr {
                    family: Family::V4,
                    prefix,
                    first: first.into(),
                    last: (first | host).into(),
                })
            }
            IpAddr::V6(a) if prefix <= 128 => {
                let host = u128::MAX.checked_shr(prefix.into()).unwrap_or(0);
                let first = u128::from(a) & !host;
                Some(Cidr {
                    family: Family::V6,
                    prefix,
                    first,
                    last: first | host,
                })
            }
            _ => None,
        }
    }

    /// How many public addresses the range holds.
    pub fn public_addresses(&self) -> u128 {
        public_in(self.family, self.first, self.last)
    }

    /// The share (0.0 to 1.0) of the family's public address space the range holds.
    pub fn public_share(&self) -> f64 {
        self.public_addresses() as f64 / public_total(self.family) as f64
    }

    /// True for a range that admits a large part of the internet: `/0`, or a prefix shorter
    /// than `/8` that holds public addresses.
    pub fn is_open(&self) -> bool {
        self.prefix == 0 || (self.prefix < 8 && self.public_addresses() > 0)
    }
}

fn overlap(a: (u128, u128), b: (u128, u128)) -> u128 {
    let lo = a.0.max(b.0);
    let hi = a.1.min(b.1);
    if lo > hi {
        0
    } else {
        hi - lo + 1
    }
}

fn public_in(family: Family, first: u128, last: u128) -> u128 {
    match family {
        Family::V4 => {
            let all = last - first + 1;
            let special: u128 = V4_SPECIAL
                .iter()
                .map(|&(lo, hi)| overlap((first, last), (lo.into(), hi.into())))
                .sum();
            all - special
        }
        Family::V6 => overlap((first, last), V6_GLOBAL) - overlap((first, last), V6_DOC),
    }
}

fn public_total(family: Family) -> u128 {
    match family {
        Family::V4 => public_in(Family::V4, 0, u32::MAX.into()),
        Family::V6 => public_in(Family::V6, 0, u128::MAX),
    }
}

/// The range is open (see [`Cidr::is_open`]); `None` when it is not a CIDR or not open.
pub fn open_cidr(text: &str) -> Option<Cidr> {
    Cidr::parse(text).filter(Cidr::is_open)
}

/// The share of the public address space of `family` that the union of `ranges` holds.
pub fn union_share(family: Family, ranges: &[Cidr]) -> f64 {
    let mut spans: Vec<(u128, u128)> = ranges
        .iter()
        .filter(|c| c.family == family)
        .map(|c| (c.first, c.last))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(u128, u128)> = Vec::new();
    for (lo, hi) in spans {
        match merged.last_mut() {
            Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    let public: u128 = merged
        .iter()
        .map(|&(lo, hi)| public_in(family, lo, hi))
        .sum();
    public as f64 / public_total(family) as f64
}

/// `the whole internet`, `about 47% of the public IPv4 internet`, `about 1/64 of ...`: how much
/// of the internet a share is, for messages.
pub fn describe_share(family: Family, share: f64) -> String {
    let name = family.name();
    if share >= 0.9995 {
        return format!("the whole {name} internet");
    }
    let percent = share * 100.0;
    if percent >= 1.0 {
        format!("about {percent:.0}% of the public {name} internet")
    } else {
        format!("about {percent:.2}% of the public {name} internet")
    }
}

/// How much of the internet one open range admits, for messages: `the whole IPv4 internet`
/// for `/0`, else its share.
pub fn describe(cidr: &Cidr) -> String {
    if cidr.prefix == 0 {
        return format!("the whole {} internet", cidr.family.name());
    }
    describe_share(cidr.family, cidr.public_share())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(text: &str) -> bool {
        open_cidr(text).is_some()
    }

    #[test]
    fn world_and_wide_ranges_are_open() {
        for text in [
            "0.0.0.0/0",
            "::/0",
            "0::/0",
            " 10.0.0.1/0 ",
            "0.0.0.0/1",
            "128.0.0.0/1",
            "64.0.0.0/2",
            "1.0.0.0/7",
            "1.2.3.4/5",
            "::/1",
            "2000::/3",
            "2000::/7",
        ] {
            assert!(open(text), "{text}");
        }
    }

    #[test]
    fn specific_private_and_malformed_ranges_are_not_open() {
        for text in [
            "203.0.113.0/24",
            "198.51.100.7/32",
            "11.0.0.0/8",
            "10.0.0.0/8",
            "0.0.0.0/8",
            "224.0.0.0/3",
            "240.0.0.0/4",
            "fc00::/7",
            "fe80::/10",
            "2001:db8::/32",
            "4000::/2",
            "0.0.0.0",
            "/0",
            "::/00x",
            "1.2.3.4/33",
            "not a cidr",
        ] {
            assert!(!open(text), "{text}");
        }
    }

    #[test]
    fn shares_name_how_much_of_the_internet() {
        let half = Cidr::parse("0.0.0.0/1").unwrap();
        let share = half.public_share();
        // The lower half loses 0/8, 10/8, 100.64/10 and 127/8, the upper half the multicast and
        // reserved blocks (224/3), so the lower half holds more than half the public addresses.
        assert!(share > 0.5 && share < 0.6, "{share}");
        assert_eq!(
            describe(&half),
            format!("about {:.0}% of the public IPv4 internet", share * 100.0)
        );
        assert_eq!(
            describe(&Cidr::parse("0.0.0.0/0").unwrap()),
            "the whole IPv4 internet"
        );
        assert_eq!(
            describe(&Cidr::parse("::/0").unwrap()),
            "the whole IPv6 internet"
        );
        // ::/1 holds all of 2000::/3.
        assert_eq!(
            describe(&Cidr::parse("::/1").unwrap()),
            "the whole IPv6 internet"
        );
        let quarter = Cidr::parse("64.0.0.0/2").unwrap().public_share();
        assert!(quarter > 0.25 && quarter < 0.33, "{quarter}");
        assert!(describe(&Cidr::parse("12.0.0.0/7").unwrap())
            .ends_with("% of the public IPv4 internet"));
    }

    #[test]
    fn two_halves_together_are_the_whole_internet() {
        let halves = [
            Cidr::parse("0.0.0.0/1").unwrap(),
            Cidr::parse("128.0.0.0/1").unwrap(),
        ];
        let share = union_share(Family::V4, &halves);
        assert!(share > 0.9999, "{share}");
        assert_eq!(describe_share(Family::V4, share), "the whole IPv4 internet");
        // Overlapping ranges are not counted twice.
        let overlapping = [
            Cidr::parse("0.0.0.0/1").unwrap(),
            Cidr::parse("64.0.0.0/2").unwrap(),
        ];
        assert!((union_share(Family::V4, &overlapping) - halves[0].public_share()).abs() < 1e-9);
        // Other families are ignored.
        assert_eq!(union_share(Family::V6, &halves), 0.0);
    }

    #[test]
    fn host_bits_are_masked() {
        let c = Cidr::parse("1.2.3.4/5").unwrap();
        assert_eq!((c.first, c.last), (0, 0x07FF_FFFF));
        let c = Cidr::parse("2001:db8::1/127").unwrap();
        assert_eq!(c.last - c.first, 1);
    }
}
