//! `multipart/form-data` bodies: text fields and file parts, kept as data so that every retry
//! builds reqwest's form anew (a sent form is consumed).

use crate::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// A file sent as one part of a `multipart/form-data` body: its bytes, and optionally the file
/// name and content type the server sees.
///
/// ```
/// use instantly_runtime::FilePart;
/// let part = FilePart::new(b"a,b\n1,2\n".to_vec())
///     .file_name("leads.csv")
///     .content_type("text/csv");
/// assert_eq!(part.data().len(), 8);
/// ```
///
/// Where a document puts a binary string in JSON, a `FilePart` reads and writes the string's
/// text as its bytes.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FilePart {
    data: Vec<u8>,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl FilePart {
    pub fn new(data: impl Into<Vec<u8>>) -> Self {
        Self {
            data: data.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// The file name sent in the part's `Content-Disposition`.
    pub fn file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// The part's `Content-Type` (default: `application/octet-stream`).
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    pub fn data(&self) -> &[u8] {
        &self.data
    }
}

impl From<Vec<u8>> for FilePart {
    fn from(data: Vec<u8>) -> Self {
        Self::new(data)
    }
}

impl From<&[u8]> for FilePart {
    fn from(data: &[u8]) -> Self {
        Self::new(data)
    }
}

/// The bytes' length rather than the bytes.
impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilePart")
            .field("bytes", &self.data.len())
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl Serialize for FilePart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&String::from_utf8_lossy(&self.data))
    }
}

impl<'de> Deserialize<'de> for FilePart {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Self::new(text.into_bytes()))
    }
}

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    File(FilePart),
}

/// A `multipart/form-data` body, built field by field by generated code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Multipart {
    parts: Vec<(String, Part)>,
}

impl Multipart {
    pub fn new() -> Self {
        Self::default()
    }

    /// A field as text parts: a string as it is, a number or boolean as JSON text, each element
    /// of a list as a part of the same name, an object as JSON text; `null` (or an absent
    /// optional field) as no part.
    pub fn text<T: Serialize + ?Sized>(
        &mut self,
        operation: &'static str,
        name: &str,
        value: &T,
    ) -> Result<(), Error> {
        let value =
            serde_json::to_value(value).map_err(|source| Error::Encode { operation, source })?;
        match value {
            Value::Array(items) => items
                .into_iter()
                .for_each(|item| self.push_text(name, item)),
            value => self.push_text(name, value),
        }
        Ok(())
    }

    fn push_text(&mut self, name: &str, value: Value) {
        let text = match value {
            Value::Null => return,
            Value::String(text) => text,
            other => other.to_string(),
        };
        self.parts.push((name.to_owned(), Part::Text(text)));
    }

    /// A file field: one part per file (none for an absent optional one).
    pub fn file(&mut self, name: &str, files: &impl FileParts) {
        for file in files.file_parts() {
            self.parts.push((name.to_owned(), Part::File(file.clone())));
        }
    }

    /// Every property of a body that is no generated struct, each as [`Multipart::text`].
    pub fn from_value<T: Serialize + ?Sized>(
        operation: &'static str,
        body: &T,
    ) -> Result<Self, Error> {
        let value =
            serde_json::to_value(body).map_err(|source| Error::Encode { operation, source })?;
        let Value::Object(object) = value else {
            return Err(Error::Config(format!(
                "{operation}: a multipart body must be an object"
            )));
        };
        let mut form = Self::new();
        for (name, value) in &object {
            form.text(operation, name, value)?;
        }
        Ok(form)
    }

    /// reqwest's form for one attempt.
    pub(crate) fn to_form(&self, operation: &str) -> Result<reqwest::multipart::Form, Error> {
        let mut form = reqwest::multipart::Form::new();
        for (name, part) in &self.parts {
            form = match part {
                Part::Text(text) => form.text(name.clone(), text.clone()),
                Part::File(file) => {
                    let mut part = reqwest::multipart::Part::bytes(file.data.clone());
                    if let Some(file_name) = &file.file_name {
                        part = part.file_name(file_name.clone());
                    }
                    let content_type = file
                        .content_type
                        .as_deref()
                        .unwrap_or("application/octet-stream");
                    part = part.mime_str(content_type).map_err(|_| {
                        Error::Config(format!(
                            "{operation}: part {name:?} has a bad content type {content_type:?}"
                        ))
                    })?;
                    form.part(name.clone(), part)
                }
            };
        }
        Ok(form)
    }
}

/// The file parts of a field: one file, an optional one, or a list.
pub trait FileParts {
    fn file_parts(&self) -> impl Iterator<Item = &FilePart>;
}

impl FileParts for FilePart {
    fn file_parts(&self) -> impl Iterator<Item = &FilePart> {
        std::iter::once(self)
    }
}

impl<T: FileParts> FileParts for Option<T> {
    fn file_parts(&self) -> impl Iterator<Item = &FilePart> {
        self.iter().flat_map(FileParts::file_parts)
    }
}

impl<T: FileParts> FileParts for crate::Nullable<T> {
    fn file_parts(&self) -> impl Iterator<Item = &FilePart> {
        self.as_option().into_iter().flat_map(FileParts::file_parts)
    }
}

impl<T: FileParts> FileParts for Vec<T> {
    fn file_parts(&self) -> impl Iterator<Item = &FilePart> {
        self.iter().flat_map(FileParts::file_parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_text_parts_and_files_file_parts() {
        let mut form = Multipart::new();
        form.text("op", "model", "whisper-1").unwrap();
        form.text("op", "temperature", &0.5).unwrap();
        form.text("op", "include", &["a", "b"]).unwrap();
        form.text("op", "prompt", &None::<String>).unwrap();
        form.text("op", "meta", &serde_json::json!({"k": 1}))
            .unwrap();
        form.file("file", &FilePart::new(b"abc".to_vec()).file_name("a.wav"));
        form.file("extra", &None::<FilePart>);
        form.file(
            "many",
            &vec![FilePart::new(b"1".to_vec()), FilePart::new(b"2".to_vec())],
        );
        let names: Vec<(&str, String)> = form
            .parts
            .iter()
            .map(|(name, part)| {
                let shown = match part {
                    Part::Text(text) => text.clone(),
                    Part::File(file) => format!("{} bytes", file.data.len()),
                };
                (name.as_str(), shown)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("model", "whisper-1".to_owned()),
                ("temperature", "0.5".to_owned()),
                ("include", "a".to_owned()),
                ("include", "b".to_owned()),
                ("meta", "{\"k\":1}".to_owned()),
                ("file", "3 bytes".to_owned()),
                ("many", "1 bytes".to_owned()),
                ("many", "1 bytes".to_owned()),
            ]
        );
        assert!(form.to_form("op").is_ok());
        let mut bad = Multipart::new();
        bad.file("f", &FilePart::new(Vec::new()).content_type("not a type"));
        assert!(
            matches!(bad.to_form("op"), Err(Error::Config(message)) if message.contains("bad content type"))
        );
    }

    #[test]
    fn a_file_part_in_json_is_its_text() {
        let part: FilePart = serde_json::from_str("\"hello\"").unwrap();
        assert_eq!(part.data(), b"hello");
        assert_eq!(serde_json::to_string(&part).unwrap(), "\"hello\"");
        assert_eq!(
            format!("{part:?}"),
            "FilePart { bytes: 5, file_name: None, content_type: None }"
        );
    }
}
