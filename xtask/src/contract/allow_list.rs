//! The committed allow-list: operations that may fail the contract, each with its reason.

use indexmap::IndexMap;
use std::path::Path;

/// Where the allow-list lives, relative to the workspace root.
pub const ALLOW_LIST: &str = "tests/contract/allow-list.yaml";

/// `METHOD /path` (parameter names erased) → why the operation may not conform.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    reasons: IndexMap<String, String>,
}

impl AllowList {
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        Self::parse(&text).map_err(|error| format!("{}: {error}", path.display()))
    }

    /// A YAML map of `METHOD /path: reason`; every reason must say something.
    pub fn parse(text: &str) -> Result<Self, String> {
        let entries: Option<IndexMap<String, String>> =
            serde_norway::from_str(text).map_err(|error| error.to_string())?;
        let mut reasons = IndexMap::new();
        for (label, reason) in entries.unwrap_or_default() {
            let Some((method, path)) = label.split_once(' ') else {
                return Err(format!("`{label}`: expected `METHOD /path`"));
            };
            if reason.trim().is_empty() {
                return Err(format!("`{label}`: the reason is empty"));
            }
            reasons.insert(super::document::route(method, path.trim()), reason);
        }
        Ok(Self { reasons })
    }

    /// The reason for `route` (see [`super::document::route`]), if it is listed.
    pub fn reason(&self, route: &str) -> Option<&str> {
        self.reasons.get(route).map(String::as_str)
    }

    pub fn routes(&self) -> impl Iterator<Item = &str> {
        self.reasons.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_match_whatever_the_parameters_are_called() {
        let list = AllowList::parse("GET /a/{id}: the mock cannot know the id\n").unwrap();
        assert_eq!(
            list.reason("GET /a/{}"),
            Some("the mock cannot know the id")
        );
        assert!(AllowList::parse("GET /a: ''\n").is_err());
        assert!(AllowList::parse("nonsense: x\n").is_err());
        assert_eq!(
            AllowList::parse("# nothing yet\n")
                .unwrap()
                .routes()
                .count(),
            0
        );
    }
}
