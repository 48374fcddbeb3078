//! The text's JSON value, read by a visitor of our own rather than `serde_json::Value`'s, for
//! what real documents hold that a `Value` refuses:
//!
//! - integers past 64 bits (`minimum: -9223372036854776000` in OpenAI's YAML): a `u64` or
//!   `i64` when they fit, else the nearest `f64` (serde_json's `Value` fails the whole document
//!   with `number out of range`);
//! - YAML keys that are not strings (`200:` for a response): their text;
//! - a YAML float that is not finite (`.inf`, `1e400`) is an error at its line, where the
//!   `Value` visitor would read `null` in its place.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Reads one value of any shape.
pub(super) struct AnyValue;

impl<'de> DeserializeSeed<'de> for AnyValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Value, E> {
        match i64::try_from(value) {
            Ok(small) => Ok(Value::Number(small.into())),
            Err(_) => match u64::try_from(value) {
                Ok(unsigned) => Ok(Value::Number(unsigned.into())),
                Err(_) => self.visit_f64(value as f64),
            },
        }
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Value, E> {
        match u64::try_from(value) {
            Ok(small) => Ok(Value::Number(small.into())),
            Err(_) => self.visit_f64(value as f64),
        }
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom(format!("{value} is not a finite number")))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(value) = seq.next_element_seed(AnyValue)? {
            values.push(value);
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Map::new();
        while let Some(key) = map.next_key_seed(AnyValue)? {
            let key = match key {
                Value::String(text) => text,
                Value::Null => "null".to_owned(),
                Value::Bool(_) | Value::Number(_) => key.to_string(),
                Value::Array(_) | Value::Object(_) => {
                    return Err(de::Error::custom("a key that is a list or a map"));
                }
            };
            let value = map.next_value_seed(AnyValue)?;
            entries.insert(key, value);
        }
        Ok(Value::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Result<Value, serde_norway::Error> {
        AnyValue.deserialize(serde_norway::Deserializer::from_str(text))
    }

    fn json(text: &str) -> Result<Value, serde_json::Error> {
        AnyValue.deserialize(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn integers_past_64_bits_become_the_nearest_float() {
        let value = yaml("[-9223372036854776000, 18446744073709551616, 18446744073709551615, -9223372036854775808]").unwrap();
        assert_eq!(
            value.to_string(),
            "[-9.223372036854776e+18,1.8446744073709552e+19,18446744073709551615,-9223372036854775808]"
        );
        let value = json("[-9223372036854776000, 18446744073709551616, -0]").unwrap();
        assert_eq!(value[0].as_f64(), Some(-9.223372036854776e18));
        assert_eq!(value[1].as_f64(), Some(1.8446744073709552e19));
    }

    #[test]
    fn yaml_keys_that_are_not_strings_are_their_text() {
        let value = yaml("200: ok\ntrue: yes\n1.5: half\n~: nothing").unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["200", "true", "1.5", "null"]);
    }

    #[test]
    fn numbers_beyond_a_float_are_errors_at_their_line() {
        let error = yaml("a: 1\nb: .inf\n").unwrap_err();
        assert_eq!(error.location().map(|l| l.line()), Some(2), "{error}");
        let error = json("{\n\"a\": 1e400}").unwrap_err();
        assert_eq!(error.line(), 2, "{error}");
    }

    #[test]
    fn long_strings_and_negative_zero_load() {
        let long = "x".repeat(1 << 20);
        let value = json(&format!("[\"{long}\", -0, -0.0, 1e-400]")).unwrap();
        assert_eq!(value[0].as_str().map(str::len), Some(1 << 20));
        assert_eq!(value[1].as_f64(), Some(0.0));
        assert_eq!(value[2].as_f64(), Some(0.0));
        assert_eq!(value[3].as_f64(), Some(0.0));
    }
}
