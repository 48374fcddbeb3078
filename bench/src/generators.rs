//! The two generators behind one interface, with panics caught and reported.

use openapiv3::OpenAPI;
use proc_macro2::TokenStream;
use std::cell::RefCell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Ours,
    Progenitor,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Self::Ours => "instantly-codegen",
            Self::Progenitor => "progenitor",
        }
    }

    /// Parsed document → tokens.
    pub fn tokens(self, document: &OpenAPI) -> Result<TokenStream, String> {
        catching_panics(|| match self {
            Self::Ours => instantly_codegen::generate_tokens(document, &ours_settings())
                .map(|generated| generated.tokens)
                .map_err(|error| error.to_string()),
            Self::Progenitor => progenitor_impl::Generator::new(&progenitor_settings())
                .generate_tokens(document)
                .map_err(|error| error.to_string()),
        })
    }

    /// Document text → formatted source, each the way its tool writes a file for review: ours
    /// through `load_document` and `to_source` (prettyplease, blank lines between items),
    /// progenitor's through `serde_json`, prettyplease and its `space_out_items`.
    pub fn source(self, text: &str) -> Result<String, String> {
        let document = self.load(text)?;
        match self {
            Self::Ours => catching_panics(|| {
                instantly_codegen::generate_tokens(&document, &ours_settings())
                    .and_then(|generated| generated.to_source())
                    .map_err(|error| error.to_string())
            }),
            Self::Progenitor => {
                let tokens = self.tokens(&document)?;
                catching_panics(|| {
                    let file: syn::File = syn::parse2(tokens).map_err(|error| error.to_string())?;
                    progenitor_impl::space_out_items(prettyplease::unparse(&file))
                        .map_err(|error| error.to_string())
                })
            }
        }
    }

    /// Document text → unformatted source, what a build script writes for the compiler (and,
    /// but for the final `to_string`, what a proc-macro returns): ours through `load_document`
    /// and `to_unformatted_source`, progenitor's through `serde_json` and `TokenStream`'s
    /// `Display`.
    pub fn compiler_source(self, text: &str) -> Result<String, String> {
        let document = self.load(text)?;
        match self {
            Self::Ours => catching_panics(|| {
                instantly_codegen::generate_tokens(&document, &ours_settings())
                    .map(|generated| generated.to_unformatted_source())
                    .map_err(|error| error.to_string())
            }),
            Self::Progenitor => self.tokens(&document).map(|tokens| tokens.to_string()),
        }
    }

    /// The document as each tool reads it: ours checks every schema and locates errors.
    fn load(self, text: &str) -> Result<OpenAPI, String> {
        match self {
            Self::Ours => instantly_codegen::load_document(text).map_err(|error| error.to_string()),
            Self::Progenitor => serde_json::from_str(text).map_err(|error| error.to_string()),
        }
    }
}

pub fn ours_settings() -> instantly_codegen::Settings {
    instantly_codegen::Settings::instantly()
}

/// The builder interface: like ours, a request builder per operation with a setter per
/// optional parameter.
pub fn progenitor_settings() -> progenitor_impl::GenerationSettings {
    let mut settings = progenitor_impl::GenerationSettings::default();
    settings.with_interface(progenitor_impl::InterfaceStyle::Builder);
    settings
}

thread_local! {
    static PANIC_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work`; a panic becomes `Err("panics: <message> at <place>")`, printed nowhere else.
pub fn catching_panics<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|location| {
                // `progenitor-impl-0.15.1/src/method.rs`, not the registry path before it.
                let mut parts: Vec<&str> = location.file().rsplitn(4, '/').take(3).collect();
                parts.reverse();
                format!(" at {}:{}", parts.join("/"), location.line())
            })
            .unwrap_or_default();
        PANIC_MESSAGE.with(|slot| *slot.borrow_mut() = Some(format!("{message}{place}")));
    }));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    std::panic::set_hook(previous);
    result.unwrap_or_else(|_| {
        let message = PANIC_MESSAGE
            .with(|slot| slot.borrow_mut().take())
            .unwrap_or_default();
        Err(format!("panics: {message}"))
    })
}
