//! Query-string encoding. Arrays follow OpenAPI's default for query parameters (`style: form`,
//! `explode: true`): one `name=value` pair per element. `explode: false` joins the elements with
//! commas in one pair. Percent-encoding happens once, when the URL is built.

use crate::Nullable;

/// A value that can be written into the query string as zero or more strings.
pub trait QueryParam {
    /// Appends this value's string forms: none for an absent option, one for a scalar, one per
    /// element for a list.
    fn query_values(&self, out: &mut Vec<String>);
}

/// The query pairs of one request, in the order the generated code added them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryPairs(Vec<(String, String)>);

impl QueryPairs {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `value` exploded: one pair per string form.
    pub fn add<T: QueryParam + ?Sized>(&mut self, name: &str, value: &T) {
        let mut values = Vec::new();
        value.query_values(&mut values);
        self.0
            .extend(values.into_iter().map(|value| (name.to_owned(), value)));
    }

    /// Adds `value` as one pair whose string forms are joined by commas (`explode: false`).
    pub fn add_joined<T: QueryParam + ?Sized>(&mut self, name: &str, value: &T) {
        let mut values = Vec::new();
        value.query_values(&mut values);
        if !values.is_empty() {
            self.0.push((name.to_owned(), values.join(",")));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }
}

macro_rules! display_query_param {
    ($($ty:ty),* $(,)?) => {$(
        impl QueryParam for $ty {
            fn query_values(&self, out: &mut Vec<String>) {
                out.push(self.to_string());
            }
        }
    )*};
}

display_query_param!(
    str,
    String,
    bool,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f32,
    f64,
    uuid::Uuid,
    chrono::NaiveDate,
    crate::Date
);

impl QueryParam for chrono::DateTime<chrono::Utc> {
    fn query_values(&self, out: &mut Vec<String>) {
        out.push(self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
}

/// Free-form values: strings as themselves, arrays one value per element, `null` left out,
/// anything else as its JSON text.
impl QueryParam for serde_json::Value {
    fn query_values(&self, out: &mut Vec<String>) {
        match self {
            serde_json::Value::Null => {}
            serde_json::Value::String(text) => out.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|item| item.query_values(out)),
            other => out.push(other.to_string()),
        }
    }
}

impl<T: QueryParam + ?Sized> QueryParam for &T {
    fn query_values(&self, out: &mut Vec<String>) {
        (**self).query_values(out);
    }
}

impl<T: QueryParam> QueryParam for Option<T> {
    fn query_values(&self, out: &mut Vec<String>) {
        if let Some(value) = self {
            value.query_values(out);
        }
    }
}

impl<T: QueryParam> QueryParam for Nullable<T> {
    fn query_values(&self, out: &mut Vec<String>) {
        if let Nullable::Value(value) = self {
            value.query_values(out);
        }
    }
}

impl<T: QueryParam> QueryParam for [T] {
    fn query_values(&self, out: &mut Vec<String>) {
        for value in self {
            value.query_values(out);
        }
    }
}

impl<T: QueryParam> QueryParam for Vec<T> {
    fn query_values(&self, out: &mut Vec<String>) {
        self.as_slice().query_values(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(build: impl FnOnce(&mut QueryPairs)) -> Vec<(String, String)> {
        let mut query = QueryPairs::new();
        build(&mut query);
        query
            .iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn options_lists_and_scalars() {
        let got = pairs(|q| {
            q.add("limit", &Some(10));
            q.add("missing", &None::<String>);
            q.add("ids", &vec!["a", "b"]);
            q.add_joined("tags", &vec!["x", "y"]);
            q.add("flag", &true);
        });
        let want = [
            ("limit", "10"),
            ("ids", "a"),
            ("ids", "b"),
            ("tags", "x,y"),
            ("flag", "true"),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}
