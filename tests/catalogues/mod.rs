//! The repository's catalogues (`i18n/<id>.json`) for the test suites, native and browser: what
//! the host serves in a portal, here compiled into the tests (never into the widget).
#![allow(dead_code)]

use std::rc::Rc;

use crate::fake::FakeHost;
use openline_modes::domain::locale::CatalogueTexts;
use openline_modes::i18n::{Catalogue, Locale, Msg, Numbers, Texts};

/// The catalogue file of `locale`, as the host would fetch it.
pub fn json(locale: Locale) -> &'static str {
    match locale {
        Locale::En => include_str!("../../i18n/en.json"),
        Locale::Ru => include_str!("../../i18n/ru.json"),
        Locale::De => include_str!("../../i18n/de.json"),
        Locale::Ua => include_str!("../../i18n/ua.json"),
        Locale::La => include_str!("../../i18n/la.json"),
        Locale::Br => include_str!("../../i18n/br.json"),
        Locale::Fr => include_str!("../../i18n/fr.json"),
        Locale::It => include_str!("../../i18n/it.json"),
        Locale::Pl => include_str!("../../i18n/pl.json"),
        Locale::Tr => include_str!("../../i18n/tr.json"),
        Locale::Kz => include_str!("../../i18n/kz.json"),
        Locale::Vn => include_str!("../../i18n/vn.json"),
        Locale::Id => include_str!("../../i18n/id.json"),
        Locale::Ms => include_str!("../../i18n/ms.json"),
        Locale::Th => include_str!("../../i18n/th.json"),
        Locale::Ar => include_str!("../../i18n/ar.json"),
        Locale::Sc => include_str!("../../i18n/sc.json"),
        Locale::Tc => include_str!("../../i18n/tc.json"),
        Locale::Ja => include_str!("../../i18n/ja.json"),
        Locale::In => include_str!("../../i18n/in.json"),
    }
}

/// `locale`'s catalogue, parsed.
pub fn catalogue(locale: Locale) -> Catalogue {
    parse(json(locale)).unwrap_or_else(|e| panic!("{locale:?}: {e}"))
}

/// A catalogue from its JSON text, decoded into the type the edge decodes it into.
pub fn parse(json: &str) -> Result<Catalogue, serde_json::Error> {
    serde_json::from_str::<CatalogueTexts>(json).map(Catalogue::from)
}

/// The texts of `locale` with `numbers` (the browser's `Intl` in browser tests).
pub fn texts_with(locale: Locale, numbers: Rc<dyn Numbers>) -> Texts {
    let own = (locale != Locale::En).then(|| Rc::new(catalogue(locale)));
    Texts::new(locale, own, numbers)
}

/// The plural rules and digits of `locale` as the widget gets them: the browser's `Intl` in
/// browser tests; natively (no `Intl`) `SimpleNumbers` (`one` for 1, else `other`).
pub fn numbers(locale: Locale) -> Rc<dyn Numbers> {
    #[cfg(target_arch = "wasm32")]
    return Rc::new(openline_modes::host::dom::IntlNumbers::new(
        locale.html_lang(),
    ));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = locale;
        Rc::new(crate::fake::SimpleNumbers)
    }
}

/// The texts of `locale` with its [`numbers`].
pub fn texts(locale: Locale) -> Texts {
    texts_with(locale, numbers(locale))
}

/// `locale.text(&msg)` in tests, as the widget shows it.
pub trait Say {
    /// `msg` in this language.
    fn text(self, msg: &Msg) -> String;
}

impl Say for Locale {
    fn text(self, msg: &Msg) -> String {
        texts(self).text(msg)
    }
}

/// Gives `fake` every catalogue, as a portal's web server would, and [`numbers`].
pub fn serve_all(fake: &FakeHost) {
    fake.set_numbers(numbers);
    for locale in Locale::ALL {
        if locale != Locale::En {
            fake.set_catalogue(locale, json(locale));
        }
    }
}
