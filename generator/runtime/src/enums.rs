//! Deserialization helpers for the open enums that generated code writes by hand.
//!
//! Generated enums map known values to variants and keep anything else in an `Unknown` variant,
//! so these helpers only read the raw value; they never reject a value for being unlisted.

use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

/// Reads the raw string of a string enum.
pub fn deserialize_enum_string<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    <String as serde::Deserialize>::deserialize(deserializer)
}

/// Reads the raw value of an integer enum; an integral float such as `1.0` is accepted too,
/// since some servers send every number as a float.
pub fn deserialize_enum_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<i64, D::Error> {
    deserializer.deserialize_any(IntegerVisitor)
}

struct IntegerVisitor;

impl Visitor<'_> for IntegerVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
        Ok(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
        i64::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<i64, E> {
        let in_range = value >= i64::MIN as f64 && value <= i64::MAX as f64;
        if value.fract() == 0.0 && in_range {
            Ok(value as i64)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(value), &self))
        }
    }
}

/// The wire traits of a generated open string enum (`Display`, `Serialize`, `Deserialize`,
/// `QueryParam`), from the `as_str` and `From<&str>` the generated code writes: one line per
/// enum in the generated source instead of four impls.
#[doc(hidden)]
#[macro_export]
macro_rules! __open_string_enum {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::__private::deserialize_enum_string(deserializer)
                    .map(|value| Self::from(value.as_str()))
            }
        }

        impl $crate::QueryParam for $name {
            fn query_values(&self, out: &mut ::std::vec::Vec<::std::string::String>) {
                out.push(self.as_str().to_owned());
            }
        }
    };
}

/// The wire traits of a generated open integer enum, from its `value` and `From<i64>`.
#[doc(hidden)]
#[macro_export]
macro_rules! __open_integer_enum {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::write!(f, "{}", self.value())
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::__private::deserialize_enum_integer(deserializer).map(Self::from)
            }
        }

        impl $crate::QueryParam for $name {
            fn query_values(&self, out: &mut ::std::vec::Vec<::std::string::String>) {
                out.push(self.value().to_string());
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(json: &str) -> Result<i64, serde_json::Error> {
        deserialize_enum_integer(&mut serde_json::Deserializer::from_str(json))
    }

    #[test]
    fn integers_and_integral_floats_are_accepted() {
        assert_eq!(int("-99").unwrap(), -99);
        assert_eq!(int("3").unwrap(), 3);
        assert_eq!(int("2.0").unwrap(), 2);
        assert!(int("2.5").is_err());
        assert!(int("\"2\"").is_err());
    }
}
