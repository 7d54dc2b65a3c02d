//! Turns `i18n/en.json` into Rust data (`$OUT_DIR/english.rs`), so the widget speaks English
//! without parsing JSON: the file stays the one source of every key (docs/i18n.md).

use std::{env, fs, path::Path};

use serde_json::{Map, Value};

fn main() {
    println!("cargo:rerun-if-changed=i18n/en.json");
    let text = fs::read_to_string("i18n/en.json").expect("i18n/en.json is readable");
    let map: Map<String, Value> =
        serde_json::from_str(&text).expect("i18n/en.json is one JSON object");
    let mut entries: Vec<(String, Value)> = map.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::from(
        "/// `i18n/en.json` as data, sorted by key (written by build.rs).\n\
         static ENGLISH: &[(&str, Entry)] = &[\n",
    );
    for (key, value) in entries {
        let entry = match value {
            Value::String(text) => format!("Entry::Text({text:?})"),
            Value::Object(forms) => {
                let forms: Vec<String> = forms
                    .iter()
                    .map(|(form, text)| match text {
                        Value::String(text) => format!("({form:?}, {text:?})"),
                        other => panic!("i18n/en.json {key}.{form}: not a text: {other}"),
                    })
                    .collect();
                format!("Entry::Forms(&[{}])", forms.join(", "))
            }
            other => panic!("i18n/en.json {key}: neither a text nor plural forms: {other}"),
        };
        out.push_str(&format!("    ({key:?}, {entry}),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("english.rs");
    fs::write(dest, out).expect("english.rs is written");
}
