//! Creates a campaign with one weekday schedule: `cargo run -p instantly --example create_campaign`.

use instantly::types::{
    CampaignCampaignScheduleSchedulesItem, CampaignCampaignScheduleSchedulesItemDays,
    CampaignCampaignScheduleSchedulesItemTimezone, CampaignCampaignScheduleSchedulesItemTiming,
    CreateCampaignRequest, CreateCampaignRequestCampaignSchedule,
};

#[tokio::main]
async fn main() -> Result<(), instantly::Error> {
    let client = instantly::Client::from_env()?;
    let weekdays = CampaignCampaignScheduleSchedulesItemDays {
        _1: Some(true),
        _2: Some(true),
        _3: Some(true),
        _4: Some(true),
        _5: Some(true),
        ..Default::default()
    };
    let schedule = CampaignCampaignScheduleSchedulesItem {
        name: "Office hours".into(),
        timing: CampaignCampaignScheduleSchedulesItemTiming {
            from: "09:00".into(),
            to: "17:00".into(),
            ..Default::default()
        },
        days: weekdays,
        timezone: CampaignCampaignScheduleSchedulesItemTimezone::from("America/Chicago"),
        additional_properties: Default::default(),
    };
    let request = CreateCampaignRequest {
        name: "Spring outreach".into(),
        campaign_schedule: CreateCampaignRequestCampaignSchedule {
            schedules: vec![schedule],
            ..Default::default()
        },
        daily_limit: 50.0.into(),
        ..Default::default()
    };
    let campaign = client.create_campaign(request).send().await?;
    println!("created {} ({:?})", campaign.name, campaign.id);
    Ok(())
}
