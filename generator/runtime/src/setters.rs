//! `setters!`: builder methods that only store their argument, written once.

/// For each `name: Type;` (with its doc comment), a `pub fn name(mut self, name: Type) -> Self`
/// that stores the value in the field `name`.
macro_rules! setters {
    ($($(#[$attr:meta])* $name:ident: $type:ty;)*) => {
        $(
            $(#[$attr])*
            pub fn $name(mut self, $name: $type) -> Self {
                self.$name = $name;
                self
            }
        )*
    };
}
