//! How generated structs read `format: date-time` fields (`DateTime<Utc>`, also inside an
//! `Option`, a `Nullable` or a `Vec`): chrono's strict RFC 3339 parser first, its lenient
//! `FromStr` (what chrono's own `Deserialize` calls) only when the strict one refuses.
//!
//! Why: chrono's `Deserialize` goes through its general format-items parser, about 1,850
//! instructions per timestamp against about 450 for `parse_from_rfc3339`, and a page of 100
//! leads holds about 1,000 timestamps, a quarter of its decoding. The strict parser reads every
//! RFC 3339 timestamp, which is what servers send; anything else still gets chrono's lenient
//! reading and its error, so what decodes, and to what, is unchanged.

use crate::Nullable;
use chrono::{DateTime, FixedOffset, Utc};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A field value that holds timestamps, read through [`parse`].
pub trait TimestampField<'de>: Sized {
    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// The timestamp `text` is, as chrono's `Deserialize` for `DateTime<Utc>` reads it.
pub fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| text.parse::<DateTime<FixedOffset>>())
        .map(|time| time.with_timezone(&Utc))
}

impl<'de> TimestampField<'de> for DateTime<Utc> {
    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

impl<'de, T: TimestampField<'de>> TimestampField<'de> for Option<T> {
    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }
}

impl<'de, T: TimestampField<'de>> TimestampField<'de> for Nullable<T> {
    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::read(deserializer).map(Nullable::from_option)
    }
}

impl<'de, T: TimestampField<'de>> TimestampField<'de> for Vec<T> {
    fn read<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(VecVisitor(PhantomData))
    }
}

/// `T` read as a [`TimestampField`], for `MapAccess::next_value_seed`.
pub struct Seed<T>(pub PhantomData<T>);

impl<'de, T: TimestampField<'de>> de::DeserializeSeed<'de> for Seed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read(deserializer)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's own wording, so errors read as they did through its `Deserialize`.
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse(text).map_err(E::custom)
    }
}

struct OptionVisitor<T>(PhantomData<T>);

impl<'de, T: TimestampField<'de>> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        T::read(deserializer).map(Some)
    }
}

struct VecVisitor<T>(PhantomData<T>);

impl<'de, T: TimestampField<'de>> Visitor<'de> for VecVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(Seed::<T>(PhantomData))? {
            items.push(item);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeSeed;
    use serde_json::json;

    /// What chrono's own `Deserialize` makes of `value`: the value or the error text.
    fn through_chrono(value: &serde_json::Value) -> Result<DateTime<Utc>, String> {
        serde_json::from_value::<DateTime<Utc>>(value.clone()).map_err(|error| error.to_string())
    }

    fn through_runtime<T: for<'de> TimestampField<'de>>(
        value: &serde_json::Value,
    ) -> Result<T, String> {
        Seed::<T>(PhantomData)
            .deserialize(value)
            .map_err(|error| error.to_string())
    }

    #[test]
    fn reads_every_timestamp_as_chrono_does() {
        let texts = [
            "2026-01-15T10:20:30Z",
            "2026-01-15T10:20:30.123Z",
            "2026-01-15T10:20:30.123456789Z",
            "2026-01-15T10:20:30.1234567891Z",
            "2026-01-15t10:20:30z",
            "2026-01-15 10:20:30Z",
            "2026-01-15T10:20:30+05:30",
            "2026-01-15T10:20:30-00:00",
            "2026-01-15T10:20:30+0530",
            "2016-12-31T23:59:60Z",
            "2026-02-29T00:00:00Z",
            "2024-02-29T00:00:00Z",
            "2026-01-15T24:00:00Z",
            "2026-01-15T10:20:30",
            "2026-01-15",
            "+12026-01-15T10:20:30Z",
            "not a time",
            "",
        ];
        for text in texts {
            let value = json!(text);
            assert_eq!(
                through_runtime::<DateTime<Utc>>(&value),
                through_chrono(&value),
                "{text}"
            );
        }
        let not_text = json!(42);
        assert_eq!(
            through_runtime::<DateTime<Utc>>(&not_text),
            through_chrono(&not_text)
        );
    }

    #[test]
    fn reads_timestamps_inside_options_nullables_and_lists() {
        let time = parse("2026-01-15T10:20:30Z").unwrap();
        assert_eq!(
            through_runtime::<Option<DateTime<Utc>>>(&json!(null)),
            Ok(None)
        );
        assert_eq!(
            through_runtime::<Option<DateTime<Utc>>>(&json!("2026-01-15T10:20:30Z")),
            Ok(Some(time))
        );
        assert_eq!(
            through_runtime::<Nullable<DateTime<Utc>>>(&json!(null)),
            Ok(Nullable::Null)
        );
        assert_eq!(
            through_runtime::<Vec<Option<DateTime<Utc>>>>(&json!(["2026-01-15T10:20:30Z", null])),
            Ok(vec![Some(time), None])
        );
    }
}
