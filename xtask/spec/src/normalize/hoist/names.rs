//! The naming rule for hoisted types: the shortest qualified name nobody else claims.
//!
//! A place's segments run from the outermost named thing to the place
//! (`Campaign.campaign_schedule.schedules[].timing` → `Campaign`, `CampaignSchedule`,
//! `Schedule`, `Timing`). A hoisted type first claims its last segment alone (`Timing`). Every
//! type whose claim is also claimed by another hoisted type, or is an existing component's
//! name, takes one more segment (`ScheduleTiming`), and so on until the claims differ. So a
//! name depends only on the set of shapes, never on the order of the page, and two shapes never
//! share a name. A segment that starts with the one before it does not repeat it
//! (`Campaign` + `CampaignSchedule` is `CampaignSchedule`). A type that runs out of segments
//! while still colliding takes its kind (`Object`, `Enum`, `Union`) and, as a last resort, a
//! number; both are warned about, and `spec/overrides.yaml` (`types:`) renames any hoisted type.

use std::collections::{BTreeMap, BTreeSet};

/// One type to name: its segments (outermost first, never empty) and its kind word.
pub struct Claim<'a> {
    pub segments: &'a [String],
    pub kind: &'static str,
}

/// The names of `claims`, in order, and the indices that needed the fallback.
pub fn assign(claims: &[Claim<'_>], taken: &BTreeSet<String>) -> (Vec<String>, Vec<usize>) {
    let mut levels = vec![1usize; claims.len()];
    let mut names: Vec<String> = claims
        .iter()
        .map(|claim| joined(claim.segments, 1))
        .collect();
    loop {
        let colliding = collisions(&names, taken);
        if colliding.is_empty() {
            return (names, Vec::new());
        }
        let mut grew = false;
        for &index in &colliding {
            let claim = &claims[index];
            if levels[index] < claim.segments.len() {
                levels[index] += 1;
                names[index] = joined(claim.segments, levels[index]);
                grew = true;
            }
        }
        if !grew {
            return fallback(claims, names, &colliding, taken);
        }
    }
}

/// Kind word, then a number, for the claims that ran out of segments.
fn fallback(
    claims: &[Claim<'_>],
    mut names: Vec<String>,
    colliding: &[usize],
    taken: &BTreeSet<String>,
) -> (Vec<String>, Vec<usize>) {
    for &index in colliding {
        names[index] = format!("{}{}", names[index], claims[index].kind);
    }
    let mut used: BTreeSet<String> = taken.clone();
    let mut counts = BTreeMap::<String, usize>::new();
    for name in &names {
        *counts.entry(name.clone()).or_default() += 1;
    }
    for (index, name) in names.iter_mut().enumerate() {
        if colliding.contains(&index) && (counts[name.as_str()] > 1 || taken.contains(name)) {
            let mut number = 2;
            while used.contains(&format!("{name}{number}")) {
                number += 1;
            }
            *name = format!("{name}{number}");
        }
        used.insert(name.clone());
    }
    (names, colliding.to_vec())
}

/// Indices whose name another claim or an existing name also has.
fn collisions(names: &[String], taken: &BTreeSet<String>) -> Vec<usize> {
    let mut counts = BTreeMap::<&str, usize>::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    (0..names.len())
        .filter(|&index| counts[names[index].as_str()] > 1 || taken.contains(&names[index]))
        .collect()
}

/// The last `count` segments joined, a segment that starts with the previous one not
/// repeating it.
fn joined(segments: &[String], count: usize) -> String {
    let start = segments.len().saturating_sub(count);
    let mut name = String::new();
    let mut previous = "";
    for segment in &segments[start..] {
        let repeats = !previous.is_empty()
            && segment.starts_with(previous)
            && segment[previous.len()..].starts_with(|c: char| c.is_ascii_uppercase());
        if repeats {
            name.push_str(&segment[previous.len()..]);
        } else {
            name.push_str(segment);
        }
        previous = segment;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(path: &str) -> Vec<String> {
        path.split('.').map(str::to_owned).collect()
    }

    fn names(paths: &[&str], taken: &[&str]) -> Vec<String> {
        let owned: Vec<Vec<String>> = paths.iter().map(|path| segments(path)).collect();
        let claims: Vec<Claim<'_>> = owned
            .iter()
            .map(|segments| Claim {
                segments,
                kind: "Object",
            })
            .collect();
        let taken = taken.iter().map(|name| name.to_string()).collect();
        assign(&claims, &taken).0
    }

    #[test]
    fn a_unique_last_segment_is_the_name() {
        assert_eq!(
            names(&["Campaign.CampaignSchedule.Schedule.Timezone"], &[]),
            ["Timezone"]
        );
    }

    #[test]
    fn colliding_claims_all_take_one_more_segment() {
        assert_eq!(
            names(
                &[
                    "Campaign.CampaignSchedule.Schedule.Timing",
                    "InboxPlacementTest.Schedule.Timing"
                ],
                &[]
            ),
            [
                "CampaignScheduleScheduleTiming",
                "InboxPlacementTestScheduleTiming"
            ]
        );
    }

    #[test]
    fn existing_components_keep_their_names() {
        assert_eq!(names(&["Campaign.Status"], &["Status"]), ["CampaignStatus"]);
    }

    #[test]
    fn a_segment_does_not_repeat_its_parent() {
        assert_eq!(
            names(
                &["Campaign.CampaignSchedule"],
                &["CampaignSchedule2", "Campaign"]
            ),
            ["CampaignSchedule"]
        );
        assert_eq!(
            names(
                &["Campaign.CampaignSchedule", "Other.CampaignSchedule"],
                &[]
            ),
            ["CampaignSchedule", "OtherCampaignSchedule"]
        );
    }

    #[test]
    fn running_out_of_segments_falls_back_to_the_kind() {
        assert_eq!(
            names(&["Account.Warmup"], &["AccountWarmup", "Warmup"]),
            ["AccountWarmupObject"]
        );
    }
}
