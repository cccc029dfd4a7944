//! Decoding script replies: the return-code table (mirrored from the `DONE`,
//! `NO_QUEUE`, ... constants in lua/prelude.lua) and typed reads of reply values.
//! Codes are decoded here and nowhere else; a value outside the table is an error.

use redis::Value;

use crate::error::{Error, Result};

/// The code every script reply is, or starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Did what was asked.
    Done,
    /// The queue does not exist.
    NoQueue,
    /// No such task, dead task or schedule.
    NotFound,
    /// The name or id is taken (or was imported before).
    Exists,
    /// The caller's lease is no longer held: its result is discarded.
    LeaseLost,
    /// The task has finished already.
    Finished,
    /// The task is not in a state the call can act on.
    WrongState,
    /// Not due, or another process took it first.
    NotTaken,
    /// A cron tick skipped as asked.
    Skipped,
}

impl Code {
    fn from_i64(v: i64) -> Result<Code> {
        Ok(match v {
            1 => Code::Done,
            -1 => Code::NoQueue,
            -2 => Code::NotFound,
            -3 => Code::Exists,
            -4 => Code::LeaseLost,
            -5 => Code::Finished,
            -6 => Code::WrongState,
            -7 => Code::NotTaken,
            -8 => Code::Skipped,
            other => return Err(Error::Internal(format!("unknown script code {other}"))),
        })
    }
}

/// A script reply: its code and the values after it.
#[derive(Debug)]
pub struct Reply {
    pub code: Code,
    pub rest: Vec<Value>,
}

impl redis::FromRedisValue for Reply {
    fn from_redis_value(v: Value) -> std::result::Result<Self, redis::ParsingError> {
        let bad = |what: String| redis::ParsingError::from(what);
        let (head, rest) = match v {
            Value::Int(i) => (i, Vec::new()),
            Value::Array(mut items) if !items.is_empty() => {
                let head = match items.remove(0) {
                    Value::Int(i) => i,
                    other => return Err(bad(format!("script code is not a number: {other:?}"))),
                };
                (head, items)
            }
            other => return Err(bad(format!("not a script reply: {other:?}"))),
        };
        let code = Code::from_i64(head).map_err(|e| bad(e.to_string()))?;
        Ok(Reply { code, rest })
    }
}

impl Reply {
    /// The value at `i` after the code.
    pub fn get(&self, i: usize) -> Result<&Value> {
        self.rest
            .get(i)
            .ok_or_else(|| Error::Internal(format!("script reply too short (no value {i})")))
    }

    /// An error for a code the caller did not expect from this script.
    pub fn unexpected(&self, script: &str) -> Error {
        Error::Internal(format!("{script} returned {:?}", self.code))
    }
}

fn bad_reply(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("unexpected reply: {e}"))
}

pub fn string(v: &Value) -> Result<String> {
    redis::from_redis_value_ref::<String>(v).map_err(bad_reply)
}

pub fn bytes(v: &Value) -> Result<Vec<u8>> {
    redis::from_redis_value_ref::<Vec<u8>>(v).map_err(bad_reply)
}

pub fn int(v: &Value) -> Result<i64> {
    redis::from_redis_value_ref::<i64>(v).map_err(bad_reply)
}

/// A score or '' from a script, as an optional ms time.
pub fn opt_ms(v: &Value) -> Result<Option<i64>> {
    let s = string(v)?;
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>()
        .map(|f| Some(f as i64))
        .map_err(|_| Error::Internal(format!("bad score {s:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use redis::FromRedisValue;

    #[test]
    fn codes_decode_and_unknown_ones_are_errors() {
        let r = Reply::from_redis_value(Value::Int(-4)).unwrap();
        assert_eq!(r.code, Code::LeaseLost);
        let r = Reply::from_redis_value(Value::Array(vec![Value::Int(1), Value::Int(7)])).unwrap();
        assert_eq!((r.code, int(r.get(0).unwrap()).unwrap()), (Code::Done, 7));
        assert!(r.get(1).is_err());
        for bad in [
            Value::Int(0),
            Value::Int(2),
            Value::Array(vec![]),
            Value::Array(vec![Value::SimpleString("x".into())]),
        ] {
            assert!(Reply::from_redis_value(bad.clone()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_code_of_the_prelude_is_in_the_table() {
        let prelude = include_str!("lua/prelude.lua");
        let mut n = 0;
        for line in prelude.lines() {
            let Some(rest) = line.strip_prefix("local ") else {
                continue;
            };
            let Some((name, value)) = rest.split_once(" = ") else {
                continue;
            };
            if !name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                continue;
            }
            let Ok(value) = value.split_whitespace().next().unwrap_or("").parse::<i64>() else {
                continue;
            };
            let code = Code::from_i64(value).unwrap_or_else(|_| panic!("{name} = {value}"));
            let rust = format!("{code:?}").to_ascii_uppercase();
            assert_eq!(
                rust,
                name.replace('_', ""),
                "{name} = {value} decodes as {code:?}"
            );
            n += 1;
        }
        assert_eq!(n, 9, "codes in the prelude");
    }
}
