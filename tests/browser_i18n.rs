//! Counts in the browser: the plural category comes from `Intl.PluralRules` and the number from
//! `Intl.NumberFormat` of the language's tag ([`IntlNumbers`], what the widget uses), and each
//! catalogue's form for that category is the one shown.

use openline_modes::host::dom::IntlNumbers;
use openline_modes::i18n::{Locale, Msg, Numbers, PluralCategory};
use wasm_bindgen_test::*;

mod catalogues;
mod fake;
use catalogues::{catalogue, Say};

wasm_bindgen_test_configure!(run_in_browser);

/// The form of `pinned_count` for `category` in `locale`'s catalogue, with `shown` for `{n}`.
fn form(locale: Locale, category: &str, shown: &str) -> String {
    catalogue(locale)
        .form("pinned_count", category)
        .unwrap_or_else(|| panic!("{locale:?} has no {category}"))
        .replace("{n}", shown)
}

#[wasm_bindgen_test]
fn counts_take_the_cldr_category_of_their_language() {
    // CLDR cardinal rules (unicode.org/cldr, plurals.xml), as Intl applies them.
    let cases: &[(Locale, &[(u64, &str)])] = &[
        (
            Locale::Ru,
            &[
                (1, "one"),
                (3, "few"),
                (5, "many"),
                (11, "many"),
                (21, "one"),
                (22, "few"),
                (111, "many"),
            ],
        ),
        (
            Locale::Ua,
            &[(1, "one"), (4, "few"), (12, "many"), (31, "one")],
        ),
        (
            Locale::Pl,
            &[
                (1, "one"),
                (2, "few"),
                (5, "many"),
                (22, "few"),
                (21, "many"),
            ],
        ),
        (
            Locale::Ar,
            &[
                (1, "one"),
                (2, "two"),
                (3, "few"),
                (10, "few"),
                (11, "many"),
                (99, "many"),
                (100, "other"),
            ],
        ),
        (Locale::Fr, &[(1, "one"), (2, "other")]),
        (Locale::Kz, &[(1, "one"), (7, "other")]),
        (Locale::Ja, &[(1, "other"), (2, "other")]),
        (Locale::Sc, &[(1, "other")]),
        (Locale::In, &[(1, "one"), (2, "other")]),
    ];
    for (locale, numbers) in cases {
        let intl = IntlNumbers::new(locale.html_lang());
        for &(n, category) in *numbers {
            assert_eq!(
                intl.category(n),
                PluralCategory::from_name(category),
                "{locale:?} {n}"
            );
            let shown = intl.format(n);
            assert_eq!(
                locale.text(&Msg::PinnedCount(n)),
                form(*locale, category, &shown),
                "{locale:?} {n}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn russian_counts_read_as_a_russian_operator_expects() {
    let cases = [
        (1, "Закреплён 1 диалог"),
        (3, "Закреплено 3 диалога"),
        (5, "Закреплено 5 диалогов"),
        (11, "Закреплено 11 диалогов"),
        (21, "Закреплён 21 диалог"),
        (22, "Закреплено 22 диалога"),
    ];
    for (n, expected) in cases {
        assert_eq!(Locale::Ru.text(&Msg::PinnedCount(n)), expected);
    }
    assert_eq!(
        Locale::Ua.text(&Msg::UnpinnedCount(3)),
        "Відкріплено 3 діалоги"
    );
    assert_eq!(
        Locale::De.text(&Msg::PinnedCount(21)),
        "21 Dialoge angeheftet"
    );
}

#[wasm_bindgen_test]
fn numbers_are_written_the_languages_way() {
    // Grouping by Intl, not `u64::to_string`: Russian groups thousands with a no-break space.
    let ru = IntlNumbers::new("ru").format(1234);
    assert_eq!(ru, "1\u{a0}234");
    assert_eq!(
        Locale::Ru.text(&Msg::PinnedCount(1234)),
        "Закреплено 1\u{a0}234 диалога"
    );
    assert_eq!(IntlNumbers::new("en").format(1234), "1,234");
}
