//! Plural categories (the CLDR rules for integers, reduced to what our languages use).

use super::Locale;

/// Which plural form a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    /// en/de: exactly 1; ru/ua: 1, 21, 31, 101… (not 11, 111).
    One,
    /// ru/ua: 2–4, 22–24… (not 12–14).
    Few,
    /// ru/ua: 0, 5–20, 25–30, 11, 111…
    Many,
    /// en/de: everything but 1.
    Other,
}

/// The plural category of `n` in `locale`.
///
/// ru/ua: `One` if `n % 10 == 1 && n % 100 != 11`; `Few` if `n % 10` is 2–4 and `n % 100` is not
/// 12–14; else `Many`. en/de: `One` if `n == 1`, else `Other`.
pub fn category(locale: Locale, n: u64) -> PluralCategory {
    match locale {
        Locale::Ru | Locale::Ua => {
            let (last, last_two) = (n % 10, n % 100);
            if last == 1 && last_two != 11 {
                PluralCategory::One
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                PluralCategory::Few
            } else {
                PluralCategory::Many
            }
        }
        Locale::En | Locale::De => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            }
        }
    }
}
