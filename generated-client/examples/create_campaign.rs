//! Creates a campaign with one weekday schedule: `cargo run -p instantly --example create_campaign`.

use instantly::types::{
    CreateCampaignRequest, CreateCampaignRequestCampaignSchedule,
    CreateCampaignRequestCampaignScheduleSchedulesItem,
    CreateCampaignRequestCampaignScheduleSchedulesItemDays,
    CreateCampaignRequestCampaignScheduleSchedulesItemTimezone,
    CreateCampaignRequestCampaignScheduleSchedulesItemTiming,
};

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let client = instantly::Client::from_env()?;
    let weekdays = CreateCampaignRequestCampaignScheduleSchedulesItemDays {
        _1: Some(true),
        _2: Some(true),
        _3: Some(true),
        _4: Some(true),
        _5: Some(true),
        ..Default::default()
    };
    let schedule = CreateCampaignRequestCampaignScheduleSchedulesItem::new(
        "Office hours",
        CreateCampaignRequestCampaignScheduleSchedulesItemTiming::new("09:00", "17:00"),
        weekdays,
        CreateCampaignRequestCampaignScheduleSchedulesItemTimezone::from("America/Chicago"),
    );
    // `new` takes the required fields; the optional ones are set beside it.
    let request = CreateCampaignRequest {
        daily_limit: 50.0.into(),
        ..CreateCampaignRequest::new(
            "Spring outreach",
            CreateCampaignRequestCampaignSchedule::new(vec![schedule]),
        )
    };
    let campaign = client.create_campaign(request).send().await?;
    println!("created {} ({:?})", campaign.name, campaign.id);
    Ok(())
}
