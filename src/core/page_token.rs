//! Page tokens: opaque to callers (URL-safe base64 of a kind tag and a position),
//! so ListQueues, ListTasks and ListSchedules refuse a token they did not issue in
//! the same way.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{Error, Result};

/// Tokens of ListQueues: the position is the last name of the page.
pub const QUEUES: &str = "q1";
/// Tokens of ListTasks: the position is an offset.
pub const TASKS: &str = "t1";
/// Tokens of ListSchedules: the position is the last name of the page.
pub const SCHEDULES: &str = "s1";

/// The error for a token that did not come from a previous page.
pub fn refused() -> Error {
    Error::invalid("page_token", "not a token from a previous page")
}

/// The token for `position` in a listing of `kind`.
pub fn encode(kind: &str, position: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}:{position}"))
}

/// The position in `token` (empty for an empty token: the first page).
pub fn decode(kind: &str, token: &str) -> Result<String> {
    if token.is_empty() {
        return Ok(String::new());
    }
    let raw = URL_SAFE_NO_PAD.decode(token).map_err(|_| refused())?;
    let text = String::from_utf8(raw).map_err(|_| refused())?;
    match text.split_once(':') {
        Some((k, position)) if k == kind && !position.is_empty() => Ok(position.to_owned()),
        _ => Err(refused()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let t = encode(QUEUES, "队列 a:b");
        assert_eq!(decode(QUEUES, &t).unwrap(), "队列 a:b");
        assert_eq!(decode(QUEUES, "").unwrap(), "");
        for bad in ["emails", "%%%", &encode(TASKS, "5"), &encode(QUEUES, "")] {
            let err = decode(QUEUES, bad).unwrap_err().to_string();
            assert_eq!(
                err, "page_token: not a token from a previous page",
                "{bad:?}"
            );
        }
    }
}
