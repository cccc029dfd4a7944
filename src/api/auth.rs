//! Bearer-token authentication, compared in constant time.

use std::sync::Arc;

use subtle::ConstantTimeEq;

/// The accepted API tokens.
#[derive(Clone)]
pub struct Auth {
    tokens: Arc<Vec<Vec<u8>>>,
}

impl Auth {
    /// Accepts any of `tokens`.
    pub fn new(tokens: &[String]) -> Self {
        Auth {
            tokens: Arc::new(tokens.iter().map(|t| t.as_bytes().to_vec()).collect()),
        }
    }

    /// True when `header` is `Bearer <token>` with a known token; the scheme name is
    /// matched in any case, with one or more spaces after it (RFC 9110, 11.4). Every
    /// token is compared, whatever matched, so timing tells nothing about which.
    pub fn check(&self, header: Option<&[u8]>) -> bool {
        self.caller(header).is_some()
    }

    /// Which token `header` carries (its number), when it is a known one; see
    /// [`Auth::check`].
    pub fn caller(&self, header: Option<&[u8]>) -> Option<Caller> {
        let token = header.and_then(bearer_token)?;
        let mut found = subtle::CtOption::new(0u64, subtle::Choice::from(0));
        for (i, known) in self.tokens.iter().enumerate() {
            let here = subtle::CtOption::new(i as u64, known.as_slice().ct_eq(token));
            found =
                subtle::ConditionallySelectable::conditional_select(&found, &here, here.is_some());
        }
        let found: Option<u64> = found.into();
        found
            .filter(|_| !token.is_empty())
            .map(|i| Caller(i as usize))
    }

    /// A tonic interceptor enforcing [`Auth::check`] on every call.
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

/// Who made a call: the number of the API token it carried (a request extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Caller(pub usize);

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
    }
}
