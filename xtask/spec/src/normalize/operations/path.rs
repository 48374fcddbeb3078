//! The segments of an operation path, as the naming rule and the conventions see them.

/// Every path on the page starts with this; it names nothing, so it is not part of names.
pub const API_PREFIX: &str = "/api/v2";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// A fixed segment such as `campaigns` or `mark-as-read`.
    Literal(&'a str),
    /// A `{name}` segment.
    Param(&'a str),
}

/// The segments after [`API_PREFIX`] (after `/` for other paths), or the reason the path
/// cannot be read: an empty segment or a brace that does not make a whole `{name}` segment.
pub fn segments(path: &str) -> Result<Vec<Segment<'_>>, String> {
    let rest = path.strip_prefix(API_PREFIX).unwrap_or(path);
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if rest.is_empty() {
        return Ok(Vec::new());
    }
    rest.split('/').map(segment).collect()
}

fn segment(text: &str) -> Result<Segment<'_>, String> {
    if let Some(name) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}'))
        && !name.is_empty()
        && !name.contains(['{', '}'])
    {
        return Ok(Segment::Param(name));
    }
    if text.is_empty() || text.contains(['{', '}']) {
        return Err(format!(
            "path segment `{text}` is neither a name nor a whole `{{parameter}}`"
        ));
    }
    Ok(Segment::Literal(text))
}

/// The names of the path's `{parameters}`, in path order.
pub fn params<'a>(segments: &[Segment<'a>]) -> Vec<&'a str> {
    segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Param(name) => Some(*name),
            Segment::Literal(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Segment::{Literal, Param};
    use super::*;

    #[test]
    fn splits_after_the_api_prefix() {
        assert_eq!(
            segments("/api/v2/campaigns/{id}/activate").unwrap(),
            [Literal("campaigns"), Param("id"), Literal("activate")]
        );
        assert_eq!(
            segments("/other/x").unwrap(),
            [Literal("other"), Literal("x")]
        );
        assert!(segments("/api/v2").unwrap().is_empty());
    }

    #[test]
    fn rejects_broken_segments() {
        assert!(segments("/api/v2/a//b").is_err());
        assert!(segments("/api/v2/a/{id").is_err());
        assert!(segments("/api/v2/a/x{id}").is_err());
        assert!(segments("/api/v2/a/{}").is_err());
    }
}
