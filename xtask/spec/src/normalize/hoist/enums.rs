//! Which enum places are one Rust enum.
//!
//! Enums are open (an `Unknown` catch-all keeps what a type does not list), so one enum can
//! serve places whose lists differ by a value: a place joins a family when its values are the
//! family's, or one more, or one fewer, and the descriptions they both give agree (the
//! descriptions name the variants; one disagreement means another meaning). The family lists
//! every value of its places. So a value added to one place on the page adds a variant to the
//! shared enum instead of splitting it in two. Lists further apart are kept apart even when
//! their words agree: `Active`, `Paused` are the words of many unrelated statuses.
//!
//! A place without descriptions joins the one related family with a place of the same name, else
//! the one family with exactly its values (among several, the one without descriptions), else
//! starts its own.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::places::Place;
use super::shape::described_values;
use super::{Cluster, PlacedSchema};

/// The places of one enum type, with every value and description they list.
struct Family {
    places: Vec<Place>,
    /// Values in order of first appearance.
    values: Vec<Value>,
    descriptions: BTreeMap<String, String>,
}

impl Family {
    fn keys(&self) -> BTreeSet<String> {
        self.values.iter().map(Value::to_string).collect()
    }

    /// The same values, or one more or one fewer.
    fn related(&self, keys: &BTreeSet<String>) -> bool {
        let own = self.keys();
        (keys.is_subset(&own) || own.is_subset(keys)) && own.symmetric_difference(keys).count() <= 1
    }

    /// Described places: related values, agreeing descriptions, at least one in common.
    fn accepts(&self, keys: &BTreeSet<String>, descriptions: &BTreeMap<String, String>) -> bool {
        let mut agreeing = 0;
        for (value, text) in descriptions {
            match self.descriptions.get(value) {
                Some(known) if known != text => return false,
                Some(_) => agreeing += 1,
                None => {}
            }
        }
        agreeing > 0 && self.related(keys)
    }

    fn join(&mut self, place: Place, values: Vec<(Value, Option<String>)>) {
        for (value, description) in values {
            let key = value.to_string();
            if let Some(text) = description {
                self.descriptions.entry(key.clone()).or_insert(text);
            }
            if !self.values.contains(&value) {
                self.values.push(value);
            }
        }
        self.places.push(place);
    }
}

/// Splits the enum places of one type into families, described places first.
pub fn enum_clusters(group: Vec<PlacedSchema>) -> Vec<Cluster> {
    let mut families: Vec<Family> = Vec::new();
    let mut undescribed = Vec::new();
    for (place, schema) in group {
        let values = described_values(&schema).unwrap_or_default();
        let descriptions: BTreeMap<String, String> = values
            .iter()
            .filter_map(|(value, text)| Some((value.to_string(), text.clone()?)))
            .collect();
        if descriptions.is_empty() {
            undescribed.push((place, values));
            continue;
        }
        let keys = values.iter().map(|(value, _)| value.to_string()).collect();
        match families
            .iter_mut()
            .find(|family| family.accepts(&keys, &descriptions))
        {
            Some(family) => family.join(place, values),
            None => families.push(new_family(place, values)),
        }
    }
    for (place, values) in undescribed {
        let keys: BTreeSet<String> = values.iter().map(|(value, _)| value.to_string()).collect();
        let same_name: Vec<usize> = (0..families.len())
            .filter(|&index| {
                let family = &families[index];
                family.related(&keys) && family.places.iter().any(|p| p.leaf == place.leaf)
            })
            .collect();
        let same_name = match same_name.as_slice() {
            [only] => Some(*only),
            _ => None,
        };
        let equal: Vec<usize> = (0..families.len())
            .filter(|&index| families[index].keys() == keys)
            .collect();
        let home = same_name.or(match equal.as_slice() {
            [only] => Some(*only),
            several => several
                .iter()
                .copied()
                .find(|&index| families[index].descriptions.is_empty()),
        });
        match home {
            Some(index) => families[index].join(place, values),
            None => families.push(new_family(place, values)),
        }
    }
    families
        .into_iter()
        .map(|family| Cluster {
            places: family.places,
            descriptions: (!family.descriptions.is_empty()).then_some(family.descriptions),
            values: Some(family.values),
        })
        .collect()
}

fn new_family(place: Place, values: Vec<(Value, Option<String>)>) -> Family {
    let mut family = Family {
        places: Vec::new(),
        values: Vec::new(),
        descriptions: BTreeMap::new(),
    };
    family.join(place, values);
    family
}
