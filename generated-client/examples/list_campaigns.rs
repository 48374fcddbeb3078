//! Lists the first page of campaigns: `INSTANTLY_API_KEY=… cargo run -p instantly --example list_campaigns`.

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let client = instantly::Client::from_env()?;
    let page = client.list_campaigns().limit(20).send().await?;
    for campaign in &page.items {
        println!("{}  {:?}", campaign.name, campaign.status);
    }
    if let Some(cursor) = &page.next_starting_after {
        println!("more after {cursor}");
    }
    Ok(())
}
