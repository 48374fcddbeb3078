//! What every generated struct has beside its fields: a constructor from its required fields,
//! and a `Deserialize` that reads the object's keys once, in one pass.
//!
//! Why not `#[derive(Deserialize)]`: a struct keeps the properties the document does not list
//! (`#[serde(flatten)] additional_properties`), and serde's derive buffers every such struct
//! through its private `Content` to do that. The visitor of [`__model!`](crate::__model) matches
//! known keys to their fields and deserializes every unknown one straight into the map, with
//! the derive's behaviour otherwise: a missing required field is serde's `missing field` error
//! (and `None` for an `Option`), an optional one takes its default (`None`, `Nullable::Absent`),
//! a known key given twice is serde's `duplicate field` error, an unknown one given twice keeps
//! the last value, and anything but an object is refused.

use crate::timestamp::{Seed, TimestampField};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::marker::PhantomData;

/// The value of a known key, unless the key was already seen.
pub fn model_field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    map: &mut A,
    name: &'static str,
) -> Result<(), A::Error> {
    fill_once(slot, name, || map.next_value())
}

/// The value of a known key holding timestamps, read through `timestamp.rs`'s faster
/// path, unless the key was already seen.
pub fn model_timestamp<'de, A: MapAccess<'de>, T: TimestampField<'de>>(
    slot: &mut Option<T>,
    map: &mut A,
    name: &'static str,
) -> Result<(), A::Error> {
    fill_once(slot, name, || map.next_value_seed(Seed(PhantomData)))
}

/// Fills `slot` with what `read` gives, or fails with serde's `duplicate field` when it is full.
fn fill_once<T, E: de::Error>(
    slot: &mut Option<T>,
    name: &'static str,
    read: impl FnOnce() -> Result<T, E>,
) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(read()?);
    Ok(())
}

/// The value of an unknown key, into the map of properties the document does not list.
pub fn model_extra<'de, A: MapAccess<'de>, M: Extend<(String, V)>, V: Deserialize<'de>>(
    extra: &mut M,
    key: String,
    map: &mut A,
) -> Result<(), A::Error> {
    let value = map.next_value()?;
    extra.extend(Some((key, value)));
    Ok(())
}

/// A required field's value, or what serde's derive makes of its absence: `None` for an
/// `Option` (a required nullable field), otherwise the `missing field` error.
pub fn model_required<'de, T: Deserialize<'de>, E: de::Error>(
    slot: Option<T>,
    name: &'static str,
) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None => T::deserialize(MissingField {
            name,
            error: PhantomData,
        }),
    }
}

/// The deserializer of an absent field: only an `Option` accepts it.
struct MissingField<E> {
    name: &'static str,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> Deserializer<'de> for MissingField<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(E::missing_field(self.name))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

/// `Name(required: Type, …) { optional, … }` (`Name { optional, … }` when no field is
/// required): the constructor from the required fields and the `Deserialize` of a generated
/// struct, whose other properties are in its `additional_properties`. A field whose JSON name
/// is not its Rust name is written `field = "json name"`; one that holds `date-time` values is
/// marked `with timestamp` (read through `timestamp.rs`). Generated code only.
#[doc(hidden)]
#[macro_export]
macro_rules! __model {
    ($name:ident {
        $($opt:ident $(= $opt_json:literal)? $(with $opt_with:ident)?),* $(,)?
    }) => {
        $crate::__model_deserialize!($name { ; $($opt $(= $opt_json)? $(with $opt_with)?),* });
    };
    ($name:ident(
        $($req:ident $(= $req_json:literal)? $(with $req_with:ident)? : $req_ty:ty),* $(,)?
    ) { $($opt:ident $(= $opt_json:literal)? $(with $opt_with:ident)?),* $(,)? }) => {
        impl $name {
            /// A value from the required fields, in the order the document lists them; every
            /// optional field is absent.
            #[allow(clippy::too_many_arguments)]
            pub fn new($($req: $req_ty),*) -> Self {
                Self {
                    $($req: ::core::convert::Into::into($req),)*
                    $($opt: ::core::default::Default::default(),)*
                    additional_properties: ::core::default::Default::default(),
                }
            }
        }
        $crate::__model_deserialize!($name {
            $($req $(= $req_json)? $(with $req_with)?),* ;
            $($opt $(= $opt_json)? $(with $opt_with)?),*
        });
    };
}

/// The `Deserialize` half of [`__model!`](crate::__model).
#[doc(hidden)]
#[macro_export]
macro_rules! __model_deserialize {
    ($name:ident {
        $($req:ident $(= $req_json:literal)? $(with $req_with:ident)?),* ;
        $($opt:ident $(= $opt_json:literal)? $(with $opt_with:ident)?),*
    }) => {
        const _: () = {
            #[allow(non_camel_case_types)]
            enum __Key {
                $($req,)*
                $($opt,)*
                __Unknown(::std::string::String),
            }

            struct __KeyVisitor;

            impl<'de> $crate::serde::de::Visitor<'de> for __KeyVisitor {
                type Value = __Key;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str("a field name")
                }

                fn visit_str<E: $crate::serde::de::Error>(
                    self,
                    key: &str,
                ) -> ::core::result::Result<__Key, E> {
                    ::core::result::Result::Ok(match key {
                        $($crate::__json_name!($req $(= $req_json)?) => __Key::$req,)*
                        $($crate::__json_name!($opt $(= $opt_json)?) => __Key::$opt,)*
                        _ => __Key::__Unknown(::std::borrow::ToOwned::to_owned(key)),
                    })
                }
            }

            impl<'de> $crate::serde::Deserialize<'de> for __Key {
                fn deserialize<D: $crate::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> ::core::result::Result<Self, D::Error> {
                    deserializer.deserialize_identifier(__KeyVisitor)
                }
            }

            struct __Visitor;

            impl<'de> $crate::serde::de::Visitor<'de> for __Visitor {
                type Value = $name;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(::core::concat!("struct ", ::core::stringify!($name)))
                }

                fn visit_map<A: $crate::serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> ::core::result::Result<$name, A::Error> {
                    $(let mut $req = ::core::option::Option::None;)*
                    $(let mut $opt = ::core::option::Option::None;)*
                    let mut extra = ::core::default::Default::default();
                    while let ::core::option::Option::Some(key) = map.next_key::<__Key>()? {
                        match key {
                            $(__Key::$req => $crate::__model_read!(
                                $($req_with)? (
                                    &mut $req,
                                    &mut map,
                                    $crate::__json_name!($req $(= $req_json)?),
                                )
                            )?,)*
                            $(__Key::$opt => $crate::__model_read!(
                                $($opt_with)? (
                                    &mut $opt,
                                    &mut map,
                                    $crate::__json_name!($opt $(= $opt_json)?),
                                )
                            )?,)*
                            __Key::__Unknown(key) => {
                                $crate::__private::model_extra(&mut extra, key, &mut map)?
                            }
                        }
                    }
                    ::core::result::Result::Ok($name {
                        $($req: $crate::__private::model_required::<_, A::Error>(
                            $req,
                            $crate::__json_name!($req $(= $req_json)?),
                        )?,)*
                        $($opt: $opt.unwrap_or_default(),)*
                        additional_properties: extra,
                    })
                }
            }

            impl<'de> $crate::serde::Deserialize<'de> for $name {
                fn deserialize<D: $crate::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> ::core::result::Result<Self, D::Error> {
                    deserializer.deserialize_map(__Visitor)
                }
            }
        };
    };
}

/// Reads a known key's value into its slot: through its `Deserialize`, or `timestamp`.
#[doc(hidden)]
#[macro_export]
macro_rules! __model_read {
    (($($arguments:tt)*)) => {
        $crate::__private::model_field($($arguments)*)
    };
    (timestamp ($($arguments:tt)*)) => {
        $crate::__private::model_timestamp($($arguments)*)
    };
}

/// A field's JSON name: the one given, or the Rust name.
#[doc(hidden)]
#[macro_export]
macro_rules! __json_name {
    ($field:ident = $json:literal) => {
        $json
    };
    ($field:ident) => {
        ::core::stringify!($field)
    };
}
