//! Clears a campaign's daily limit with an explicit `null` and renames it, leaving every other
//! field untouched: `cargo run -p instantly --example patch_null -- <campaign id>`.

use instantly::Nullable;
use instantly::types::UpdateCampaignRequest;

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let Some(id) = std::env::args().nth(1).and_then(|id| id.parse().ok()) else {
        eprintln!("usage: patch_null <campaign id (a UUID)>");
        return Ok(());
    };
    let client = instantly::Client::from_env()?;
    let update = UpdateCampaignRequest {
        name: Some("Renamed".into()),
        // Sent as `"daily_limit": null`; fields left at their default are not sent at all.
        daily_limit: Nullable::Null,
        ..Default::default()
    };
    let campaign = client.update_campaign(id).body(update).send().await?;
    println!(
        "{} now has daily limit {:?}",
        campaign.name, campaign.daily_limit
    );
    Ok(())
}
