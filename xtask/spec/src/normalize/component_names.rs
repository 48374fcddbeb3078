//! Component names derived from page titles.

/// The component name of an entity schema: PascalCase words of its page title.
/// All-caps words are acronyms and read better as words (`API Key` → `ApiKey`,
/// `DFY Email Account Order` → `DfyEmailAccountOrder`); mixed case is kept (`SpamAssassin`).
pub fn component_name(title: &str) -> String {
    title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let all_caps = word.chars().all(|c| !c.is_ascii_lowercase());
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            let rest: String = if all_caps {
                chars.as_str().to_ascii_lowercase()
            } else {
                chars.as_str().to_string()
            };
            first.into_iter().collect::<String>() + &rest
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::component_name;

    #[test]
    fn titles_become_pascal_case() {
        assert_eq!(component_name("Lead List"), "LeadList");
        assert_eq!(component_name("API Key"), "ApiKey");
        assert_eq!(
            component_name("DFY Email Account Order"),
            "DfyEmailAccountOrder"
        );
        assert_eq!(
            component_name("Inbox Placement Blacklist & SpamAssassin Report"),
            "InboxPlacementBlacklistSpamAssassinReport"
        );
        assert_eq!(component_name("CRM Actions"), "CrmActions");
        assert_eq!(
            component_name("SuperSearch Enrichment"),
            "SuperSearchEnrichment"
        );
    }
}
