//! `google.protobuf.Timestamp` with the proto3 JSON mapping exactly as the spec
//! writes it: always UTC with `Z`, and 0, 3, 6 or 9 fractional digits
//! (`2026-12-02T16:03:40.242Z`). Reading accepts any RFC 3339 offset. Every other
//! well-known type comes from `pbjson_types`.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time: seconds and nanoseconds since the Unix epoch, in UTC.
#[derive(Clone, Copy, PartialEq, Eq, Hash, ::prost::Message)]
pub struct Timestamp {
    #[prost(int64, tag = "1")]
    pub seconds: i64,
    #[prost(int32, tag = "2")]
    pub nanos: i32,
}

impl prost::Name for Timestamp {
    const NAME: &'static str = "Timestamp";
    const PACKAGE: &'static str = "google.protobuf";
}

impl Timestamp {
    /// The RFC 3339 text of the proto3 JSON mapping; None outside jiff's range or
    /// with nanos out of 0..1e9.
    pub fn to_rfc3339(&self) -> Option<String> {
        if !(0..1_000_000_000).contains(&self.nanos) {
            return None;
        }
        let t = jiff::Timestamp::from_second(self.seconds).ok()?;
        let mut out = t.strftime("%Y-%m-%dT%H:%M:%S").to_string();
        let n = self.nanos;
        if n == 0 {
        } else if n % 1_000_000 == 0 {
            out.push_str(&format!(".{:03}", n / 1_000_000));
        } else if n % 1_000 == 0 {
            out.push_str(&format!(".{:06}", n / 1_000));
        } else {
            out.push_str(&format!(".{n:09}"));
        }
        out.push('Z');
        Some(out)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self
            .to_rfc3339()
            .ok_or_else(|| serde::ser::Error::custom("timestamp out of range"))?;
        serializer.serialize_str(&text)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an RFC 3339 timestamp such as \"2026-12-24T18:00:00Z\"")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Timestamp, E> {
        let t: jiff::Timestamp = s.parse().map_err(E::custom)?;
        Ok(Timestamp {
            seconds: t.as_second(),
            nanos: t.subsec_nanosecond(),
        })
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(seconds: i64, nanos: i32) -> String {
        serde_json::to_value(Timestamp { seconds, nanos })
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn written_in_utc_with_z_and_whole_groups_of_digits() {
        assert_eq!(text(1_796_227_420, 242_000_000), "2026-12-02T16:03:40.242Z");
        assert_eq!(text(1_796_227_420, 0), "2026-12-02T16:03:40Z");
        assert_eq!(text(1_796_227_420, 1_000), "2026-12-02T16:03:40.000001Z");
        assert_eq!(text(1_796_227_420, 5), "2026-12-02T16:03:40.000000005Z");
        assert_eq!(text(-1, 0), "1969-12-31T23:59:59Z");
        assert!(
            serde_json::to_value(Timestamp {
                seconds: 0,
                nanos: -1
            })
            .is_err()
        );
    }

    #[test]
    fn read_with_any_offset() {
        let t: Timestamp = serde_json::from_str("\"2026-12-02T17:03:40.242+01:00\"").unwrap();
        assert_eq!(
            t,
            Timestamp {
                seconds: 1_796_227_420,
                nanos: 242_000_000
            }
        );
        assert!(serde_json::from_str::<Timestamp>("\"2026-12-02 17:03\"").is_err());
    }
}
