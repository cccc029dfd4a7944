//! Cron arithmetic: parsing an expression and a time zone, and finding the next
//! tick. Pure functions, used by the core (to check a schedule) and by the cron loop
//! (to fire it).

use croner::Cron;
use croner::parser::{CronParser, Year};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A tick handled later than this after its time counts as missed (HTQ was down):
/// the schedule's catch-up rule then says whether it runs.
pub const MISFIRE_GRACE_MS: i64 = 5_000;

/// Parses a cron expression: 5 fields (minute to day of week) or 6 (seconds first).
pub fn parse(expr: &str) -> Result<Cron, String> {
    CronParser::builder()
        .year(Year::Disallowed)
        .build()
        .parse(expr)
        .map_err(|e| e.to_string())
}

/// An IANA time zone by name; empty means UTC.
pub fn zone(name: &str) -> Option<TimeZone> {
    if name.is_empty() {
        return Some(TimeZone::UTC);
    }
    TimeZone::get(name).ok()
}

/// The first tick of `cron` in `tz` strictly after `after_ms`; None when there is
/// none (a date that never comes).
pub fn next_tick(cron: &Cron, tz: &TimeZone, after_ms: i64) -> Option<i64> {
    let at = Timestamp::from_millisecond(after_ms)
        .ok()?
        .to_zoned(tz.clone());
    let next = cron.find_next_occurrence(&at, false).ok()?;
    Some(next.timestamp().as_millisecond())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_the_expression_in_its_zone() {
        let every_second = parse("* * * * * *").unwrap();
        assert_eq!(next_tick(&every_second, &TimeZone::UTC, 1_000), Some(2_000));
        assert_eq!(next_tick(&every_second, &TimeZone::UTC, 1_500), Some(2_000));
        // 09:00 every day in Paris: 08:00 UTC in winter (2026-01-15).
        let nine = parse("0 9 * * *").unwrap();
        let paris = zone("Europe/Paris").unwrap();
        let jan15 = Timestamp::from_second(1_768_435_200).unwrap(); // 2026-01-15T00:00Z
        let next = next_tick(&nine, &paris, jan15.as_millisecond()).unwrap();
        assert_eq!(next, jan15.as_millisecond() + 8 * 3600 * 1000);
        assert!(parse("61 * * * *").is_err());
        assert!(zone("Mars/Olympus").is_none());
    }

    #[test]
    fn a_date_that_never_comes_has_no_tick() {
        let feb31 = parse("0 0 31 2 *").unwrap();
        assert_eq!(next_tick(&feb31, &TimeZone::UTC, 1_000), None);
        let feb29 = parse("0 0 29 2 *").unwrap();
        assert!(next_tick(&feb29, &TimeZone::UTC, 1_000).is_some());
    }
}
