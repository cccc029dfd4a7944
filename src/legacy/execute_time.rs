//! The legacy `execute_time` grammar: `Y-M-D h:m:s` (or with `/`), read as wall-clock
//! time in the server's zone. Anything that fails the grammar or the calendar means
//! "now", never an error, as legacy HTQ did.

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};

/// Splits `s` into 1..=`max` ASCII digits and a value.
fn number(s: &str, max: usize) -> Option<i64> {
    if s.is_empty() || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses the grammar and the calendar check, without the zone.
fn civil(text: &str) -> Option<DateTime> {
    let (date, time) = text.split_once(' ')?;
    let sep = if date.contains('-') { '-' } else { '/' };
    let mut d = date.split(sep);
    let (y, mo, day) = (
        number(d.next()?, 4)?,
        number(d.next()?, 2)?,
        number(d.next()?, 2)?,
    );
    if d.next().is_some() {
        return None;
    }
    let mut t = time.split(':');
    let (h, mi, s) = (
        number(t.next()?, 2)?,
        number(t.next()?, 2)?,
        number(t.next()?, 2)?,
    );
    if t.next().is_some() || !(100..=9999).contains(&y) || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    DateTime::new(y as i16, mo as i8, day as i8, h as i8, mi as i8, s as i8, 0).ok()
}

/// The instant `text` names in `tz`, ms since the epoch; None means "now".
/// A time inside a daylight-saving gap fails; an ambiguous one takes the earlier instant.
pub fn parse(text: &str, tz: &TimeZone) -> Option<i64> {
    let dt = civil(text)?;
    let ambiguous = tz.to_ambiguous_zoned(dt);
    let zoned = match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => ambiguous.unambiguous().ok()?,
        AmbiguousOffset::Gap { .. } => return None,
        AmbiguousOffset::Fold { .. } => ambiguous.earlier().ok()?,
    };
    Some(zoned.timestamp().as_millisecond())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Option<i64> {
        parse(text, &TimeZone::UTC)
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(utc("2030-01-02 03:04:05"), Some(1_893_553_445_000));
        assert_eq!(utc("2030/01/02 03:04:05"), Some(1_893_553_445_000));
        assert_eq!(utc("2030-1-2 3:4:5"), Some(1_893_553_445_000));
        assert!(utc("2020-02-29 00:00:00").is_some());
        assert!(utc("0100-01-01 00:00:00").is_some());
        assert_eq!(utc("1969-12-31 23:59:59"), Some(-1000));
    }

    #[test]
    fn refused_forms_mean_now() {
        for bad in [
            "0",
            "",
            "2030-01-02T03:04:05",
            "2030-01-02 03:04",
            "2030-01-02",
            "2030-01/02 03:04:05",
            "2021-02-29 00:00:00",
            "2030-01-02 24:00:00",
            "2030-12-31 23:59:60",
            "99-01-01 00:00:00",
            "2030-01-02 03:04:05 ",
            " 2030-01-02 03:04:05",
            "2030-01-02  03:04:05",
            "２０３０-01-02 03:04:05",
            "12345-01-02 03:04:05",
            "2030-001-02 03:04:05",
        ] {
            assert_eq!(utc(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn zone_gap_fails_and_fold_takes_the_earlier_instant() {
        let ny = TimeZone::get("America/New_York").unwrap();
        // 2021-03-14 02:30 does not exist in New York.
        assert_eq!(parse("2021-03-14 02:30:00", &ny), None);
        // 2021-11-07 01:30 happens twice: EDT (-4) first.
        let earlier = parse("2021-11-07 01:30:00", &ny).unwrap();
        assert_eq!(earlier, utc("2021-11-07 05:30:00").unwrap());
        let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
        assert_eq!(
            parse("2030-01-02 11:04:05", &shanghai),
            utc("2030-01-02 03:04:05")
        );
    }
}
