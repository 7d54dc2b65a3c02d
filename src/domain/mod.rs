//! Pure open-line domain: no Leptos, no wasm. Everything here compiles and is tested natively.
//!
//! - [`dialog`]: which chat the placement points at ([`dialog::ChatId`]).
//! - [`command`]: the writes and their exact REST params.
//! - [`envelope`]: one REST answer read as success or failure.
//! - [`json`]: the JSON helpers every parser shares (text, keys in any case, lists, excerpts).
//! - [`state`]: the dialog's true state read from `imopenlines.dialog.get` + `profile`.
//! - [`error`]: what can go wrong on a call ([`error::CallError`]) and what it means to the
//!   operator ([`error::Problem`]).
//! - [`install`]: the widget's homes (`IM_TEXTAREA`, `IM_SIDEBAR`) and their bindings,
//!   install-URL detection, bind errors.
//! - [`locale`]: the 20 portal languages, and what a count needs from a language.
//! - [`route`]: where a page load goes, from the placement the portal reports.
//! - [`action`], [`text`]: leaves every other module may use.
//!
//! Inside the domain each module depends only on those before it in this order, so there is
//! no circle: `text`, `action`, `locale` → `error` → `json`, `envelope` → `dialog` → `command`, `state`,
//! `install` → `route`.

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

pub mod action;
pub mod command;
pub mod dialog;
pub mod envelope;
pub mod error;
pub mod install;
pub mod json;
pub mod locale;
pub mod route;
pub mod state;
pub mod text;
