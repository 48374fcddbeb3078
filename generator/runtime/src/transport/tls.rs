//! Which rustls cryptography the default HTTP client uses.
//!
//! In order: a provider the application installed (`CryptoProvider::install_default`), then
//! the crate's feature: `ring` (the default; compiled with `cc`, no cmake) or `aws-lc-rs`.
//! With neither, building the client is an `Error::Config` rather than reqwest's panic.

use crate::Error;

/// Applies the TLS choice to a reqwest builder that is about to build the default client.
pub(crate) fn configure(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, Error> {
    if rustls::crypto::CryptoProvider::get_default().is_some() || cfg!(feature = "aws-lc-rs") {
        // reqwest picks the installed provider, or its own aws-lc-rs default.
        return Ok(builder);
    }
    #[cfg(feature = "ring")]
    {
        Ok(builder.tls_backend_preconfigured(ring_config()?))
    }
    #[cfg(not(feature = "ring"))]
    {
        Err(Error::Config(
            "no TLS crypto provider: enable the `ring` or `aws-lc-rs` feature, or install one \
             with rustls::crypto::CryptoProvider::install_default before building the client"
                .to_owned(),
        ))
    }
}

/// What reqwest builds for a provider of its own: the platform's certificate verifier,
/// rustls's safe protocol versions, and ALPN offering HTTP/2 and HTTP/1.1.
#[cfg(feature = "ring")]
fn ring_config() -> Result<rustls::ClientConfig, Error> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let tls_error =
        |error: rustls::Error| Error::Config(format!("could not set up TLS (ring): {error}"));
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(tls_error)?
        .with_platform_verifier()
        .map_err(tls_error)?
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}
