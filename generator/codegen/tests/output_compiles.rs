//! Every per-construct golden (`output/NAME.rs`, see `output.rs`) compiled against the runtime:
//! an expectation that does not compile fails the build of this test. Each sits in a private
//! module, so its re-exports at the generated file's root are unused here.

#[allow(dead_code, unused_imports, clippy::all)]
mod all_of {
    include!("output/all_of.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod dedup {
    include!("output/dedup.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod defaults {
    include!("output/defaults.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod formats {
    include!("output/formats.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod integer_enum {
    include!("output/integer_enum.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod map {
    include!("output/map.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod nullable {
    include!("output/nullable.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod octet_stream {
    include!("output/octet_stream.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod one_of {
    include!("output/one_of.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod pagination {
    include!("output/pagination.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod parameters {
    include!("output/parameters.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod read_only {
    include!("output/read_only.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod recursive {
    include!("output/recursive.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod responses {
    include!("output/responses.rs");
}

#[allow(dead_code, unused_imports, clippy::all)]
mod string_enum {
    include!("output/string_enum.rs");
}

#[test]
fn the_goldens_compile() {}
