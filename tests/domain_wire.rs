//! What every answer type shares (`domain::wire`): one reading of "a field as text", "a number
//! or a decimal string", "a list PHP may send as an object", "an answer that must be an object"
//! and "a short excerpt for the console". Values are decoded from JSON as the edge decodes them.

use openline_modes::domain::wire::{cut, fields, one_of, parse_decimal, List, Loose};
use serde::Deserialize;
use serde_json::{json, Value};

fn loose(value: Value) -> Loose {
    serde_json::from_value(value).expect("any JSON is a Loose")
}

#[test]
fn scalars_read_as_text_and_everything_else_as_empty() {
    let cases = [
        (json!("ACCESS_DENIED"), "ACCESS_DENIED"),
        (json!(""), ""),
        (json!(12), "12"),
        (json!(-3), "-3"),
        (json!(1.5), "1.5"),
        (json!(true), "true"),
        (json!(false), "false"),
        (json!(null), ""),
        (json!([]), ""),
        (json!(["x"]), ""),
        (json!({}), ""),
        (json!({"error": "X"}), ""),
    ];
    for (value, expected) in cases {
        assert_eq!(loose(value.clone()).text(), expected, "{value}");
    }
}

#[test]
fn only_a_string_is_a_str() {
    assert_eq!(loose(json!("IM_SIDEBAR")).as_str(), Some("IM_SIDEBAR"));
    for other in [json!(5), json!(null), json!(true), json!(["IM_SIDEBAR"])] {
        assert_eq!(loose(other.clone()).as_str(), None, "{other}");
    }
}

#[test]
fn ids_are_non_negative_integers_as_numbers_or_plain_decimal_strings() {
    let cases = [
        (json!(0), Some(0)),
        (json!(339), Some(339)),
        (json!(u64::MAX), Some(u64::MAX)),
        (json!("339"), Some(339)),
        (json!("007"), Some(7)),
        (json!("18446744073709551615"), Some(u64::MAX)),
        (json!("18446744073709551616"), None),
        (json!(-1), None),
        (json!(1.5), None),
        (json!(""), None),
        (json!("+1"), None),
        (json!(" 1"), None),
        (json!("1e3"), None),
        (json!("١٢"), None),
        (json!(true), None),
        (json!(null), None),
        (json!([1]), None),
    ];
    for (value, expected) in cases {
        assert_eq!(loose(value.clone()).as_u64(), expected, "{value}");
    }
    assert_eq!(parse_decimal("12"), Some(12));
    assert_eq!(parse_decimal("-12"), None);
}

#[test]
fn a_missing_field_is_null() {
    #[derive(Deserialize)]
    struct Row {
        #[serde(default)]
        a: Loose,
    }
    let row: Row = serde_json::from_value(json!({"b": 1})).unwrap();
    assert!(row.a.is_null());
    assert!(loose(json!(null)).is_null());
    assert!(!loose(json!("")).is_null());
}

#[test]
fn a_list_is_an_array_or_an_objects_values_and_nothing_else() {
    let list = |v: Value| serde_json::from_value::<List<Loose>>(v).map(|l| l.0);
    assert_eq!(
        list(json!([1, "2"])).unwrap(),
        [Loose::Int(1), Loose::Text("2".into())]
    );
    assert_eq!(list(json!([])).unwrap(), []);
    assert_eq!(list(json!({})).unwrap(), []);
    assert_eq!(
        list(json!({"0": 5, "2": 6})).unwrap(),
        [Loose::Int(5), Loose::Int(6)]
    );
    for other in [json!(null), json!(true), json!(3), json!("[1]")] {
        let err = list(other.clone()).expect_err("not a list");
        assert!(
            err.to_string().contains("expected a list"),
            "{other}: {err}"
        );
    }
    // `null` entries are kept for the reader to skip or refuse.
    let rows = serde_json::from_value::<List<Option<Loose>>>(json!([null, 1])).unwrap();
    assert_eq!(rows.0, [None, Some(Loose::Int(1))]);
}

/// `fields` of `value` for the names `id` and `entity_type`.
fn id_and_type(value: Value) -> Result<Vec<Loose>, serde_json::Error> {
    fields(value, &["id", "entity_type"])
}

#[test]
fn fields_are_read_by_name_in_any_casing_and_missing_ones_are_null() {
    for (id_key, type_key) in [
        ("id", "entity_type"),
        ("ID", "ENTITY_TYPE"),
        ("Id", "Entity_Type"),
    ] {
        let mut object = serde_json::Map::new();
        object.insert(id_key.into(), json!(12));
        object.insert(type_key.into(), json!("LINES"));
        object.insert("other".into(), json!({"nested": [1, 2]}));
        assert_eq!(
            id_and_type(Value::Object(object)).unwrap(),
            [Loose::Int(12), Loose::Text("LINES".into())],
            "{id_key} {type_key}"
        );
    }
    assert_eq!(
        id_and_type(json!({"x": 1})).unwrap(),
        [Loose::Null, Loose::Null]
    );
}

#[test]
fn several_casings_of_one_key_resolve_the_same_whatever_the_order() {
    // As written first, then lower case, then upper case, then the smallest other casing.
    type Entries<'a> = &'a [(&'a str, i64)];
    let cases: [(Entries, &[&'static str], i64); 4] = [
        (&[("Id", 1), ("ID", 2), ("id", 3)], &["Id"], 1),
        (&[("Id", 1), ("ID", 2), ("id", 3)], &["iD"], 3),
        (&[("Id", 1), ("ID", 2)], &["id"], 2),
        (&[("Id", 1), ("iD", 2)], &["ID"], 1),
    ];
    for (pairs, names, want) in cases {
        // Fed as a list of entries (a JSON map would sort them): both orders give one answer.
        for reversed in [false, true] {
            let mut entries: Vec<(&str, i64)> = pairs.to_vec();
            if reversed {
                entries.reverse();
            }
            let got = fields(
                serde::de::value::MapDeserializer::<_, serde_json::Error>::new(entries.into_iter()),
                names,
            )
            .unwrap();
            assert_eq!(got, [Loose::Int(want.into())], "{pairs:?} as {names:?}");
        }
    }
}

#[test]
fn only_an_object_has_fields() {
    for other in [json!([3]), json!(null), json!("x"), json!(1)] {
        assert!(id_and_type(other.clone()).is_err(), "{other}");
    }
}

#[test]
fn excerpts_describe_the_value_in_at_most_80_characters() {
    assert_eq!(loose(json!({"a": 1})).short(), "{object of 1}");
    assert_eq!(loose(json!([1, 2])).short(), "[list of 2]");
    assert_eq!(loose(json!(null)).short(), "null");
    assert_eq!(loose(json!(7)).short(), "7");
    let exact = "x".repeat(78); // 80 characters with the quotes
    assert_eq!(loose(json!(exact)).short(), format!("\"{exact}\""));
    let long = loose(json!("y".repeat(200))).short();
    assert_eq!(long.chars().count(), 81);
    assert!(long.starts_with("\"yyy") && long.ends_with('…'), "{long}");
    // Characters, not bytes: a cut never splits one.
    let cyrillic = loose(json!("ж".repeat(100))).short();
    assert_eq!(cyrillic.chars().count(), 81);
}

#[test]
fn cut_counts_characters_and_adds_an_ellipsis_only_when_it_cuts() {
    assert_eq!(cut("", 3), "");
    assert_eq!(cut("abc", 3), "abc");
    assert_eq!(cut("abcd", 3), "abc…");
    assert_eq!(cut("жжжж", 2), "жж…");
    assert_eq!(cut("abc", 0), "…");
}

#[test]
fn one_of_ignores_ascii_case_only() {
    assert!(one_of("Y", &["y", "true"]));
    assert!(one_of("TRUE", &["y", "true"]));
    assert!(!one_of(" y", &["y", "true"]));
    assert!(!one_of("yes", &["y", "true"]));
    assert!(!one_of("", &["y"]));
    assert!(!one_of("y", &[]));
}
