//! Bearer-token authentication and scopes. A token is known by its SHA-256 digest
//! (compared in constant time, against every known token whatever matched); each
//! carries a [`Grant`]: a role (read, write, admin) and the queue names it reaches.
//! Tokens given as flags (or the generated one) are admins of every queue; a tokens
//! file lists scoped ones, by digest only, and is read again when it changes.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::reload::Reloaded;

/// What a token may do, each role including the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Read queues, tasks, schedules, keys and events.
    Read,
    /// Also push, schedule, cancel, run, retry and delete tasks.
    Write,
    /// Also create, change, pause, purge and delete queues; schedules; signing keys.
    Admin,
}

impl Role {
    /// Its name as the tokens file and `/v1/whoami` spell it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Read => "read",
            Role::Write => "write",
            Role::Admin => "admin",
        }
    }
}

/// What one token may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// Its name in the tokens file ("" for tokens given as flags).
    pub name: String,
    pub role: Role,
    /// Queue name patterns (`*` stands for any run of characters); a queue is
    /// reached when one matches.
    pub queues: Vec<String>,
}

impl Grant {
    /// An admin of every queue.
    pub fn admin() -> Self {
        Grant {
            name: String::new(),
            role: Role::Admin,
            queues: vec!["*".into()],
        }
    }

    /// Whether it reaches queue `name`.
    pub fn reaches(&self, name: &str) -> bool {
        self.queues.iter().any(|p| matches(p, name))
    }

    /// Whether it reaches every queue (and so what is not a queue's: the global
    /// signing keys, every-queue watches, metrics).
    pub fn every_queue(&self) -> bool {
        self.queues.iter().any(|p| p == "*")
    }

    /// Checks that it may act as `need` on queue `queue` (None: on what belongs to
    /// no one queue).
    pub fn allow(&self, need: Role, queue: Option<&str>) -> crate::Result<()> {
        if self.role < need {
            return Err(crate::Error::PermissionDenied(format!(
                "this token's role is {}; this needs {}",
                self.role.name(),
                need.name()
            )));
        }
        match queue {
            Some(q) if !self.reaches(q) => Err(crate::Error::PermissionDenied(format!(
                "this token does not reach queue {q:?}"
            ))),
            None if !self.every_queue() => Err(crate::Error::PermissionDenied(
                "this token reaches only some queues; name one".into(),
            )),
            _ => Ok(()),
        }
    }
}

impl Grant {
    /// [`Grant::allow`] for an object of `queue` the caller named by its own name
    /// (None: of no one queue): one out of reach is answered as absent, NOT_FOUND
    /// naming it as `what` says, so neither its queue nor its existence shows.
    pub fn allow_or_hide(
        &self,
        need: Role,
        queue: Option<&str>,
        what: impl FnOnce() -> String,
    ) -> crate::Result<()> {
        let reached = match queue {
            Some(q) => self.reaches(q),
            None => self.every_queue(),
        };
        if !reached {
            return Err(crate::Error::NotFound(what()));
        }
        self.allow(need, queue)
    }
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters.
fn matches(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// Who made a call: its token's digest and grant (a request extension).
#[derive(Clone)]
pub struct Caller {
    /// The first bytes of the token's digest: tells tokens apart (watch caps).
    pub id: u64,
    pub grant: Arc<Grant>,
    digest: [u8; 32],
    auth: Auth,
}

impl std::fmt::Debug for Caller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caller")
            .field("id", &self.id)
            .field("grant", &self.grant)
            .finish_non_exhaustive()
    }
}

impl Caller {
    /// See [`Grant::allow`].
    pub fn allow(&self, need: Role, queue: Option<&str>) -> crate::Result<()> {
        self.grant.allow(need, queue)
    }

    /// Whether its token still has the grant it had (the tokens file may have
    /// revoked or changed it since); long calls (watches) end when not.
    pub fn still_holds(&self) -> bool {
        self.auth
            .grant_of(&self.digest)
            .is_some_and(|g| *g == *self.grant)
    }
}

/// The SHA-256 digest of a token.
pub fn digest(token: &[u8]) -> [u8; 32] {
    let d = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, token);
    let mut out = [0u8; 32];
    out.copy_from_slice(d.as_ref());
    out
}

/// A digest in lower-case hex, as the tokens file holds it.
pub fn hex(digest: &[u8; 32]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

type Known = Vec<([u8; 32], Arc<Grant>)>;

/// The tokens file: TOML, one `[[token]]` table per token.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokensFile {
    #[serde(default)]
    token: Vec<TokenEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenEntry {
    name: String,
    /// Hex SHA-256 of the token.
    sha256: String,
    role: Role,
    #[serde(default = "every")]
    queues: Vec<String>,
}

fn every() -> Vec<String> {
    vec!["*".into()]
}

fn read_tokens_file(path: &Path) -> anyhow::Result<Known> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the tokens file {}", path.display()))?;
    let file: TokensFile = toml::from_str(&text)
        .with_context(|| format!("{} is not a valid tokens file", path.display()))?;
    let mut known = Known::new();
    for (i, t) in file.token.into_iter().enumerate() {
        let at = || format!("{}: token {} ({:?})", path.display(), i + 1, t.name);
        let bytes: Vec<u8> = (0..t.sha256.len())
            .step_by(2)
            .map(|j| {
                t.sha256
                    .get(j..j + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<_>>()
            .with_context(|| format!("{}: sha256 is not hex", at()))?;
        let digest: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("{}: sha256 must be 64 hex digits", at()))?;
        anyhow::ensure!(!t.queues.is_empty(), "{}: queues is empty", at());
        known.push((
            digest,
            Arc::new(Grant {
                name: t.name,
                role: t.role,
                queues: t.queues,
            }),
        ));
    }
    Ok(known)
}

/// The accepted API tokens and their grants.
#[derive(Clone)]
pub struct Auth {
    /// Tokens given as flags: admins of every queue.
    fixed: Arc<Known>,
    file: Option<Arc<Reloaded<Known>>>,
}

impl Auth {
    /// Accepts each of `tokens` as an admin of every queue.
    pub fn new(tokens: &[String]) -> Self {
        let admin = Arc::new(Grant::admin());
        Auth {
            fixed: Arc::new(
                tokens
                    .iter()
                    .map(|t| (digest(t.as_bytes()), admin.clone()))
                    .collect(),
            ),
            file: None,
        }
    }

    /// Also accepts the tokens `path` lists, reading it again when it changes (a
    /// change that does not load keeps the last good list and is logged).
    pub fn with_file(mut self, path: &Path) -> anyhow::Result<Self> {
        // It holds digests only, but names and scopes are nobody else's business.
        super::warn_if_readable(path, "the tokens file");
        let owned = path.to_owned();
        let file = Reloaded::new("the tokens file", vec![owned.clone()], move || {
            read_tokens_file(&owned)
        })?;
        self.file = Some(Arc::new(file));
        Ok(self)
    }

    fn file_tokens(&self) -> Arc<Known> {
        self.file.as_ref().map(|f| f.get()).unwrap_or_default()
    }

    /// True when `header` is `Bearer <token>` with a known token.
    pub fn check(&self, header: Option<&[u8]>) -> bool {
        self.caller(header).is_some()
    }

    /// Who `header` (`Bearer <token>`) names, when the token is a known one: the
    /// scheme name in any case, one or more spaces after it (RFC 9110, 11.4). Every
    /// known digest is compared, whatever matched, so timing tells nothing of which.
    pub fn caller(&self, header: Option<&[u8]>) -> Option<Caller> {
        let token = header.and_then(bearer_token).filter(|t| !t.is_empty())?;
        let d = digest(token);
        Some(Caller {
            id: u64::from_be_bytes(d[..8].try_into().expect("8 bytes")),
            grant: self.grant_of(&d)?,
            digest: d,
            auth: self.clone(),
        })
    }

    /// The grant of the token whose digest is `d`, comparing every known digest.
    fn grant_of(&self, d: &[u8; 32]) -> Option<Arc<Grant>> {
        let file = self.file_tokens();
        let mut found = subtle::CtOption::new(0u64, subtle::Choice::from(0));
        for (i, (known, _)) in self.fixed.iter().chain(file.iter()).enumerate() {
            let here = subtle::CtOption::new(i as u64, known.ct_eq(d));
            found =
                subtle::ConditionallySelectable::conditional_select(&found, &here, here.is_some());
        }
        let i = Option::<u64>::from(found)? as usize;
        match self.fixed.get(i) {
            Some((_, g)) => Some(g.clone()),
            None => Some(file.get(i - self.fixed.len())?.1.clone()),
        }
    }

    /// A tonic interceptor that lets through calls with a known token (their
    /// [`Caller`] goes in the request's extensions).
    pub fn interceptor(
        &self,
    ) -> impl FnMut(tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> + Clone + use<>
    {
        let auth = self.clone();
        move |mut req: tonic::Request<()>| {
            let header = req.metadata().get("authorization").map(|v| v.as_bytes());
            match auth.caller(header) {
                Some(caller) => {
                    req.extensions_mut().insert(caller);
                    Ok(req)
                }
                None => Err(crate::Error::Unauthenticated.into()),
            }
        }
    }
}

/// The credentials of an `Authorization: Bearer …` value.
fn bearer_token(header: &[u8]) -> Option<&[u8]> {
    let (scheme, rest) = header.split_at_checked(6)?;
    if !scheme.eq_ignore_ascii_case(b"bearer") || rest.first() != Some(&b' ') {
        return None;
    }
    let start = rest.iter().position(|b| *b != b' ')?;
    Some(&rest[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens() {
        let auth = Auth::new(&["s3cret".into(), "other".into()]);
        assert!(auth.check(Some(b"Bearer s3cret")));
        assert!(auth.check(Some(b"Bearer other")));
        assert!(!auth.check(Some(b"Bearer s3cre")));
        assert!(!auth.check(Some(b"Bearer s3crett")));
        assert!(!auth.check(Some(b"s3cret")));
        assert!(!auth.check(Some(b"Bearer ")));
        assert!(auth.check(Some(b"bearer s3cret")));
        assert!(auth.check(Some(b"BEARER  s3cret")));
        assert!(!auth.check(Some(b"Bearers3cret")));
        assert!(!auth.check(Some(b"Basic s3cret")));
        assert!(!auth.check(None));
        assert!(!Auth::new(&[]).check(Some(b"Bearer x")));
        let a = auth.caller(Some(b"Bearer s3cret")).unwrap();
        let b = auth.caller(Some(b"Bearer other")).unwrap();
        assert_ne!(a.id, b.id);
        assert_eq!(*a.grant, Grant::admin());
    }

    #[test]
    fn patterns() {
        for (p, n, want) in [
            ("*", "anything", true),
            ("billing", "billing", true),
            ("billing", "billing2", false),
            ("billing-*", "billing-eu", true),
            ("billing-*", "billing-", true),
            ("billing-*", "billing", false),
            ("*-eu", "billing-eu", true),
            ("*-eu", "billing-us", false),
            ("a*b*c", "axxbyyc", true),
            ("a*b*c", "acb", false),
            ("a*a", "a", false),
            ("a*a", "aa", true),
        ] {
            assert_eq!(matches(p, n), want, "{p} {n}");
        }
    }

    #[test]
    fn roles_and_queues() {
        let g = Grant {
            name: "ci".into(),
            role: Role::Write,
            queues: vec!["billing-*".into()],
        };
        assert!(g.allow(Role::Read, Some("billing-eu")).is_ok());
        assert!(g.allow(Role::Write, Some("billing-eu")).is_ok());
        assert!(g.allow(Role::Admin, Some("billing-eu")).is_err());
        assert!(g.allow(Role::Read, Some("mail")).is_err());
        assert!(g.allow(Role::Read, None).is_err());
        assert!(Grant::admin().allow(Role::Admin, None).is_ok());
    }

    #[test]
    fn tokens_file_by_digest_read_again_when_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens.toml");
        let entry = |name: &str, token: &str, role: &str| {
            format!(
                "[[token]]\nname = \"{name}\"\nsha256 = \"{}\"\nrole = \"{role}\"\nqueues = [\"a-*\"]\n",
                hex(&digest(token.as_bytes()))
            )
        };
        std::fs::write(&path, entry("reader", "t1", "read")).unwrap();
        let auth = Auth::new(&["flag".into()]).with_file(&path).unwrap();
        let c = auth.caller(Some(b"Bearer t1")).unwrap();
        assert_eq!(
            (c.grant.name.as_str(), c.grant.role),
            ("reader", Role::Read)
        );
        assert!(auth.caller(Some(b"Bearer t2")).is_none());
        assert_eq!(
            auth.caller(Some(b"Bearer flag")).unwrap().grant.role,
            Role::Admin
        );
        std::fs::write(
            &path,
            entry("writer", "t2", "write") + "\n" + &entry("reader", "t1", "read"),
        )
        .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1050));
        assert_eq!(
            auth.caller(Some(b"Bearer t2")).unwrap().grant.role,
            Role::Write
        );
        // A broken file keeps the last good list.
        std::fs::write(&path, "[[token]]\nname = 1\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1050));
        assert!(auth.caller(Some(b"Bearer t1")).is_some());
        for bad in [
            "[[token]]\nname = \"x\"\nsha256 = \"zz\"\nrole = \"read\"\n",
            "[[token]]\nname = \"x\"\nsha256 = \"00\"\nrole = \"read\"\n",
            "[[token]]\nname = \"x\"\nsha256 = \"00\"\nrole = \"root\"\n",
            "[[token]]\nname = \"x\"\nsha256 = \"00\"\nrole = \"read\"\nqueue = [\"a\"]\n",
        ] {
            std::fs::write(&path, bad).unwrap();
            assert!(Auth::new(&[]).with_file(&path).is_err(), "{bad}");
        }
    }
}
