//! The operationId rule.
//!
//! An operationId is `verb` + `noun phrase` + `tail`, in snake_case, read from the method and
//! the path after `/api/v2`:
//!
//! 1. Segments are literals (`lead-lists`, `mark-as-read`) or parameters (`{id}`). The literal
//!    `current` counts as a parameter: like `{id}`, it names one item (`/workspaces/current`).
//! 2. The verb is an *action*: the last literal after the first whose first word is one of
//!    [`ACTION_VERBS`] (`/campaigns/{id}/activate`, `/accounts/warmup/enable`,
//!    `/emails/threads/{thread_id}/mark-as-read`). The action segment's other words are the
//!    tail (`mark-as-read` → `mark` + … + `as_read`). Without an action the verb comes from the
//!    method: GET is `list` on a bare collection (`/campaigns`) and `get` otherwise, POST
//!    `create`, PUT `replace`, PATCH `update`, DELETE `delete`.
//! 3. The noun phrase is every other literal, in path order. A literal followed by anything
//!    else in the path (a parameter or another literal) is singular (its last word loses its
//!    plural `s`: `campaigns/{id}` → `campaign`, `accounts/warmup` → `account`); the last
//!    literal keeps its path form, plural for collections (`list_campaigns`, `move_leads`),
//!    except after `create`, which makes one item (`create_campaign`).
//!
//! Examples: `GET /campaigns` → `list_campaigns`, `GET /campaigns/{id}` → `get_campaign`,
//! `POST /campaigns` → `create_campaign`, `POST /campaigns/{id}/activate` →
//! `activate_campaign`, `POST /accounts/warmup/enable` → `enable_account_warmup`,
//! `GET /campaigns/analytics/overview` → `get_campaign_analytics_overview`.
//!
//! Where the rule reads badly, `operation_id` in `spec/overrides.yaml` wins. Two operations
//! the rule names alike keep page order: the later one gets `_2`, `_3`, … and a warning.

use super::path::Segment;

/// First words of a path segment that name what the operation does rather than a resource.
pub const ACTION_VERBS: &[&str] = &[
    "activate",
    "add",
    "cancel",
    "change",
    "check",
    "count",
    "disable",
    "duplicate",
    "enable",
    "enrich",
    "export",
    "forward",
    "init",
    "list",
    "mark",
    "merge",
    "move",
    "pause",
    "preview",
    "remove",
    "reply",
    "resume",
    "run",
    "search",
    "share",
    "test",
    "toggle",
    "update",
    "verify",
];

/// The rule's operationId for `method` (upper case) on a path of `segments`.
pub fn rule_operation_id(method: &str, segments: &[Segment<'_>]) -> String {
    let segments: Vec<Segment<'_>> = segments
        .iter()
        .map(|s| treat_current_as_param(*s))
        .collect();
    let action = action_index(&segments);
    let (verb, tail) = match action {
        Some(index) => split_action(&segments[index]),
        None => (method_verb(method, &segments).to_string(), Vec::new()),
    };
    let nouns = noun_phrase(&segments, action, verb == "create");
    std::iter::once(verb)
        .chain(nouns)
        .chain(tail)
        .collect::<Vec<_>>()
        .join("_")
}

/// `ListCampaigns` for `list_campaigns`: the stem of component names derived from an operation.
pub fn pascal_case(operation_id: &str) -> String {
    operation_id
        .split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `list_campaigns` → `List campaigns`.
pub fn summary_from(operation_id: &str) -> String {
    let words = operation_id.replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Whether an overridden operationId is a plain snake_case identifier, like the rule's.
pub fn is_snake_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.ends_with('_')
        && !name.contains("__")
}

fn treat_current_as_param(segment: Segment<'_>) -> Segment<'_> {
    match segment {
        Segment::Literal("current") => Segment::Param("current"),
        other => other,
    }
}

/// The last literal after the first (the resource itself is never an action) whose first word
/// is an action verb.
fn action_index(segments: &[Segment<'_>]) -> Option<usize> {
    let first_literal = segments
        .iter()
        .position(|s| matches!(s, Segment::Literal(_)))?;
    segments
        .iter()
        .enumerate()
        .skip(first_literal + 1)
        .rev()
        .find(|(_, segment)| match segment {
            Segment::Literal(text) => words(text)
                .first()
                .is_some_and(|w| ACTION_VERBS.contains(&w.as_str())),
            Segment::Param(_) => false,
        })
        .map(|(index, _)| index)
}

fn split_action(segment: &Segment<'_>) -> (String, Vec<String>) {
    let Segment::Literal(text) = segment else {
        return (String::new(), Vec::new());
    };
    let mut words = words(text);
    let verb = if words.is_empty() {
        String::new()
    } else {
        words.remove(0)
    };
    (verb, words)
}

fn method_verb(method: &str, segments: &[Segment<'_>]) -> &'static str {
    let bare_collection = matches!(segments, [Segment::Literal(_)]);
    match method {
        "GET" if bare_collection => "list",
        "GET" => "get",
        "POST" => "create",
        "PUT" => "replace",
        "PATCH" => "update",
        "DELETE" => "delete",
        "HEAD" => "head",
        _ => "options",
    }
}

fn noun_phrase(
    segments: &[Segment<'_>],
    action: Option<usize>,
    singular_last: bool,
) -> Vec<String> {
    let kept: Vec<Segment<'_>> = segments
        .iter()
        .enumerate()
        .filter(|(index, _)| Some(*index) != action)
        .map(|(_, segment)| *segment)
        .collect();
    let mut nouns = Vec::new();
    for (index, segment) in kept.iter().enumerate() {
        let Segment::Literal(text) = segment else {
            continue;
        };
        let mut words = words(text);
        let followed = index + 1 < kept.len();
        if (followed || singular_last)
            && let Some(last) = words.last_mut()
        {
            *last = singular(last);
        }
        nouns.extend(words);
    }
    nouns
}

/// `mark-as-read` → [`mark`, `as`, `read`]; anything but ASCII letters and digits separates.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// English plural → singular for the words paths use; words that only look plural
/// (`status`, `analytics`, `address`) stay.
fn singular(word: &str) -> String {
    let keeps = ["ss", "us", "is", "ics"];
    if keeps.iter().any(|ending| word.ends_with(ending)) {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|stem| !stem.is_empty()) {
        return format!("{stem}y");
    }
    if let Some(stem) = word.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    word.strip_suffix('s')
        .filter(|stem| !stem.is_empty())
        .unwrap_or(word)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::super::path::segments;
    use super::*;

    fn name(method: &str, path: &str) -> String {
        rule_operation_id(method, &segments(path).unwrap())
    }

    #[test]
    fn collections_and_items() {
        assert_eq!(name("GET", "/api/v2/campaigns"), "list_campaigns");
        assert_eq!(name("POST", "/api/v2/campaigns"), "create_campaign");
        assert_eq!(name("GET", "/api/v2/campaigns/{id}"), "get_campaign");
        assert_eq!(name("PATCH", "/api/v2/campaigns/{id}"), "update_campaign");
        assert_eq!(name("DELETE", "/api/v2/campaigns/{id}"), "delete_campaign");
        assert_eq!(name("DELETE", "/api/v2/leads"), "delete_leads");
        assert_eq!(name("GET", "/api/v2/lead-lists"), "list_lead_lists");
        assert_eq!(name("GET", "/api/v2/accounts/{email}"), "get_account");
        assert_eq!(name("POST", "/api/v2/api-keys"), "create_api_key");
    }

    #[test]
    fn actions_come_first() {
        assert_eq!(
            name("POST", "/api/v2/campaigns/{id}/activate"),
            "activate_campaign"
        );
        assert_eq!(
            name("POST", "/api/v2/accounts/warmup/enable"),
            "enable_account_warmup"
        );
        assert_eq!(name("POST", "/api/v2/leads/move"), "move_leads");
        assert_eq!(name("POST", "/api/v2/leads/list"), "list_leads");
        assert_eq!(
            name("POST", "/api/v2/accounts/{email}/mark-fixed"),
            "mark_account_fixed"
        );
        assert_eq!(
            name("POST", "/api/v2/emails/threads/{thread_id}/mark-as-read"),
            "mark_email_thread_as_read"
        );
        assert_eq!(
            name("GET", "/api/v2/campaigns/search-by-contact"),
            "search_campaigns_by_contact"
        );
        // The resource itself is never the action, and the action may sit mid-path.
        assert_eq!(name("GET", "/api/v2/list-things"), "list_list_things");
        assert_eq!(
            name("POST", "/api/v2/accounts/test/vitals"),
            "test_account_vitals"
        );
    }

    #[test]
    fn sub_resources_and_current() {
        assert_eq!(
            name("GET", "/api/v2/campaigns/analytics/overview"),
            "get_campaign_analytics_overview"
        );
        assert_eq!(
            name("GET", "/api/v2/campaigns/{id}/sending-status"),
            "get_campaign_sending_status"
        );
        assert_eq!(
            name("GET", "/api/v2/oauth/session/status/{sessionId}"),
            "get_oauth_session_status"
        );
        assert_eq!(name("GET", "/api/v2/workspaces/current"), "get_workspace");
        assert_eq!(
            name("POST", "/api/v2/workspaces/current/change-owner"),
            "change_workspace_owner"
        );
        assert_eq!(
            name("DELETE", "/api/v2/crm-actions/phone-numbers/{id}"),
            "delete_crm_action_phone_number"
        );
    }

    #[test]
    fn singular_keeps_words_that_only_look_plural() {
        assert_eq!(singular("entries"), "entry");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("analytics"), "analytics");
        assert_eq!(singular("addresses"), "address");
        assert_eq!(singular("s"), "s");
    }

    #[test]
    fn derived_names() {
        assert_eq!(pascal_case("create_campaign"), "CreateCampaign");
        assert_eq!(summary_from("list_lead_lists"), "List lead lists");
        assert!(is_snake_case("get_account_2"));
        assert!(!is_snake_case("getAccount"));
        assert!(!is_snake_case("_get"));
        assert!(!is_snake_case(""));
    }
}
