//! The inputs mutations start from, and the input of each case.

use crate::check::Input;
use crate::rng::Rng;
use crate::{document, page};
use instantly_spec::normalize::document::SideInputs;
use serde_json::Value;
use std::path::Path;

/// Documents, relative to the workspace root.
const DOCUMENTS: &[&str] = &[
    "spec/openapi.yaml",
    "generator/codegen/tests/fixtures/mini.yaml",
    "tests/corpus/openapi/keeper.json",
    "tests/corpus/openapi/buildomat.json",
    "tests/corpus/openapi/propolis-server.json",
    "tests/corpus/openapi/nexus.json",
    "tests/corpus/openapi/cli-gen.json",
    "tests/corpus/openapi/param-collision.json",
    "tests/corpus/openapi/param-overrides.yaml",
    "tests/corpus/edge-cases/deep-refs.json",
    "tests/corpus/edge-cases/callbacks.json",
    "tests/corpus/edge-cases/multipart.json",
    "tests/corpus/edge-cases/openapi-3.1/boolean-schemas.json",
    "tests/corpus/edge-cases/openapi-3.1/const.json",
    "tests/corpus/edge-cases/openapi-3.1/content-media.json",
    "tests/corpus/edge-cases/openapi-3.1/defs.json",
    "tests/corpus/edge-cases/openapi-3.1/dialect.json",
    "tests/corpus/edge-cases/openapi-3.1/examples.json",
    "tests/corpus/edge-cases/openapi-3.1/exclusive-bounds.json",
    "tests/corpus/edge-cases/openapi-3.1/path-items.json",
    "tests/corpus/edge-cases/openapi-3.1/prefix-items.json",
    "tests/corpus/edge-cases/openapi-3.1/ref-siblings.json",
    "tests/corpus/edge-cases/openapi-3.1/type-arrays.json",
    "tests/corpus/edge-cases/openapi-3.1/webhooks.json",
];

const PAGE: &str = "spec/instantly-api-v2.txt";
const FACTS: &str = "spec/operations.yaml";
const OVERRIDES: &str = "spec/overrides.yaml";

/// Documents above this size are always cut down to a few paths first: whole, they take
/// seconds per case in a debug build.
const WHOLE_DOCUMENT_LIMIT: usize = 40_000;

pub struct Seeds {
    /// Each document with the size of its text.
    documents: Vec<(Value, usize)>,
    page: String,
    /// The facts and overrides every page is normalized with.
    pub side: SideInputs,
}

impl Seeds {
    pub fn load(root: &Path) -> Result<Self, String> {
        let read = |relative: &str| {
            std::fs::read_to_string(root.join(relative))
                .map_err(|error| format!("{relative}: {error}"))
        };
        let mut documents = Vec::new();
        for relative in DOCUMENTS {
            let text = read(relative)?;
            let value: Value = if relative.ends_with(".json") {
                serde_json::from_str(&text).map_err(|error| format!("{relative}: {error}"))?
            } else {
                serde_norway::from_str(&text).map_err(|error| format!("{relative}: {error}"))?
            };
            documents.push((value, text.len()));
        }
        let side = SideInputs::parse(&read(FACTS)?, &read(OVERRIDES)?)
            .map_err(|error| error.to_string())?;
        Ok(Self {
            documents,
            page: read(PAGE)?,
            side,
        })
    }

    /// The input of case `case` of the run with `seed`: one in five is a page.
    pub fn input(&self, seed: u64, case: u64) -> Input {
        let mut rng = Rng::for_case(seed, case);
        if rng.one_in(5) {
            let mut text = self.page.clone();
            for _ in 0..=rng.below(3) {
                text = page::mutate(&text, &mut rng);
            }
            return Input::Page {
                text,
                chain: rng.one_in(10),
            };
        }
        let Some((seed_document, size)) = rng.pick(&self.documents) else {
            return Input::Document(String::new());
        };
        let mut value = if *size > WHOLE_DOCUMENT_LIMIT || !rng.one_in(4) {
            document::subset(seed_document, &mut rng)
        } else {
            seed_document.clone()
        };
        // One 3.0 document in six is read as 3.1: its schemas go through the lowering.
        if rng.one_in(6)
            && let Some(version) = value.get_mut("openapi")
        {
            *version = serde_json::json!("3.1.0");
        }
        for _ in 0..=rng.below(4) {
            document::mutate(&mut value, &mut rng);
        }
        let yaml = rng
            .one_in(8)
            .then(|| serde_norway::to_string(&value).ok())
            .flatten();
        Input::Document(yaml.unwrap_or_else(|| value.to_string()))
    }
}
