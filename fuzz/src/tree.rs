//! Addressing nodes of a JSON tree: every node's path, and the node at a path.

use serde_json::Value;

/// One step from a node to a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// The paths of every node under `value` (itself included, as the empty path), pre-order.
pub fn paths(value: &Value) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<Step>, &Value)> = vec![(Vec::new(), value)];
    while let Some((path, node)) = stack.pop() {
        match node {
            Value::Object(map) => {
                for (key, child) in map.iter().rev() {
                    let mut child_path = path.clone();
                    child_path.push(Step::Key(key.clone()));
                    stack.push((child_path, child));
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate().rev() {
                    let mut child_path = path.clone();
                    child_path.push(Step::Index(index));
                    stack.push((child_path, child));
                }
            }
            _ => {}
        }
        out.push(path);
    }
    out
}

pub fn get<'v>(value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(value, |node, step| match step {
        Step::Key(key) => node.get(key),
        Step::Index(index) => node.get(index),
    })
}

pub fn get_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |node, step| match step {
        Step::Key(key) => node.get_mut(key),
        Step::Index(index) => node.get_mut(index),
    })
}

/// Every `$ref` string under `value`.
pub fn references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                out.push(reference.clone());
            }
            map.values().for_each(|child| references(child, out));
        }
        Value::Array(items) => items.iter().for_each(|child| references(child, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_reach_every_node() {
        let value = json!({"a": [1, {"b": null}], "c": "d"});
        let paths = paths(&value);
        assert_eq!(paths.len(), 6);
        for path in &paths {
            assert!(get(&value, path).is_some(), "{path:?}");
        }
        let mut value = value;
        let b = [Step::Key("a".into()), Step::Index(1), Step::Key("b".into())];
        *get_mut(&mut value, &b).unwrap() = json!(2);
        assert_eq!(value["a"][1]["b"], 2);
    }
}
