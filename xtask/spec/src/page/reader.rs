//! Lines of the scraped page → [`Page`].
//!
//! The page is a Redocly rendering flattened to text. Its navigation lists the tag names and the
//! schema titles in order; the reader uses those lists as the skeleton and then expects each tag
//! block and each schema block in that order, so a missing or moved block is an error at the line
//! where it was expected instead of a silently different document.

use serde_json::Value;

use super::example::{parse_example, value_extent};
use super::model::*;
use super::type_line::{is_type_line, parse_type_line};
use crate::diagnostics::{Diagnostic, PAGE_FILE};

/// Reads the whole page.
pub fn read_page(text: &str) -> Result<Page, Diagnostic> {
    let lines: Vec<&str> = text.lines().collect();
    let mut reader = Reader { lines, pos: 0 };
    let nav = reader.navigation()?;
    let (version, introduction) = reader.title()?;
    let servers = reader.servers(nav.tags.first().map(String::as_str))?;
    let mut tags = Vec::with_capacity(nav.tags.len());
    for (index, name) in nav.tags.iter().enumerate() {
        let next = nav.tags.get(index + 1).map(String::as_str);
        tags.push(reader.tag(name, next)?);
    }
    reader.expect_line("Schemas", "the `Schemas` heading after the last tag")?;
    let mut schemas = Vec::with_capacity(nav.schemas.len());
    for (index, title) in nav.schemas.iter().enumerate() {
        let next = nav.schemas.get(index + 1).map(String::as_str);
        schemas.push(reader.schema(title, next)?);
    }
    if let Some(line) = reader.next_non_blank() {
        return Err(reader.error_at(line, "expected the end of the page after the last schema"));
    }
    Ok(Page {
        version,
        introduction,
        servers,
        tags,
        schemas,
    })
}

struct Navigation {
    tags: Vec<String>,
    schemas: Vec<String>,
}

struct Reader<'a> {
    lines: Vec<&'a str>,
    /// Index (0-based) of the next line to read.
    pos: usize,
}

const FLAGS: [&str; 4] = ["read-only", "write-only", "required", "deprecated"];
const TABLE_HEADERS: [(&str, bool); 3] = [
    ("Enum Value\tDescription", false),
    ("Items Enum Value\tDescription", true),
    ("Value\tDescription", false),
];
const LIST_HEADERS: [(&str, bool); 2] = [("Enum", false), ("Items Enum", true)];

impl<'a> Reader<'a> {
    fn line(&self, index: usize) -> Option<&'a str> {
        self.lines.get(index).copied()
    }

    fn error_at(&self, index: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(PAGE_FILE, Some(index + 1), message)
    }

    fn error_here(&self, message: impl Into<String>) -> Diagnostic {
        let index = self.pos.min(self.lines.len());
        self.error_at(index, message)
    }

    /// Index of the next non-blank line at or after `pos`.
    fn next_non_blank(&self) -> Option<usize> {
        (self.pos..self.lines.len()).find(|&i| !self.lines[i].trim().is_empty())
    }

    fn skip_blank(&mut self) {
        self.pos = self.next_non_blank().unwrap_or(self.lines.len());
    }

    fn expect_line(&mut self, expected: &str, what: &str) -> Result<usize, Diagnostic> {
        self.skip_blank();
        match self.line(self.pos) {
            Some(line) if line.trim() == expected => {
                self.pos += 1;
                Ok(self.pos - 1)
            }
            Some(line) => Err(self.error_here(format!("expected {what}, found `{}`", line.trim()))),
            None => Err(self.error_here(format!("expected {what}, found the end of the page"))),
        }
    }

    /// The navigation: tag names after `API Explorer`, then `Schemas` and `title / SCHEMA` pairs.
    fn navigation(&mut self) -> Result<Navigation, Diagnostic> {
        let start = (0..self.lines.len())
            .find(|&i| self.lines[i].trim() == "API Explorer")
            .ok_or_else(|| self.error_at(0, "expected the `API Explorer` navigation entry"))?;
        self.pos = start + 1;
        let mut tags = Vec::new();
        loop {
            let line = self
                .line(self.pos)
                .ok_or_else(|| {
                    self.error_here("expected tag names and then `Schemas` in the navigation")
                })?
                .trim();
            self.pos += 1;
            if line == "Schemas" {
                break;
            }
            if !line.is_empty() {
                tags.push(line.to_string());
            }
        }
        let mut schemas = Vec::new();
        loop {
            let title = self
                .line(self.pos)
                .ok_or_else(|| {
                    self.error_here("expected schema titles and then `Schemas` in the navigation")
                })?
                .trim();
            if title == "Schemas" {
                self.pos += 1;
                break;
            }
            match self.line(self.pos + 1).map(str::trim) {
                Some("SCHEMA") => schemas.push(title.to_string()),
                _ => {
                    return Err(self.error_here(format!(
                        "expected `SCHEMA` after the navigation entry `{title}`"
                    )));
                }
            }
            self.pos += 2;
        }
        if tags.is_empty() {
            return Err(self.error_at(start, "the navigation lists no tags after `API Explorer`"));
        }
        Ok(Navigation { tags, schemas })
    }

    /// `API Explorer (2.0.0)` and the introduction paragraph(s) up to `Languages` or `Servers`.
    fn title(&mut self) -> Result<(String, String), Diagnostic> {
        self.skip_blank();
        let line = self.line(self.pos).unwrap_or_default().trim();
        let version = line
            .strip_prefix("API Explorer (")
            .and_then(|rest| rest.strip_suffix(')'))
            .ok_or_else(|| {
                self.error_here(format!(
                    "expected the page title `API Explorer (<version>)`, found `{line}`"
                ))
            })?
            .to_string();
        self.pos += 1;
        let mut paragraphs = Vec::new();
        while let Some(line) = self.line(self.pos) {
            let line = line.trim();
            if line == "Languages" || line == "Servers" {
                break;
            }
            if !line.is_empty() {
                paragraphs.push(line.to_string());
            }
            self.pos += 1;
        }
        Ok((version, paragraphs.join("\n\n")))
    }

    /// `Servers`, then `description / url` pairs up to the first tag block.
    fn servers(&mut self, first_tag: Option<&str>) -> Result<Vec<Server>, Diagnostic> {
        let start = (self.pos..self.lines.len())
            .find(|&i| self.lines[i].trim() == "Servers")
            .ok_or_else(|| self.error_here("expected the `Servers` list"))?;
        self.pos = start + 1;
        let mut servers = Vec::new();
        let mut description: Option<String> = None;
        while let Some(line) = self.line(self.pos) {
            let line = line.trim();
            if Some(line) == first_tag && description.is_none() {
                break;
            }
            if line.starts_with("http://") || line.starts_with("https://") {
                servers.push(Server {
                    description: description.take().unwrap_or_default(),
                    url: line.to_string(),
                    line: self.pos + 1,
                });
            } else if !line.is_empty()
                && let Some(previous) = description.replace(line.to_string())
            {
                return Err(self.error_at(
                    self.pos - 1,
                    format!("expected a server URL after `{previous}`"),
                ));
            }
            self.pos += 1;
        }
        if servers.is_empty() {
            return Err(self.error_at(start, "the `Servers` list names no server"));
        }
        Ok(servers)
    }

    /// A tag block: name, description, optional `Operations` with `METHOD / path` pairs, `+ Show`.
    fn tag(&mut self, name: &str, next: Option<&str>) -> Result<Tag, Diagnostic> {
        let line = self.expect_line(name, &format!("the tag block `{name}`"))? + 1;
        let mut description = Vec::new();
        let mut operations = Vec::new();
        let mut in_operations = false;
        while let Some(text) = self.line(self.pos) {
            let text = text.trim();
            if text == "+ Show" {
                self.pos += 1;
                break;
            }
            if (Some(text) == next || text == "Schemas") && !in_operations {
                break;
            }
            if text == "Operations" {
                in_operations = true;
            } else if in_operations && is_method(text) {
                let path = self.line(self.pos + 1).map(str::trim).unwrap_or_default();
                if !path.starts_with('/') {
                    return Err(self.error_at(
                        self.pos + 1,
                        format!("expected a path after `{text}` in tag `{name}`"),
                    ));
                }
                operations.push(OperationListing {
                    method: text.to_string(),
                    path: path.to_string(),
                    line: self.pos + 1,
                });
                self.pos += 1;
            } else if in_operations && !text.is_empty() {
                return Err(self.error_here(format!(
                    "expected an HTTP method or `+ Show` in the operations of tag `{name}`, found `{text}`"
                )));
            } else if !text.is_empty() {
                description.push(text.to_string());
            }
            self.pos += 1;
        }
        Ok(Tag {
            name: name.to_string(),
            description: description.join("\n\n"),
            operations,
            line,
        })
    }

    /// A schema block: title, description, properties (or a bare type), JSON example.
    fn schema(&mut self, title: &str, next: Option<&str>) -> Result<SchemaBlock, Diagnostic> {
        let line = self.expect_line(title, &format!("the schema `{title}`"))? + 1;
        let mut description = Vec::new();
        let shape;
        loop {
            let Some(text) = self.line(self.pos) else {
                shape = SchemaShape::Properties(Vec::new());
                break;
            };
            if self.property_starts_at(self.pos) {
                shape = SchemaShape::Properties(self.properties(next)?);
                break;
            }
            if is_type_line(text.trim()) {
                shape = self.bare_shape(title, next, &mut description)?;
                break;
            }
            if self.example_starts_at(self.pos) || self.block_ends_at(self.pos, next) {
                shape = SchemaShape::Properties(Vec::new());
                break;
            }
            self.check_not_unknown_type(self.pos)?;
            if !text.trim().is_empty() {
                description.push(text.trim().to_string());
            }
            self.pos += 1;
        }
        let example = self.example()?;
        self.skip_blank();
        if self.pos < self.lines.len() && !self.block_ends_at(self.pos, next) {
            return Err(self.error_here(format!(
                "expected {} after the schema `{title}`",
                next.map_or("the end of the page".to_string(), |next| format!(
                    "the schema `{next}`"
                ))
            )));
        }
        Ok(SchemaBlock {
            title: title.to_string(),
            description: description.join("\n\n"),
            line,
            shape,
            example,
        })
    }

    /// `object` / `(Title)` / description: a schema shown only as its type.
    fn bare_shape(
        &mut self,
        title: &str,
        next: Option<&str>,
        description: &mut Vec<String>,
    ) -> Result<SchemaShape, Diagnostic> {
        let line = self.pos + 1;
        let ty = parse_type_line(self.line(self.pos).unwrap_or_default().trim())
            .map_err(|message| self.error_here(message))?;
        self.pos += 1;
        if self.line(self.pos).map(str::trim) == Some(&format!("({title})")) {
            self.pos += 1;
        }
        // The page repeats the schema description under the type; keep it once.
        while let Some(text) = self.line(self.pos) {
            if self.example_starts_at(self.pos)
                || self.block_ends_at(self.pos, next)
                || self.property_starts_at(self.pos)
            {
                break;
            }
            let text = text.trim();
            if !text.is_empty() && !description.iter().any(|known| known == text) {
                description.push(text.to_string());
            }
            self.pos += 1;
        }
        Ok(SchemaShape::Bare { ty, line })
    }

    /// The JSON example that closes a schema block, if there is one.
    fn example(&mut self) -> Result<Option<PageExample>, Diagnostic> {
        self.skip_blank();
        if !self.example_starts_at(self.pos) {
            return Ok(None);
        }
        let start = self.pos;
        let end = value_extent(&self.lines, start).ok_or_else(|| {
            self.error_at(
                start,
                "expected the JSON example to be closed before the end of the page",
            )
        })?;
        let text = self.lines[start..=end].join("\n");
        let value = parse_example(&text, start + 1)?;
        self.pos = end + 1;
        Ok(Some(PageExample {
            value,
            line: start + 1,
        }))
    }

    /// An entity example starts with a bracket at the line start (and is not a `[ a .. b ]` range).
    fn example_starts_at(&self, index: usize) -> bool {
        self.line(index).is_some_and(|line| {
            line.starts_with('{')
                || (line.starts_with('[') && parse_constraint(line.trim(), false).is_none())
        })
    }

    /// The next schema's title followed by a blank line ends the current block.
    fn block_ends_at(&self, index: usize, next: Option<&str>) -> bool {
        next.is_some_and(|next| {
            self.line(index).map(str::trim) == Some(next)
                && self
                    .line(index + 1)
                    .is_none_or(|line| line.trim().is_empty())
        })
    }

    /// A property starts with its name line directly followed by a type line.
    fn property_starts_at(&self, index: usize) -> bool {
        match (self.line(index), self.line(index + 1)) {
            (Some(name), Some(ty)) => is_property_name(name.trim()) && is_type_line(ty.trim()),
            _ => false,
        }
    }

    /// A name-like line followed by a type-shaped line that is not a known type is an unknown type
    /// line: an error, because reading it as description would drop the property silently.
    fn check_not_unknown_type(&self, index: usize) -> Result<(), Diagnostic> {
        let (Some(name), Some(ty)) = (self.line(index), self.line(index + 1)) else {
            return Ok(());
        };
        let (name, ty) = (name.trim(), ty.trim());
        if is_property_name(name) && is_type_shaped(ty) && !is_type_line(ty) {
            let message = parse_type_line(ty).err().unwrap_or_default();
            return Err(self.error_at(
                index + 1,
                format!("expected a type line for property `{name}`: {message}"),
            ));
        }
        Ok(())
    }

    fn properties(&mut self, next: Option<&str>) -> Result<Vec<Property>, Diagnostic> {
        let mut properties = Vec::new();
        while self.property_starts_at(self.pos) {
            properties.push(self.property(next)?);
        }
        Ok(properties)
    }

    fn property(&mut self, next: Option<&str>) -> Result<Property, Diagnostic> {
        let name_index = self.pos;
        let name = self.line(name_index).unwrap_or_default().trim().to_string();
        let path = parse_path(&name).map_err(|message| self.error_at(name_index, message))?;
        let ty = parse_type_line(self.line(name_index + 1).unwrap_or_default().trim())
            .map_err(|message| self.error_at(name_index + 1, message))?;
        self.pos = name_index + 2;
        let mut property = Property {
            name,
            path,
            line: name_index + 1,
            ty,
            format: None,
            read_only: false,
            write_only: false,
            required: false,
            deprecated: false,
            constraints: Vec::new(),
            description: None,
            enumeration: None,
            default: None,
            example: None,
            collapsed: None,
        };
        if let Some(format) = self
            .line(self.pos)
            .map(str::trim)
            .and_then(|line| line.strip_prefix('('))
            .and_then(|line| line.strip_suffix(')'))
        {
            property.format = Some(format.to_string());
            self.pos += 1;
        }
        let mut paragraphs: Vec<Vec<String>> = Vec::new();
        let mut paragraph_open = false;
        while let Some(raw) = self.line(self.pos) {
            let index = self.pos;
            let text = raw.trim();
            if self.property_starts_at(index)
                || self.example_starts_at(index)
                || self.block_ends_at(index, next)
            {
                break;
            }
            self.check_not_unknown_type(index)?;
            self.pos += 1;
            if text.is_empty() {
                paragraph_open = false;
                continue;
            }
            if let Some(flag) = FLAGS.iter().find(|flag| **flag == text) {
                match *flag {
                    "read-only" => property.read_only = true,
                    "write-only" => property.write_only = true,
                    "required" => property.required = true,
                    _ => property.deprecated = true,
                }
            } else if let Some(constraint) = parse_constraint(text, paragraphs.is_empty()) {
                property.constraints.push(constraint);
            } else if let Some((_, on_items)) = TABLE_HEADERS
                .iter()
                .find(|(header, _)| *header == raw.trim_end_matches(['\r', ' ']))
            {
                let enumeration = self.enum_table(*on_items, index)?;
                self.set_enumeration(&mut property, enumeration, index)?;
            } else if let Some((_, on_items)) =
                LIST_HEADERS.iter().find(|(header, _)| *header == text)
            {
                let enumeration = self.enum_list(*on_items, index)?;
                self.set_enumeration(&mut property, enumeration, index)?;
            } else if let Some(count) = parse_more(text) {
                match property.enumeration.as_mut() {
                    Some(enumeration) if enumeration.truncated.is_none() => {
                        enumeration.truncated = Some(count)
                    }
                    _ => {
                        return Err(
                            self.error_at(index, format!("`{text}` does not follow an enum list"))
                        );
                    }
                }
            } else if text == "Default" {
                property.default =
                    Some(self.literal_value(index, "a default value after `Default`")?);
            } else if text == "Example:" {
                property.example =
                    Some(self.literal_value(index, "an example value after `Example:`")?);
            } else if text == "+" {
                property.collapsed = Some(self.collapsed(index)?);
            } else if text == "-" {
                // The page expanded this property: its sub-properties follow as dotted names.
            } else {
                if !paragraph_open {
                    paragraphs.push(Vec::new());
                    paragraph_open = true;
                }
                if let Some(paragraph) = paragraphs.last_mut() {
                    paragraph.push(text.to_string());
                }
            }
        }
        if !paragraphs.is_empty() {
            let text: Vec<String> = paragraphs.iter().map(|lines| lines.join("\n")).collect();
            property.description = Some(text.join("\n\n"));
        }
        Ok(property)
    }

    fn set_enumeration(
        &self,
        property: &mut Property,
        enumeration: Enumeration,
        index: usize,
    ) -> Result<(), Diagnostic> {
        if property.enumeration.is_some() {
            return Err(self.error_at(
                index,
                format!("a second enum for property `{}`", property.name),
            ));
        }
        property.enumeration = Some(enumeration);
        Ok(())
    }

    /// The line after a `Default` / `Example:` heading, as JSON (text that is not JSON is kept as a
    /// string: the page shows some examples unquoted).
    fn literal_value(&mut self, heading: usize, what: &str) -> Result<Value, Diagnostic> {
        let text = self
            .line(self.pos)
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .ok_or_else(|| self.error_at(heading + 1, format!("expected {what}")))?;
        self.pos += 1;
        Ok(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string())))
    }

    /// `+` / `Show 5 properties` (or `Show property`, `Show 3 array properties`).
    fn collapsed(&mut self, plus: usize) -> Result<Collapsed, Diagnostic> {
        let text = self.line(self.pos).map(str::trim).unwrap_or_default();
        let collapsed = parse_show(text).ok_or_else(|| {
            self.error_at(
                plus + 1,
                format!("expected `Show N properties` after `+`, found `{text}`"),
            )
        })?;
        self.pos += 1;
        let (count, on_items) = collapsed;
        Ok(Collapsed {
            count,
            on_items,
            line: plus + 1,
        })
    }

    /// `Enum Value / Description` rows: a value line ending in a tab, then its description.
    fn enum_table(&mut self, on_items: bool, header: usize) -> Result<Enumeration, Diagnostic> {
        let mut values = Vec::new();
        loop {
            self.skip_blank();
            let Some(raw) = self.line(self.pos) else {
                break;
            };
            let Some(value) = raw.strip_suffix('\t').or_else(|| raw.strip_suffix("\t\r")) else {
                break;
            };
            let line = self.pos + 1;
            self.pos += 1;
            let mut description = Vec::new();
            self.skip_blank();
            while let Some(text) = self.line(self.pos) {
                let text = text.trim_end_matches('\r');
                if text.trim().is_empty()
                    || text.ends_with('\t')
                    || parse_more(text.trim()).is_some()
                    || text.trim() == "Example:"
                {
                    break;
                }
                description.push(text.trim().to_string());
                self.pos += 1;
            }
            values.push(EnumValue {
                literal: EnumLiteral::Raw(value.trim().to_string()),
                description: (!description.is_empty()).then(|| description.join("\n")),
                line,
            });
        }
        if values.is_empty() {
            return Err(self.error_at(
                header,
                "expected enum rows (`value<TAB>`) after the enum table header",
            ));
        }
        Ok(Enumeration {
            on_items,
            values,
            truncated: None,
            line: header + 1,
        })
    }

    /// `Enum` followed by one JSON literal per line.
    fn enum_list(&mut self, on_items: bool, header: usize) -> Result<Enumeration, Diagnostic> {
        let mut values = Vec::new();
        while let Some(text) = self.line(self.pos) {
            let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
                break;
            };
            if value.is_object() || value.is_array() {
                break;
            }
            values.push(EnumValue {
                literal: EnumLiteral::Json(value),
                description: None,
                line: self.pos + 1,
            });
            self.pos += 1;
        }
        if values.is_empty() {
            return Err(self.error_at(header, "expected one JSON value per line after `Enum`"));
        }
        Ok(Enumeration {
            on_items,
            values,
            truncated: None,
            line: header + 1,
        })
    }
}

fn is_method(text: &str) -> bool {
    matches!(
        text,
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "TRACE"
    )
}

/// Property names: no spaces; letters, digits and the punctuation the page uses in paths.
fn is_property_name(text: &str) -> bool {
    !text.is_empty()
        && !FLAGS.contains(&text)
        && !matches!(text, "Example:" | "Default" | "Enum" | "+" | "-")
        && parse_constraint(text, true).is_none()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "_.[]-$@".contains(c))
        && text.chars().any(|c| c.is_alphanumeric())
}

/// Words joined by ` or `, optionally after `Array of `: the shape of a type line.
fn is_type_shaped(text: &str) -> bool {
    let body = text.strip_prefix("Array of ").unwrap_or(text);
    !FLAGS.contains(&text)
        && !body.is_empty()
        && body.split(" or ").count() <= 6
        && body
            .split(" or ")
            .all(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()))
}

/// `a.b[].c` → `[Field(a), Field(b), Items, Field(c)]`.
pub fn parse_path(name: &str) -> Result<Vec<PathSegment>, String> {
    let mut path = Vec::new();
    for part in name.split('.') {
        let mut field = part;
        let mut items = 0;
        while let Some(rest) = field.strip_suffix("[]") {
            field = rest;
            items += 1;
        }
        if field.is_empty() || field.contains(['[', ']']) {
            return Err(format!(
                "expected a property path like `a.b[].c`, found `{name}`"
            ));
        }
        path.push(PathSegment::Field(field.to_string()));
        path.extend(std::iter::repeat_n(PathSegment::Items, items));
    }
    Ok(path)
}

/// `+92 more`.
fn parse_more(text: &str) -> Option<usize> {
    text.strip_prefix('+')?.strip_suffix(" more")?.parse().ok()
}

/// `Show property` / `Show 5 properties` / `Show array property` / `Show 3 array properties`.
fn parse_show(text: &str) -> Option<(usize, bool)> {
    let rest = text.strip_prefix("Show ")?;
    let (count, rest) = match rest.split_once(' ') {
        Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit()) => {
            (number.parse().ok()?, rest)
        }
        _ => (1, rest),
    };
    let (on_items, rest) = match rest.strip_prefix("array ") {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    matches!(rest, "property" | "properties").then_some((count, on_items))
}

/// Constraint lines: `[ 0 .. 1440 ]`, `>= 0 items`, `<= 100 characters`, `non-empty`, and
/// regular expressions (`^…`), which the page prints only before the description.
fn parse_constraint(text: &str, before_description: bool) -> Option<Constraint> {
    if text == "non-empty" {
        return Some(Constraint::NonEmpty);
    }
    if before_description && text.starts_with('^') {
        return Some(Constraint::Pattern(text.to_string()));
    }
    let (body, unit) = split_unit(text);
    if let Some(inner) = body
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
    {
        let (min, max) = inner.split_once("..")?;
        let bound = |text: &str| -> Option<Option<f64>> {
            let text = text.trim();
            if text.is_empty() {
                Some(None)
            } else {
                text.parse().ok().map(Some)
            }
        };
        return Some(Constraint::Range {
            min: bound(min)?,
            max: bound(max)?,
            exclusive_min: false,
            exclusive_max: false,
            unit,
        });
    }
    let (operator, number) = [">=", "<=", ">", "<"]
        .iter()
        .find_map(|op| body.strip_prefix(op).map(|rest| (*op, rest.trim())))?;
    let value: f64 = number.parse().ok()?;
    let (min, max) = if operator.starts_with('>') {
        (Some(value), None)
    } else {
        (None, Some(value))
    };
    Some(Constraint::Range {
        min,
        max,
        exclusive_min: operator == ">",
        exclusive_max: operator == "<",
        unit,
    })
}

fn split_unit(text: &str) -> (&str, RangeUnit) {
    for (suffix, unit) in [
        (" items", RangeUnit::Items),
        (" characters", RangeUnit::Characters),
        (" properties", RangeUnit::Properties),
    ] {
        if let Some(body) = text.strip_suffix(suffix) {
            return (body.trim(), unit);
        }
    }
    (text, RangeUnit::Value)
}

#[cfg(test)]
mod tests;
