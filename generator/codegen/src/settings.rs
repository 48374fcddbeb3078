use std::collections::BTreeMap;

/// What a caller can choose about the generated code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Settings {
    /// The path generated code uses for the runtime crate (`::instantly_runtime`).
    pub runtime_path: String,
    /// Derives added to every generated model, e.g. `Eq` or `Hash` (as Rust paths).
    pub extra_derives: Vec<String>,
    /// Rust names for component schemas, keyed by the schema's name in the document.
    pub type_names: BTreeMap<String, String>,
    /// Method names for operations, keyed by operationId or by `METHOD /path`.
    pub operation_names: BTreeMap<String, String>,
    /// The environment variable `Client::from_env` reads the API key from; `None` (the
    /// default) names it after the document's title (`Mini Instantly` → `MINI_INSTANTLY_API_KEY`).
    pub api_key_env_var: Option<String>,
    /// The environment variable `Client::from_env` reads a base URL from, when it is set and
    /// not empty; `None` (the default) always uses the default base URL.
    pub base_url_env_var: Option<String>,
    /// The user agent sent by default; `None` keeps the runtime's default. `{version}` stands
    /// for the version of the crate that compiles the generated code.
    pub user_agent: Option<String>,
    /// Where the API's error objects keep their status code, error and message; `None` keeps
    /// the runtime's default (`{statusCode, error, message}`).
    pub error_body: Option<ErrorBodyFields>,
    /// The default base URL; `None` takes the document's first absolute server URL.
    pub base_url: Option<String>,
    /// Whether the client re-exports the runtime (`runtime`) and the runtime types its API names
    /// (`Error`, `Nullable`, `Date`…) beside `Client` (default: yes). `generate_api!` turns it
    /// off: the invoking scope imports what it uses.
    pub reexport_runtime: bool,
    /// Whether an operation the generator cannot send (a request body in a content type it
    /// has no encoder for) fails generation (`true`) or is left out with a warning naming it
    /// (`false`, the default), so the rest of the document still generates.
    pub strict: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            runtime_path: "::instantly_runtime".to_owned(),
            extra_derives: Vec::new(),
            type_names: BTreeMap::new(),
            operation_names: BTreeMap::new(),
            api_key_env_var: None,
            base_url_env_var: None,
            user_agent: None,
            error_body: None,
            base_url: None,
            reexport_runtime: true,
            strict: false,
        }
    }
}

impl Settings {
    /// The settings of the `instantly` crate (its build script, golden file and `cargo xtask
    /// codegen`): Instantly's key and base-URL variables, its error object, and a user agent
    /// naming the `instantly` crate.
    pub fn instantly() -> Self {
        Self::default()
            .api_key_env_var("INSTANTLY_API_KEY")
            .base_url_env_var("INSTANTLY_BASE_URL")
            .user_agent("instantly/{version} (Rust)")
            .error_body(ErrorBodyFields::new("statusCode", "error", "message"))
    }

    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.runtime_path = path.into();
        self
    }

    pub fn extra_derive(mut self, derive: impl Into<String>) -> Self {
        self.extra_derives.push(derive.into());
        self
    }

    pub fn type_name(mut self, schema: impl Into<String>, rust_name: impl Into<String>) -> Self {
        self.type_names.insert(schema.into(), rust_name.into());
        self
    }

    pub fn operation_name(
        mut self,
        operation: impl Into<String>,
        method_name: impl Into<String>,
    ) -> Self {
        self.operation_names
            .insert(operation.into(), method_name.into());
        self
    }

    pub fn api_key_env_var(mut self, name: impl Into<String>) -> Self {
        self.api_key_env_var = Some(name.into());
        self
    }

    pub fn base_url_env_var(mut self, name: impl Into<String>) -> Self {
        self.base_url_env_var = Some(name.into());
        self
    }

    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    pub fn error_body(mut self, fields: ErrorBodyFields) -> Self {
        self.error_body = Some(fields);
        self
    }

    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }
}

/// The JSON field names of an API's error object (the runtime's `ErrorShape`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBodyFields {
    pub status_code: String,
    pub error: String,
    pub message: String,
}

impl ErrorBodyFields {
    pub fn new(
        status_code: impl Into<String>,
        error: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status_code: status_code.into(),
            error: error.into(),
            message: message.into(),
        }
    }
}
