//! Streams every lead across all pages: `cargo run -p instantly --example stream_leads`.

use futures::TryStreamExt;

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let client = instantly::Client::from_env()?;
    let mut leads = client.list_leads().into_stream();
    let mut count = 0_u64;
    while let Some(lead) = leads.try_next().await? {
        count += 1;
        println!("{:?}", lead.email);
    }
    println!("{count} leads");
    Ok(())
}
