//! Finds the campaigns that reached a lead and prints the per-step analytics of each, with two
//! operations the scraped page alone left untyped:
//! `cargo run -p instantly --example campaign_steps -- lead@example.com`.

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let Some(email) = std::env::args().nth(1) else {
        eprintln!("usage: campaign_steps <lead email>");
        return Ok(());
    };
    let client = instantly::Client::from_env()?;
    let found = client
        .search_campaigns_by_contact()
        .search(email)
        .send()
        .await?;
    for campaign in found.items.unwrap_or_default() {
        println!("{} ({:?})", campaign.name, campaign.status);
        let steps = client
            .get_campaign_analytics_steps()
            .campaign_id(campaign.id)
            .include_opportunities_count(true)
            .send()
            .await?;
        for step in steps {
            println!(
                "  step {} variant {}: {} sent, {} opened, {} replies",
                step.step.as_deref().unwrap_or("?"),
                step.variant.as_deref().unwrap_or("?"),
                step.sent,
                step.unique_opened,
                step.unique_replies
            );
        }
    }
    Ok(())
}
