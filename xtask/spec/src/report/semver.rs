//! The version bump a report asks of the client crate.

use std::fmt;

use super::model::Level;

/// A `major.minor.patch` version (pre-release and build suffixes are not used here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    pub fn parse(text: &str) -> Result<Version, String> {
        let parts: Vec<&str> = text.split('.').collect();
        let number = |part: &str| part.parse::<u64>().ok();
        match parts.as_slice() {
            [major, minor, patch] => match (number(major), number(minor), number(patch)) {
                (Some(major), Some(minor), Some(patch)) => Ok(Version {
                    major,
                    minor,
                    patch,
                }),
                _ => Err(format!("`{text}` is not a major.minor.patch version")),
            },
            _ => Err(format!("`{text}` is not a major.minor.patch version")),
        }
    }

    pub fn bumped(self, bump: Bump) -> Version {
        match bump {
            Bump::Major => Version {
                major: self.major + 1,
                minor: 0,
                patch: 0,
            },
            Bump::Minor => Version {
                minor: self.minor + 1,
                patch: 0,
                ..self
            },
            Bump::Patch => Version {
                patch: self.patch + 1,
                ..self
            },
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bump {
    Major,
    Minor,
    Patch,
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bump::Major => "major",
            Bump::Minor => "minor",
            Bump::Patch => "patch",
        })
    }
}

/// Cargo's reading of semver: while the crate is 0.x the minor number is the breaking one, so a
/// breaking change bumps the minor version and anything else the patch. From 1.0: breaking →
/// major, new API → minor, documentation → patch.
pub fn bump_for(level: Level, version: Version) -> Option<Bump> {
    let pre_1_0 = version.major == 0;
    match level {
        Level::Unchanged => None,
        Level::Breaking if pre_1_0 => Some(Bump::Minor),
        Level::Breaking => Some(Bump::Major),
        Level::Compatible if pre_1_0 => Some(Bump::Patch),
        Level::Compatible => Some(Bump::Minor),
        Level::Documentation => Some(Bump::Patch),
    }
}
