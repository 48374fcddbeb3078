//! Calling operations by name with arguments given as JSON.
//!
//! The generator can emit a `dispatch` module (see `instantly_codegen::generate_dispatch`): a
//! table of the client's operations and a `call` function that decodes [`Arguments`] into each
//! operation's typed parameters and body, sends the request through the typed request builder,
//! and returns the decoded response as JSON again. Contract tests and generic tools use it to
//! drive every operation without naming each one.

use crate::Error;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One operation of a generated client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationInfo {
    /// The client method (`list_campaigns`).
    pub name: &'static str,
    /// `GET`, `POST`, …
    pub method: &'static str,
    /// The path template of the document (`/api/v2/campaigns/{id}`).
    pub path: &'static str,
}

/// The arguments of one call, by where they go; names are the document's parameter names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Arguments {
    pub path: Map<String, Value>,
    pub query: Map<String, Value>,
    pub header: Map<String, Value>,
    pub body: Option<Value>,
}

/// Where an argument goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
    Body,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Path => "path parameter",
            Self::Query => "query parameter",
            Self::Header => "header",
            Self::Body => "body",
        })
    }
}

impl Arguments {
    /// A required argument.
    pub fn required<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        location: Location,
        name: &'static str,
    ) -> Result<T, DispatchError> {
        self.optional(operation, location, name)?
            .ok_or(DispatchError::MissingArgument {
                operation,
                location,
                name,
            })
    }

    /// An optional argument: `None` when absent (or `null`).
    pub fn optional<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        location: Location,
        name: &'static str,
    ) -> Result<Option<T>, DispatchError> {
        let value = match location {
            Location::Path => self.path.get(name),
            Location::Query => self.query.get(name),
            Location::Header => self.header.get(name),
            Location::Body => self.body.as_ref(),
        };
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(value) => {
                T::deserialize(value)
                    .map(Some)
                    .map_err(|source| DispatchError::InvalidArgument {
                        operation,
                        location,
                        name,
                        source,
                    })
            }
        }
    }
}

impl Arguments {
    /// The arguments as one operation reads them: errors name `operation`, and an optional
    /// argument goes to its setter in one call, so each argument is one line of generated code.
    pub fn of(&self, operation: &'static str) -> OperationArguments<'_> {
        OperationArguments {
            arguments: self,
            operation,
        }
    }
}

/// The [`Arguments`] of one named operation (see [`Arguments::of`]).
#[derive(Debug, Clone, Copy)]
pub struct OperationArguments<'a> {
    arguments: &'a Arguments,
    operation: &'static str,
}

impl OperationArguments<'_> {
    /// A required argument.
    pub fn required<T: DeserializeOwned>(
        &self,
        location: Location,
        name: &'static str,
    ) -> Result<T, DispatchError> {
        self.arguments.required(self.operation, location, name)
    }

    /// An optional query parameter, given to `request` through `setter` when present.
    pub fn query<B, T: DeserializeOwned>(
        &self,
        request: B,
        name: &'static str,
        setter: impl FnOnce(B, T) -> B,
    ) -> Result<B, DispatchError> {
        self.set(request, Location::Query, name, setter)
    }

    /// An optional header, given to `request` through `setter` when present.
    pub fn header<B, T: DeserializeOwned>(
        &self,
        request: B,
        name: &'static str,
        setter: impl FnOnce(B, T) -> B,
    ) -> Result<B, DispatchError> {
        self.set(request, Location::Header, name, setter)
    }

    /// An optional body, given to `request` through `setter` when present.
    pub fn body<B, T: DeserializeOwned>(
        &self,
        request: B,
        setter: impl FnOnce(B, T) -> B,
    ) -> Result<B, DispatchError> {
        self.set(request, Location::Body, "body", setter)
    }

    fn set<B, T: DeserializeOwned>(
        &self,
        request: B,
        location: Location,
        name: &'static str,
        setter: impl FnOnce(B, T) -> B,
    ) -> Result<B, DispatchError> {
        Ok(
            match self.arguments.optional(self.operation, location, name)? {
                Some(value) => setter(request, value),
                None => request,
            },
        )
    }
}

/// What a call returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// The decoded response, serialized again.
    Json(Value),
    /// The operation documents no body.
    Empty,
    /// A non-JSON body.
    Bytes(Vec<u8>),
}

impl Output {
    /// The typed response as JSON.
    pub fn json<T: Serialize>(operation: &'static str, value: &T) -> Result<Self, DispatchError> {
        serde_json::to_value(value)
            .map(Self::Json)
            .map_err(|source| DispatchError::Encode { operation, source })
    }
}

/// Why a call by name failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DispatchError {
    #[error("no operation named {0:?}")]
    UnknownOperation(String),
    #[error("{operation}: missing {location} {name:?}")]
    MissingArgument {
        operation: &'static str,
        location: Location,
        name: &'static str,
    },
    #[error("{operation}: {location} {name:?} does not fit its type: {source}")]
    InvalidArgument {
        operation: &'static str,
        location: Location,
        name: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// The request was sent and failed (status, transport or decoding of the response).
    #[error(transparent)]
    Call(#[from] Error),
    #[error("{operation}: could not serialize the response again: {source}")]
    Encode {
        operation: &'static str,
        #[source]
        source: serde_json::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn arguments() -> Arguments {
        serde_json::from_value(json!({
            "path": {"id": "abc"},
            "query": {"limit": 5, "search": null},
            "body": {"name": "x"}
        }))
        .unwrap()
    }

    #[test]
    fn arguments_decode_into_their_types() {
        let arguments = arguments();
        let id: String = arguments.required("op", Location::Path, "id").unwrap();
        assert_eq!(id, "abc");
        let limit: Option<u8> = arguments.optional("op", Location::Query, "limit").unwrap();
        assert_eq!(limit, Some(5));
        let search: Option<String> = arguments.optional("op", Location::Query, "search").unwrap();
        assert_eq!(search, None);
        let body: Value = arguments.required("op", Location::Body, "body").unwrap();
        assert_eq!(body, json!({"name": "x"}));
    }

    #[test]
    fn missing_and_mistyped_arguments_are_errors() {
        let arguments = arguments();
        let missing = arguments
            .required::<String>("get_item", Location::Path, "other")
            .unwrap_err();
        assert_eq!(
            missing.to_string(),
            "get_item: missing path parameter \"other\""
        );
        let mistyped = arguments
            .required::<bool>("get_item", Location::Query, "limit")
            .unwrap_err();
        assert!(
            mistyped
                .to_string()
                .starts_with("get_item: query parameter \"limit\" does not fit")
        );
    }
}
