//! Plain text helpers every layer of the domain may use (a leaf: it depends on nothing).

/// `text` cut to `max` characters (not bytes), with `…` when something was cut.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
