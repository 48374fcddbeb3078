//! Creates a campaign that sends the same emails on the same schedule as an existing one:
//! `cargo run -p instantly --example create_campaign -- <template campaign id>`.
//!
//! What `get_campaign` reads back (the schedule, the sequences of steps and variants) is what
//! `create_campaign` sends: the same types, so nothing is converted. Without a template id, the
//! example builds a weekday schedule by hand.

use instantly::types::{
    CampaignSchedule, CreateCampaignRequest, Schedule, ScheduleDays, ScheduleTiming, Timezone,
};

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let client = instantly::Client::from_env()?;
    let template = std::env::args().nth(1).and_then(|id| id.parse().ok());
    let (campaign_schedule, sequences) = match template {
        Some(id) => {
            let template = client.get_campaign(id).send().await?;
            (template.campaign_schedule, template.sequences)
        }
        None => (office_hours(), None),
    };
    let request = CreateCampaignRequest {
        sequences,
        daily_limit: 50.0.into(),
        ..CreateCampaignRequest::new("Spring outreach", campaign_schedule)
    };
    let campaign = client.create_campaign(request).send().await?;
    println!("created {} ({:?})", campaign.name, campaign.id);
    Ok(())
}

/// Monday to Friday, 9 to 5, Chicago time.
fn office_hours() -> CampaignSchedule {
    let weekdays = ScheduleDays {
        _1: Some(true),
        _2: Some(true),
        _3: Some(true),
        _4: Some(true),
        _5: Some(true),
        ..Default::default()
    };
    let timing = ScheduleTiming::new("09:00", "17:00");
    let schedule = Schedule::new(
        "Office hours",
        timing,
        weekdays,
        Timezone::from("America/Chicago"),
    );
    CampaignSchedule {
        schedules: vec![schedule],
        ..Default::default()
    }
}
