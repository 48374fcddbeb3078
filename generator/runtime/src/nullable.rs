use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that is both optional and nullable: left out, sent as `null`, or sent with a value.
///
/// `Option<T>` cannot tell "absent" from "null", so an update (PATCH) could not clear a field.
/// Generated structs mark such fields `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`,
/// so `Absent` is omitted, `Null` serializes as `null` and `Value` as the value; reading a response
/// keeps the same distinction, so a round trip reproduces the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Nullable<T> {
    /// Not present in the JSON object.
    #[default]
    Absent,
    /// Present as `null`.
    Null,
    /// Present with a value.
    Value(T),
}

impl<T> Nullable<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The value, if there is one (absent and null both give `None`).
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// The value, if there is one (absent and null both give `None`).
    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// `None` becomes `Null`: for setting a field to a value or clearing it.
    pub fn from_option(value: Option<T>) -> Self {
        value.map_or(Self::Null, Self::Value)
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nullable<U> {
        match self {
            Self::Absent => Nullable::Absent,
            Self::Null => Nullable::Null,
            Self::Value(value) => Nullable::Value(f(value)),
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // `Absent` is normally skipped by `skip_serializing_if`; outside a struct it is `null`.
            Self::Absent | Self::Null => serializer.serialize_none(),
            Self::Value(value) => serializer.serialize_some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// Only called when the field is present (`#[serde(default)]` supplies `Absent`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Self::from_option)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Serialize, Deserialize, Default)]
    struct Update {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        name: Nullable<String>,
    }

    #[test]
    fn three_states_serialize_exactly() {
        let absent = Update::default();
        let null = Update {
            name: Nullable::Null,
        };
        let value = Update {
            name: "x".to_owned().into(),
        };
        assert_eq!(serde_json::to_value(&absent).unwrap(), json!({}));
        assert_eq!(serde_json::to_value(&null).unwrap(), json!({"name": null}));
        assert_eq!(serde_json::to_value(&value).unwrap(), json!({"name": "x"}));
    }

    #[test]
    fn three_states_deserialize_exactly() {
        let parse = |v| serde_json::from_value::<Update>(v).unwrap().name;
        assert_eq!(parse(json!({})), Nullable::Absent);
        assert_eq!(parse(json!({"name": null})), Nullable::Null);
        assert_eq!(parse(json!({"name": "x"})), Nullable::Value("x".to_owned()));
    }
}
