//! `format: date`: a calendar date that reads leniently and writes `YYYY-MM-DD`.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

/// A calendar date (`format: date`), a thin wrapper of [`chrono::NaiveDate`].
///
/// It is written as `YYYY-MM-DD`. It reads `YYYY-MM-DD` and also a full timestamp (RFC 3339
/// such as `1970-01-01T00:00:00.000Z`, or without an offset), taking the date as written: some
/// servers (Instantly's own reference examples among them) send a timestamp where the document
/// says date. `Deref`, `From` and `Into` make it usable wherever a `NaiveDate` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(pub NaiveDate);

impl Date {
    /// The date of `year`, `month` (1–12) and `day`; `None` if there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self)
    }

    /// The wrapped `NaiveDate`.
    pub fn naive(self) -> NaiveDate {
        self.0
    }
}

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Self {
        Self(date)
    }
}

impl From<Date> for NaiveDate {
    fn from(date: Date) -> Self {
        date.0
    }
}

impl Deref for Date {
    type Target = NaiveDate;

    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

impl PartialEq<NaiveDate> for Date {
    fn eq(&self, other: &NaiveDate) -> bool {
        self.0 == *other
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The error of reading a [`Date`] from text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is neither a date (YYYY-MM-DD) nor an RFC 3339 timestamp")]
pub struct ParseDateError(String);

impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Self, ParseDateError> {
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Self(date));
        }
        if let Ok(timestamp) = DateTime::parse_from_rfc3339(text) {
            // The date in the timestamp's own offset, as written: not shifted to UTC.
            return Ok(Self(timestamp.date_naive()));
        }
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
            .map(|timestamp| Self(timestamp.date()))
            .map_err(|_| ParseDateError(text.to_owned()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateVisitor)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD) or an RFC 3339 timestamp")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
        text.parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::from_ymd(year, month, day).unwrap()
    }

    #[test]
    fn dates_and_timestamps_read_as_their_date() {
        let read = |json: &str| serde_json::from_str::<Date>(json).unwrap();
        assert_eq!(read(r#""2026-03-01""#), date(2026, 3, 1));
        assert_eq!(read(r#""1970-01-01T00:00:00.000Z""#), date(1970, 1, 1));
        // As written in its offset, not moved to UTC (which would be the 2nd).
        assert_eq!(read(r#""2026-03-01T23:30:00-05:00""#), date(2026, 3, 1));
        assert_eq!(read(r#""2026-03-01T08:00:00""#), date(2026, 3, 1));
    }

    #[test]
    fn dates_are_written_as_dates() {
        let read: Date = serde_json::from_str(r#""1970-01-01T00:00:00.000Z""#).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), r#""1970-01-01""#);
        assert_eq!(date(2026, 12, 2).to_string(), "2026-12-02");
    }

    #[test]
    fn other_text_is_an_error_that_shows_it() {
        let error = serde_json::from_str::<Date>(r#""next tuesday""#).unwrap_err();
        assert!(error.to_string().contains("next tuesday"), "{error}");
        assert!(serde_json::from_str::<Date>("20260301").is_err());
        assert!("2026-02-30".parse::<Date>().is_err());
    }

    #[test]
    fn it_is_a_naive_date_where_one_is_wanted() {
        let naive = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        let wrapped = Date::from(naive);
        assert_eq!(wrapped.naive(), naive);
        assert_eq!(chrono::Datelike::month(&*wrapped), 1);
        assert_eq!(NaiveDate::from(wrapped), naive);
    }

    #[test]
    fn timestamps_read_in_every_position_generated_code_puts_a_date() {
        #[derive(serde::Deserialize, serde::Serialize)]
        struct Positions {
            plain: Date,
            optional: Option<Date>,
            #[serde(default, skip_serializing_if = "crate::Nullable::is_absent")]
            nullable: crate::Nullable<Date>,
            list: Vec<Date>,
            map: std::collections::BTreeMap<String, Date>,
        }
        let stamp = "2026-03-01T10:00:00Z";
        let json = serde_json::json!({
            "plain": stamp, "optional": stamp, "nullable": stamp,
            "list": [stamp, "2026-03-02"], "map": {"a": stamp},
        });
        let read: Positions = serde_json::from_value(json).unwrap();
        let day = date(2026, 3, 1);
        assert_eq!(read.plain, day);
        assert_eq!(read.optional, Some(day));
        assert_eq!(read.nullable, crate::Nullable::Value(day));
        assert_eq!(read.list, [day, date(2026, 3, 2)]);
        assert_eq!(read.map["a"], day);
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            serde_json::json!({
                "plain": "2026-03-01", "optional": "2026-03-01", "nullable": "2026-03-01",
                "list": ["2026-03-01", "2026-03-02"], "map": {"a": "2026-03-01"},
            })
        );

        let mut query = crate::query::QueryPairs::new();
        query.add("on", &Some(day));
        query.add("days", &vec![day, date(2026, 3, 2)]);
        let pairs: Vec<_> = query.iter().collect();
        assert_eq!(
            pairs,
            [
                ("on", "2026-03-01"),
                ("days", "2026-03-01"),
                ("days", "2026-03-02")
            ]
        );
    }
}
