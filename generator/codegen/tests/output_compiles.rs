//! Every per-construct golden (`output/NAME.rs`, see `output.rs`) compiled against the runtime:
//! an expectation that does not compile fails the build of this test.

#[allow(dead_code, clippy::all)]
mod all_of {
    include!("output/all_of.rs");
}

#[allow(dead_code, clippy::all)]
mod defaults {
    include!("output/defaults.rs");
}

#[allow(dead_code, clippy::all)]
mod formats {
    include!("output/formats.rs");
}

#[allow(dead_code, clippy::all)]
mod integer_enum {
    include!("output/integer_enum.rs");
}

#[allow(dead_code, clippy::all)]
mod map {
    include!("output/map.rs");
}

#[allow(dead_code, clippy::all)]
mod nullable {
    include!("output/nullable.rs");
}

#[allow(dead_code, clippy::all)]
mod octet_stream {
    include!("output/octet_stream.rs");
}

#[allow(dead_code, clippy::all)]
mod one_of {
    include!("output/one_of.rs");
}

#[allow(dead_code, clippy::all)]
mod pagination {
    include!("output/pagination.rs");
}

#[allow(dead_code, clippy::all)]
mod parameters {
    include!("output/parameters.rs");
}

#[allow(dead_code, clippy::all)]
mod read_only {
    include!("output/read_only.rs");
}

#[allow(dead_code, clippy::all)]
mod recursive {
    include!("output/recursive.rs");
}

#[allow(dead_code, clippy::all)]
mod responses {
    include!("output/responses.rs");
}

#[allow(dead_code, clippy::all)]
mod string_enum {
    include!("output/string_enum.rs");
}

#[test]
fn the_goldens_compile() {}
