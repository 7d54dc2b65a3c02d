//! Pure open-line domain: no Leptos, no wasm. Everything here compiles and is tested natively.
//!
//! - [`dialog`]: which chat the placement points at ([`dialog::ChatId`]).
//! - [`command`]: the writes and their exact REST params.
//! - [`wire`]: what every answer type shares where Bitrix24 is loose (scalars as text or
//!   number, lists PHP sends as objects).
//! - [`envelope`]: one REST answer read as success or failure.
//! - [`rest`]: every call's method and params; [`reply`]: what each answer is decoded into.
//! - [`state`]: the dialog's true state read from `imopenlines.dialog.get` + `profile`.
//! - [`error`]: what can go wrong on a call ([`error::CallError`]) and what it means to the
//!   operator ([`error::Problem`]).
//! - [`install`]: the widget's homes (`IM_TEXTAREA`, `IM_SIDEBAR`) and their bindings,
//!   install-URL detection, bind errors.
//! - [`locale`]: the 20 portal languages, and what a count needs from a language.
//! - [`route`]: where a page load goes, from the placement the portal reports.
//! - [`recent`]: the operator's open-line dialogs from `im.recent.get`, and what pin all /
//!   unpin all will change among them.
//! - [`action`], [`text`]: leaves every other module may use.
//!
//! Inside the domain each module depends only on those before it in this order, so there is
//! no circle: `text`, `action` → `wire` → `locale`, `error` → `envelope`, `rest` → `dialog` →
//! `command`, `state`, `install` → `recent` → `reply`, `route`.

/// `impl Ty { pub const ALL }` with every variant of a fieldless enum, complete by
/// construction: the exhaustive `match` it also generates does not compile while a variant is
/// missing from the list (a fixed array alone would silently leave a new variant out of every
/// table and test that walks it).
macro_rules! every_variant {
    ($ty:ident: $($variant:ident),+ $(,)?) => {
        impl $ty {
            /// Every variant, in declaration order (for exhaustive tables and tests).
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];
        }
        const _: () = {
            #[allow(dead_code)]
            fn every_variant_is_listed(x: $ty) {
                match x {
                    $($ty::$variant => {})+
                }
            }
        };
    };
}

pub(crate) use every_variant;

/// Inside a serde `Visitor`: `visit_bool`, `visit_i64`, `visit_u64`, `visit_f64`, `visit_unit`
/// and `visit_none`, each giving `$value` (a reader for which every scalar and `null` mean the
/// same: no options, no catalogue entry, no failure).
macro_rules! scalars_give {
    ($value:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// A flat answer object (`imopenlines.dialog.get`, `profile`, a `placement.get` row, `app.info`)
/// as a struct of [`wire::Loose`] fields, each read from the key of that name in any ASCII case
/// ([`wire::fields`]). One decoder serves every such type, where `#[derive(Deserialize)]` would
/// generate one per type (and per casing); anything but an object does not decode.
macro_rules! record {
    ($(#[$meta:meta])* pub struct $name:ident {
        $($(#[$field_meta:meta])* $field:ident: $key:literal,)+
    }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $crate::domain::wire::Loose,)+
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let mut fields = $crate::domain::wire::fields(d, &[$($key),+])?.into_iter();
                Ok($name {
                    $($field: fields.next().unwrap_or_default(),)+
                })
            }
        }
    };
}

pub mod action;
pub mod command;
pub mod dialog;
pub mod envelope;
pub mod error;
pub mod install;
pub mod locale;
pub mod recent;
pub mod reply;
pub mod rest;
pub mod route;
pub mod state;
pub mod text;
pub mod wire;
