use std::fmt;

/// A JSON pointer into the document (RFC 6901, as a URI fragment: `#/paths/~1leads/post`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pointer(String);

impl Pointer {
    pub(crate) fn root() -> Self {
        Self("#".to_owned())
    }

    /// The pointer of a named component schema.
    pub(crate) fn schema(name: &str) -> Self {
        Self::root().push("components").push("schemas").push(name)
    }

    /// This pointer extended by one reference token, escaped (`~` → `~0`, `/` → `~1`).
    pub(crate) fn push(&self, token: impl fmt::Display) -> Self {
        use fmt::Write as _;
        let mut pointer = String::with_capacity(self.0.len() + 24);
        pointer.push_str(&self.0);
        pointer.push('/');
        let start = pointer.len();
        // Writing into a `String` cannot fail.
        let _ = write!(pointer, "{token}");
        if pointer[start..].contains(['~', '/']) {
            let escaped = pointer[start..].replace('~', "~0").replace('/', "~1");
            pointer.truncate(start);
            pointer.push_str(&escaped);
        }
        Self(pointer)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_escaped() {
        let pointer = Pointer::root()
            .push("paths")
            .push("/api/v2/a~b")
            .push("get");
        assert_eq!(pointer.to_string(), "#/paths/~1api~1v2~1a~0b/get");
    }
}
