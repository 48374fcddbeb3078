//! Collects the changes of one comparison, classifying each as it is recorded.

use super::classify::classify;
use super::model::{Change, Kind, Report, TextChange};

#[derive(Debug, Default)]
pub struct Recorder {
    report: Report,
}

impl Recorder {
    pub fn change(&mut self, location: &str, kind: Kind, in_request: bool) {
        let impact = classify(&kind, in_request);
        self.report.changes.push(Change {
            location: location.to_owned(),
            kind,
            in_request,
            impact,
        });
    }

    /// Records a documentation text when it differs.
    pub fn text(&mut self, location: &str, old: Option<&str>, new: Option<&str>) {
        if old != new {
            self.report.descriptions.push(TextChange {
                location: location.to_owned(),
                old: old.map(str::to_owned),
                new: new.map(str::to_owned),
            });
        }
    }

    /// Records a change the generated client does not see.
    pub fn other(&mut self, location: &str, keyword: &str) {
        self.report.other.push(format!("{location}: {keyword}"));
    }

    pub fn finish(mut self) -> Report {
        self.report.sort();
        self.report
    }
}
