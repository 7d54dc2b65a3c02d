//! The JSON helpers every parser shares (`domain::json`): one reading of "a value as text",
//! "a key in any casing", "a number or a decimal string", "a list PHP may send as an object"
//! and "a short excerpt for the console".

use openline_modes::domain::error::CallError;
use openline_modes::domain::json::{
    as_u64, cut, get_ci, items, one_of, parse_decimal, short, str_ci, text,
};
use serde_json::{json, Map, Value};

/// Keys and values in the order they are put into the map.
type Pairs<'a> = &'a [(&'a str, Value)];

fn object(pairs: Pairs) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
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
        assert_eq!(text(&value), expected, "{value}");
    }
}

#[test]
fn a_key_is_found_in_any_casing() {
    for key in ["ID", "id", "Id", "iD"] {
        let map = object(&[(key, json!(7))]);
        for asked in ["ID", "id", "Id"] {
            assert_eq!(
                get_ci(&map, asked),
                Some(&json!(7)),
                "{key} asked as {asked}"
            );
        }
    }
    assert_eq!(get_ci(&object(&[("IDX", json!(1))]), "id"), None);
    assert_eq!(get_ci(&Map::new(), "id"), None);
}

#[test]
fn several_casings_of_one_key_resolve_the_same_whatever_the_map_order() {
    // Exact first, then lower case, then upper case, then any other casing.
    let cases: [(Pairs, &str, Value); 4] = [
        (
            &[("Id", json!(1)), ("ID", json!(2)), ("id", json!(3))],
            "Id",
            json!(1),
        ),
        (
            &[("Id", json!(1)), ("ID", json!(2)), ("id", json!(3))],
            "iD",
            json!(3),
        ),
        (&[("Id", json!(1)), ("ID", json!(2))], "id", json!(2)),
        (&[("Id", json!(1)), ("iD", json!(2))], "ID", json!(1)),
    ];
    for (pairs, asked, expected) in cases {
        let forward = object(pairs);
        let mut reversed_pairs = pairs.to_vec();
        reversed_pairs.reverse();
        let backward = object(&reversed_pairs);
        assert_eq!(
            get_ci(&forward, asked),
            Some(&expected),
            "{asked} in {forward:?}"
        );
        assert_eq!(
            get_ci(&backward, asked),
            Some(&expected),
            "{asked} in {backward:?}"
        );
    }
}

#[test]
fn a_string_field_is_empty_when_missing_or_not_a_string() {
    let map = object(&[
        ("placement", json!("IM_SIDEBAR")),
        ("HANDLER", json!(5)),
        ("type", json!(null)),
    ]);
    assert_eq!(str_ci(&map, "PLACEMENT"), "IM_SIDEBAR");
    assert_eq!(str_ci(&map, "handler"), "");
    assert_eq!(str_ci(&map, "type"), "");
    assert_eq!(str_ci(&map, "missing"), "");
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
        (json!(1.0), None),
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
        assert_eq!(as_u64(&value), expected, "{value}");
    }
    assert_eq!(parse_decimal("12"), Some(12));
    assert_eq!(parse_decimal("-12"), None);
}

#[test]
fn a_list_is_an_array_or_an_objects_values_and_nothing_else() {
    assert_eq!(
        items(&json!([1, "2"]), "ids"),
        Ok(vec![&json!(1), &json!("2")])
    );
    assert_eq!(items(&json!([]), "ids"), Ok(vec![]));
    assert_eq!(items(&json!({}), "ids"), Ok(vec![]));
    assert_eq!(
        items(&json!({"0": 5, "2": 6}), "ids"),
        Ok(vec![&json!(5), &json!(6)])
    );
    for other in [json!(null), json!(true), json!(3), json!("[1]")] {
        assert_eq!(
            items(&other, "session ids"),
            Err(CallError::BadResponse(format!(
                "expected a list of session ids, got {other}"
            ))),
            "{other}"
        );
    }
}

#[test]
fn excerpts_keep_80_characters_of_json_and_mark_the_cut() {
    assert_eq!(short(&json!({"a": 1})), r#"{"a":1}"#);
    let exact = "x".repeat(78); // 80 characters with the quotes
    assert_eq!(short(&json!(exact)), format!("\"{exact}\""));
    let long = short(&json!("y".repeat(200)));
    assert_eq!(long.chars().count(), 81);
    assert!(long.starts_with("\"yyy") && long.ends_with('…'), "{long}");
    // Characters, not bytes: a cut never splits one.
    let cyrillic = short(&json!("ж".repeat(100)));
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
