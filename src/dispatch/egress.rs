//! The egress policy: which addresses HTQ's outgoing requests may reach.
//!
//! A target is checked on what the connection will really use, not on how its URL
//! spells it: IP literals as the URL parser normalises them (`127.1`, `0x7f.0.0.1`,
//! `2130706433` and `[::ffff:127.0.0.1]` are all 127.0.0.1), and host names on the
//! addresses they resolve to, inside the connector (the [`Resolver`]), so a name
//! that resolves elsewhere between a check and the connection cannot slip through.
//! Every redirect hop is checked the same way (see the executor).
//!
//! For a target (host name if any, address, port), in order:
//! 1. HTQ's own API addresses and its Redis are refused, always;
//! 2. an `allow` entry that matches lets it through;
//! 3. a `deny` entry that matches refuses it;
//! 4. the preset's ranges refuse it: `default` refuses unspecified, link-local
//!    (cloud metadata lives there), multicast and broadcast addresses; `strict`
//!    also loopback, private, shared (CGNAT) and unique-local ranges.
//!
//! Entries are an address or CIDR (`10.0.0.0/8`, `fd00::/8`), optionally with a
//! port (`10.1.2.3:8080`, `[fd00::1]:443`), a host name (`api.example.com`) or
//! suffix (`*.example.com`), or a port on any host (`:25`). A host-name allow entry
//! trusts the name: its addresses skip the deny entries and the preset (not step 1).
//!
//! Port-specific parts (step 1 and entries with a port) need the port, which the
//! resolver is not told: for a host name whose URL port is one of them, the check
//! before sending resolves the name and applies every rule; the resolver then
//! applies the rest. Between those two resolutions a name could change to one of
//! HTQ's own loopback ports; the hop limit (`x-htq-hops`) bounds what that could do.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use ipnet::IpNet;

/// The preset ranges refused when no entry decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Unspecified, link-local (cloud metadata), multicast and broadcast addresses.
    #[default]
    Default,
    /// Also loopback, private, shared (CGNAT) and unique-local addresses.
    Strict,
}

/// What an entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// Any host (an entry that only names a port).
    Any,
    /// Addresses in a range.
    Net(IpNet),
    /// One host name, lower case, without a trailing dot.
    Host(String),
    /// Host names ending in this (`.example.com`), lower case.
    Suffix(String),
}

/// One allow or deny entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    target: Target,
    port: Option<u16>,
    text: String,
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let text = s.trim().to_owned();
        let bad = || format!("{text:?} is not an address, CIDR, host name or :port");
        let port = |p: &str| p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(bad);
        let (target, port) = if let Some(p) = text.strip_prefix(':').filter(|p| !p.contains(':')) {
            (Target::Any, Some(port(p)?))
        } else if let Some(rest) = text.strip_prefix('[') {
            // [v6] or [v6/len], optionally with :port
            let (inside, after) = rest.split_once(']').ok_or_else(bad)?;
            let port = match after {
                "" => None,
                p => Some(port(p.strip_prefix(':').ok_or_else(bad)?)?),
            };
            (Target::Net(net(inside).ok_or_else(bad)?), port)
        } else if let Some(n) = net(&text) {
            (Target::Net(n), None)
        } else if let Some((host, p)) = text.rsplit_once(':')
            && let Some(n) = net(host)
        {
            (Target::Net(n), Some(port(p)?))
        } else {
            let name = text.trim_end_matches('.').to_ascii_lowercase();
            let valid = |n: &str| {
                !n.is_empty()
                    && n.split('.').all(|l| {
                        !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    })
            };
            match name.strip_prefix("*.") {
                Some(suffix) if valid(suffix) => (Target::Suffix(format!(".{suffix}")), None),
                None if valid(&name) => (Target::Host(name), None),
                _ => return Err(bad()),
            }
        };
        Ok(Rule { target, port, text })
    }
}

/// An address or a CIDR.
fn net(s: &str) -> Option<IpNet> {
    s.parse::<IpNet>()
        .ok()
        .or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
        .map(|n| match n {
            // A v4 range written as v4-mapped v6 is the v4 range.
            IpNet::V6(v6) if v6.prefix_len() >= 96 && v6.addr().to_ipv4_mapped().is_some() => {
                let v4 = v6
                    .addr()
                    .to_ipv4_mapped()
                    .unwrap_or(std::net::Ipv4Addr::UNSPECIFIED);
                IpNet::new(IpAddr::V4(v4), v6.prefix_len() - 96).unwrap_or(n)
            }
            n => n.trunc(),
        })
}

impl Rule {
    fn names(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return false };
        let host = host.trim_end_matches('.');
        match &self.target {
            Target::Host(h) => host.eq_ignore_ascii_case(h),
            Target::Suffix(s) => {
                host.len() > s.len()
                    && host.as_bytes()[host.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
            }
            _ => false,
        }
    }

    /// Matches `ip` on `port`; `port` None (unknown) matches any port.
    fn covers(&self, ip: IpAddr, port: Option<u16>) -> bool {
        let port_ok = match (self.port, port) {
            (Some(want), Some(p)) => want == p,
            _ => true,
        };
        port_ok
            && match &self.target {
                Target::Any => true,
                Target::Net(n) => n.contains(&ip),
                _ => false,
            }
    }
}

/// Why a target was refused; its text goes into the task's history.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refused by the egress policy: {0}")]
pub struct Refused(pub String);

/// The policy, shared by the executor and its resolver.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    preset: Preset,
    allow: Vec<Rule>,
    deny: Vec<Rule>,
    /// HTQ's own API addresses and its Redis's, with what they are.
    own: Vec<(SocketAddr, &'static str)>,
}

/// The ranges `default` refuses (and `strict` too).
const ALWAYS: &[&str] = &[
    "0.0.0.0/8",
    "169.254.0.0/16",
    "224.0.0.0/4",
    "240.0.0.0/4",
    "::/128",
    "fe80::/10",
    "ff00::/8",
    "fd00:ec2::254/128",
];

/// The ranges only `strict` refuses.
const STRICT: &[&str] = &[
    "127.0.0.0/8",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "100.64.0.0/10",
    "192.0.0.0/24",
    "198.18.0.0/15",
    "::1/128",
    "fc00::/7",
    "64:ff9b::/96",
];

/// The parsed ranges of `default` and of `strict` alone.
static RANGES: std::sync::LazyLock<[Vec<IpNet>; 2]> = std::sync::LazyLock::new(|| {
    let parse = |list: &[&str]| list.iter().filter_map(|r| r.parse().ok()).collect();
    [parse(ALWAYS), parse(STRICT)]
});

fn in_ranges(ranges: &[IpNet], ip: IpAddr) -> bool {
    ranges.iter().any(|n| n.contains(&ip))
}

/// What an address is, for an error message.
fn kind(ip: IpAddr) -> &'static str {
    match ip {
        IpAddr::V4(v4) if v4.is_unspecified() || v4.octets()[0] == 0 => "an unspecified address",
        IpAddr::V6(v6) if v6.is_unspecified() => "an unspecified address",
        IpAddr::V4(v4) if v4.octets() == [169, 254, 169, 254] => "the cloud metadata address",
        IpAddr::V6(v6) if v6 == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254) => {
            "the cloud metadata address"
        }
        IpAddr::V4(v4) if v4.is_link_local() => "link-local",
        IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80 => "link-local",
        ip if ip.is_multicast() => "multicast",
        IpAddr::V4(v4) if v4.is_broadcast() || v4.octets()[0] >= 240 => "reserved",
        ip if ip.is_loopback() => "loopback",
        _ => "a private or internal address",
    }
}

/// The address as the connection would use it: v4-mapped v6 is v4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        ip => ip,
    }
}

impl Policy {
    /// A policy refusing `preset`'s ranges, with `allow` and `deny` entries.
    pub fn new(preset: Preset, allow: Vec<Rule>, deny: Vec<Rule>) -> Self {
        Policy {
            preset,
            allow,
            deny,
            own: Vec::new(),
        }
    }

    /// Also refuses `addr`, which is `what` (HTQ's API, its Redis).
    pub fn refuse_own(&mut self, addr: SocketAddr, what: &'static str) {
        self.own
            .push((SocketAddr::new(canonical(addr.ip()), addr.port()), what));
    }

    /// The preset.
    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// Step 1: HTQ's own addresses. An unspecified own address stands for every
    /// local one; loopback for all of loopback.
    fn own(&self, ip: IpAddr, port: u16) -> Result<(), Refused> {
        for (addr, what) in &self.own {
            if addr.port() != port {
                continue;
            }
            let o = addr.ip();
            let same = o == ip
                || ((o.is_unspecified() || o.is_loopback())
                    && (ip.is_loopback() || ip.is_unspecified()));
            if same {
                return Err(Refused(format!("{ip} port {port} is {what}")));
            }
        }
        Ok(())
    }

    /// The whole check of one address, with its port when known. `name` is the host
    /// name the address came from, if any.
    fn address(&self, name: Option<&str>, ip: IpAddr, port: Option<u16>) -> Result<(), Refused> {
        let ip = canonical(ip);
        if let Some(p) = port {
            self.own(ip, p)?;
        }
        // Port-specific entries decide only where the port is known (see the module
        // doc): an allow may let through, a deny waits for the check that knows.
        if self
            .allow
            .iter()
            .any(|r| r.names(name) || r.covers(ip, port))
        {
            return Ok(());
        }
        if let Some(r) = self
            .deny
            .iter()
            .find(|r| r.names(name) || ((port.is_some() || r.port.is_none()) && r.covers(ip, port)))
        {
            return Err(Refused(format!("{ip} matches deny entry {:?}", r.text)));
        }
        let refused = in_ranges(&RANGES[0], ip)
            || (self.preset == Preset::Strict && in_ranges(&RANGES[1], ip));
        if refused {
            let preset = match self.preset {
                Preset::Default => "default",
                Preset::Strict => "strict",
            };
            return Err(Refused(format!(
                "{ip} is {} (refused by the {preset} policy)",
                kind(ip)
            )));
        }
        Ok(())
    }

    /// Whether a name on `port` needs its addresses checked before sending (some
    /// rule depends on the port).
    fn port_matters(&self, port: u16) -> bool {
        self.own.iter().any(|(a, _)| a.port() == port)
            || self
                .allow
                .iter()
                .chain(&self.deny)
                .any(|r| r.port == Some(port))
    }

    /// Checks a URL before it is sent: IP literals in full; host names by name, and
    /// by their addresses when a rule depends on the port. The rest of a name's check
    /// happens in the [`Resolver`] as it connects.
    pub async fn check_url(&self, url: &reqwest::Url) -> Result<(), Refused> {
        let port = url.port_or_known_default().unwrap_or(0);
        match url.host() {
            None => Err(Refused("the URL has no host".into())),
            Some(url::Host::Ipv4(ip)) => self.address(None, IpAddr::V4(ip), Some(port)),
            Some(url::Host::Ipv6(ip)) => self.address(None, IpAddr::V6(ip), Some(port)),
            Some(url::Host::Domain(name)) => {
                let allowed = self.allow.iter().any(|r| r.names(Some(name)));
                if !allowed && let Some(r) = self.deny.iter().find(|r| r.names(Some(name))) {
                    return Err(Refused(format!("{name} matches deny entry {:?}", r.text)));
                }
                if self.port_matters(port) {
                    let addrs = tokio::net::lookup_host((name, port))
                        .await
                        .map_err(|e| Refused(format!("cannot resolve {name}: {e}")))?;
                    for a in addrs {
                        self.address(Some(name), a.ip(), Some(port))?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// The executor's DNS resolver: the system's, keeping only the addresses the
/// policy lets through (and failing with [`Refused`] when none is left).
pub struct Resolver(pub Arc<Policy>);

impl reqwest::dns::Resolve for Resolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.0.clone();
        let name = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let mut first_refusal = None;
            let kept: Vec<SocketAddr> = addrs
                .into_iter()
                .filter(|a| match policy.address(Some(&name), a.ip(), None) {
                    Ok(()) => true,
                    Err(e) => {
                        first_refusal.get_or_insert(e);
                        false
                    }
                })
                .collect();
            match (kept.is_empty(), first_refusal) {
                (true, Some(e)) => Err(Box::new(e) as Box<dyn std::error::Error + Send + Sync>),
                _ => Ok(Box::new(kept.into_iter()) as reqwest::dns::Addrs),
            }
        })
    }
}

/// Whether `e` or one of its sources is a refusal by the policy.
pub fn refusal<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a Refused> {
    let mut cur: Option<&'a (dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(r) = err.downcast_ref::<Refused>() {
            return Some(r);
        }
        cur = err.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(list: &[&str]) -> Vec<Rule> {
        list.iter().map(|r| r.parse().unwrap()).collect()
    }

    fn url(u: &str) -> reqwest::Url {
        reqwest::Url::parse(u).unwrap()
    }

    #[test]
    fn entries_parse() {
        for good in [
            "10.0.0.0/8",
            "10.1.2.3",
            "10.1.2.3:8080",
            "fd00::/8",
            "::1",
            "[fd00::1]:443",
            "[fd00::/8]",
            "api.example.com",
            "*.example.com",
            ":25",
        ] {
            assert!(good.parse::<Rule>().is_ok(), "{good}");
        }
        for bad in [
            "",
            ":0",
            ":x",
            "10.0.0.0/33",
            "a..b",
            "*.",
            "[::1",
            "h:80",
            "a b",
        ] {
            assert!(bad.parse::<Rule>().is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn default_refuses_metadata_link_local_and_unspecified_in_every_spelling() {
        let p = Policy::new(Preset::Default, vec![], vec![]);
        for u in [
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/",
            "http://[::ffff:169.254.169.254]/",
            "http://0/",
            "http://0.0.0.0:80/",
            "http://[::]/",
            "http://[fe80::1]/",
            "http://2852039166/", // 169.254.169.254 as one number
            "http://224.0.0.1/",
        ] {
            let e = p.check_url(&url(u)).await.unwrap_err();
            assert!(e.0.contains("default policy"), "{u}: {e}");
        }
        for u in ["http://127.0.0.1:9/", "http://10.0.0.1/", "http://8.8.8.8/"] {
            assert_eq!(p.check_url(&url(u)).await, Ok(()), "{u}");
        }
    }

    #[tokio::test]
    async fn strict_refuses_loopback_and_private_in_every_spelling() {
        let p = Policy::new(Preset::Strict, vec![], vec![]);
        for u in [
            "http://127.0.0.2:1/secret",
            "http://127.1/",
            "http://0x7f.0.0.1/",
            "http://2130706433/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::1]/",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
            "http://[fd12::1]/",
        ] {
            let e = p.check_url(&url(u)).await.unwrap_err();
            assert!(e.0.contains("strict policy"), "{u}: {e}");
        }
        assert_eq!(p.check_url(&url("http://8.8.8.8/")).await, Ok(()));
    }

    #[tokio::test]
    async fn allow_beats_deny_and_preset_but_never_own_addresses() {
        let mut p = Policy::new(
            Preset::Strict,
            rules(&["10.1.0.0/16", "127.0.0.1:8080", "internal.test"]),
            rules(&["8.8.8.8", ":25", "*.blocked.test"]),
        );
        p.refuse_own("127.0.0.1:5999".parse().unwrap(), "HTQ's own API");
        p.refuse_own("0.0.0.0:6379".parse().unwrap(), "HTQ's Redis");
        assert_eq!(p.check_url(&url("http://10.1.2.3/")).await, Ok(()));
        assert_eq!(p.check_url(&url("http://127.0.0.1:8080/")).await, Ok(()));
        assert!(p.check_url(&url("http://127.0.0.1:8081/")).await.is_err());
        assert!(p.check_url(&url("http://8.8.8.8/")).await.is_err());
        assert!(p.check_url(&url("http://1.1.1.1:25/")).await.is_err());
        let e = p
            .check_url(&url("http://a.blocked.test/"))
            .await
            .unwrap_err();
        assert!(e.0.contains("deny entry"), "{e}");
        for u in [
            "http://127.0.0.2:5999/",
            "http://[::1]:6379/",
            "http://0:6379/",
        ] {
            let e = p.check_url(&url(u)).await.unwrap_err();
            assert!(e.0.contains("HTQ's"), "{u}: {e}");
        }
        // A trusted name skips the ranges, not the own addresses.
        assert_eq!(
            p.address(Some("internal.test"), "10.9.9.9".parse().unwrap(), None),
            Ok(())
        );
        assert!(
            p.address(
                Some("internal.test"),
                "127.0.0.1".parse().unwrap(),
                Some(5999)
            )
            .is_err()
        );
    }

    #[tokio::test]
    async fn names_are_checked_on_their_addresses() {
        let p = Arc::new(Policy::new(Preset::Strict, vec![], vec![]));
        let r = Resolver(p.clone());
        let e = reqwest::dns::Resolve::resolve(&r, "localhost".parse().unwrap())
            .await
            .err()
            .expect("localhost refused");
        let e = refusal(e.as_ref()).expect("a refusal").clone();
        assert!(e.0.contains("loopback"), "{e}");
        // The default lets loopback through.
        let r = Resolver(Arc::new(Policy::default()));
        let addrs: Vec<_> = reqwest::dns::Resolve::resolve(&r, "localhost".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()) && !addrs.is_empty());
    }
}
