//! The grammar of the page's type lines.
//!
//! ```text
//! type      = "Array of " items [" or null"] | member (" or " member)*
//! items     = plural (" or " plural)*            e.g. "null or arrays"
//! member    = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null"
//! plural    = "strings" | "numbers" | "integers" | "booleans" | "objects" | "arrays" | "null"
//! ```
//!
//! Redocly prints a nullable array as `Array of X or null`: the trailing `or null` belongs to the
//! array, while the items' own union comes first (`Array of null or arrays or null` is a nullable
//! array whose items are `null or array`).

use super::model::TypeExpr;

/// Parses a type line, or says why it is not one.
pub fn parse_type_line(line: &str) -> Result<TypeExpr, String> {
    if let Some(items) = line.strip_prefix("Array of ") {
        let (items, nullable) = match items.strip_suffix(" or null") {
            Some(rest) if !rest.is_empty() => (rest, true),
            _ => (items, false),
        };
        let items = union(items, plural_member)?;
        let array = TypeExpr::Array(Some(Box::new(items)));
        return Ok(if nullable {
            TypeExpr::Union(vec![array, TypeExpr::Null])
        } else {
            array
        });
    }
    union(line, member)
}

/// Whether a line is a type line (cheap check used to find where a property starts).
pub fn is_type_line(line: &str) -> bool {
    const FIRST_WORDS: [&str; 8] = [
        "string", "number", "integer", "boolean", "object", "array", "null", "Array",
    ];
    let first = line.split(' ').next().unwrap_or_default();
    FIRST_WORDS.contains(&first) && parse_type_line(line).is_ok()
}

fn union(text: &str, parse: fn(&str) -> Option<TypeExpr>) -> Result<TypeExpr, String> {
    let members = text
        .split(" or ")
        .map(|word| {
            parse(word).ok_or_else(|| format!("unknown type `{word}` in type line `{text}`"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    match <[TypeExpr; 1]>::try_from(members) {
        Ok([single]) => Ok(single),
        Err(members) => Ok(TypeExpr::Union(members)),
    }
}

fn member(word: &str) -> Option<TypeExpr> {
    Some(match word {
        "string" => TypeExpr::String,
        "number" => TypeExpr::Number,
        "integer" => TypeExpr::Integer,
        "boolean" => TypeExpr::Boolean,
        "object" => TypeExpr::Object,
        "array" => TypeExpr::Array(None),
        "null" => TypeExpr::Null,
        _ => return None,
    })
}

fn plural_member(word: &str) -> Option<TypeExpr> {
    match word {
        "null" => Some(TypeExpr::Null),
        "arrays" => Some(TypeExpr::Array(None)),
        _ => word
            .strip_suffix('s')
            .and_then(member)
            .filter(|ty| *ty != TypeExpr::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TypeExpr::*;

    fn array(items: TypeExpr) -> TypeExpr {
        Array(Some(Box::new(items)))
    }

    #[test]
    fn scalars_and_nullable_scalars() {
        assert_eq!(parse_type_line("string"), Ok(String));
        assert_eq!(
            parse_type_line("null or number"),
            Ok(Union(vec![Null, Number]))
        );
        assert_eq!(
            parse_type_line("boolean or string"),
            Ok(Union(vec![Boolean, String]))
        );
    }

    #[test]
    fn arrays_and_nullable_arrays() {
        assert_eq!(parse_type_line("Array of objects"), Ok(array(Object)));
        assert_eq!(
            parse_type_line("Array of strings or null"),
            Ok(Union(vec![array(String), Null]))
        );
        assert_eq!(
            parse_type_line("Array of null or arrays or null"),
            Ok(Union(vec![array(Union(vec![Null, Array(None)])), Null]))
        );
    }

    #[test]
    fn unknown_words_are_errors() {
        assert!(parse_type_line("Example:").is_err());
        assert!(parse_type_line("strings").is_err());
        assert!(parse_type_line("Array of string").is_err());
        assert!(parse_type_line("").is_err());
        assert!(parse_type_line("Array of ").is_err());
    }
}
