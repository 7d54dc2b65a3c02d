//! Which chat the IM_SIDEBAR placement points at (docs/bitrix24.md §3): `chat_from_placement` and
//! `ChatId`. Nothing here was checked on a live portal; the shapes are tolerant by design.

use openline_modes::domain::dialog::{
    chat_from_placement as chat_from_options, ChatId, PlacementOptions, PlacementProblem,
    MAX_CHAT_ID,
};
use serde_json::{json, Value};

/// The chat of `options` as the edge hands them over: decoded from the JS value. (A string that
/// holds options is parsed by the edge before this, `tests/browser_bridge.rs`; a string that
/// reaches the domain holds none.)
fn chat_from_placement(options: &Value) -> Result<ChatId, PlacementProblem> {
    let options: PlacementOptions = serde_json::from_value(options.clone()).expect("decodes");
    chat_from_options(&options)
}

fn chat(n: u64) -> Result<ChatId, PlacementProblem> {
    Ok(ChatId::new(n).expect("valid chat id"))
}

fn private(id: &str) -> Result<ChatId, PlacementProblem> {
    Err(PlacementProblem::PrivateChat {
        dialog_id: id.to_string(),
    })
}

fn not_a_chat(id: &str) -> Result<ChatId, PlacementProblem> {
    Err(PlacementProblem::NotAChatId {
        dialog_id: id.to_string(),
    })
}

fn with_dialog_id(id: Value) -> Value {
    json!({"dialogId": id, "URI": "/online/"})
}

#[test]
fn the_documented_options_object_gives_the_chat() {
    let options = json!({"dialogId": "chat12", "URI": "/online/"});
    assert_eq!(chat_from_placement(&options), chat(12));
}

#[test]
fn options_without_uri_are_enough() {
    assert_eq!(chat_from_placement(&json!({"dialogId": "chat2"})), chat(2));
}

#[test]
fn no_options_at_all_are_missing_options() {
    let cases = [
        ("null", json!(null)),
        ("empty array (PHP's empty options)", json!([])),
        ("empty object", json!({})),
        ("empty string", json!("")),
        ("blank string", json!("   ")),
        ("string that is not JSON", json!("dialogId=chat12")),
        (
            "a string the edge could not read as options",
            json!(r#"{"dialogId":"chat12"}"#),
        ),
        ("a number", json!(12)),
        ("a bool", json!(true)),
    ];
    for (what, options) in cases {
        assert_eq!(
            chat_from_placement(&options),
            Err(PlacementProblem::MissingOptions),
            "{what}: {options}"
        );
    }
}

#[test]
fn options_without_a_dialog_id_are_missing_dialog_id() {
    let cases = [
        json!({"URI": "/online/"}),
        json!({"dialogId": null}),
        json!({"chatId": 12}),
        json!(["chat12"]),
    ];
    for options in cases {
        assert_eq!(
            chat_from_placement(&options),
            Err(PlacementProblem::MissingDialogId),
            "{options}"
        );
    }
}

#[test]
fn other_casings_of_the_dialog_id_key_are_accepted() {
    for key in ["DIALOG_ID", "dialog_id", "DialogId", "dialogid"] {
        let mut options = serde_json::Map::new();
        options.insert(key.to_string(), json!("chat7"));
        assert_eq!(
            chat_from_placement(&Value::Object(options)),
            chat(7),
            "{key}"
        );
    }
}

#[test]
fn a_user_id_as_dialog_id_is_a_private_chat() {
    let cases = [
        (json!("5"), "5"),
        (json!(5), "5"),
        (json!("123456"), "123456"),
    ];
    for (id, expected) in cases {
        assert_eq!(
            chat_from_placement(&with_dialog_id(id.clone())),
            private(expected),
            "{id}"
        );
    }
}

#[test]
fn dialog_id_table() {
    let max = format!("chat{MAX_CHAT_ID}");
    assert_eq!(max, "chat9007199254740992");
    let cases: Vec<(&str, Result<ChatId, PlacementProblem>)> = vec![
        ("chat12", chat(12)),
        ("chat1", chat(1)),
        (max.as_str(), chat(MAX_CHAT_ID)),
        ("chat9007199254740993", not_a_chat("chat9007199254740993")),
        (
            "chat99999999999999999999999",
            not_a_chat("chat99999999999999999999999"),
        ),
        ("chat0", not_a_chat("chat0")),
        ("chat", not_a_chat("chat")),
        ("chatx", not_a_chat("chatx")),
        ("chat12a", not_a_chat("chat12a")),
        ("chat-1", not_a_chat("chat-1")),
        ("chat+12", not_a_chat("chat+12")),
        ("chat1e3", not_a_chat("chat1e3")),
        ("chat12.0", not_a_chat("chat12.0")),
        ("Chat12", not_a_chat("Chat12")),
        ("CHAT12", not_a_chat("CHAT12")),
        (" chat12", not_a_chat(" chat12")),
        ("chat12 ", not_a_chat("chat12 ")),
        ("chat 12", not_a_chat("chat 12")),
        ("chat١٢", not_a_chat("chat١٢")),
        ("chat１２", not_a_chat("chat１２")),
        ("", not_a_chat("")),
        ("0", not_a_chat("0")),
        ("-5", not_a_chat("-5")),
        ("+5", not_a_chat("+5")),
        (" 5", not_a_chat(" 5")),
        ("sg12", not_a_chat("sg12")),
    ];
    for (id, expected) in cases {
        assert_eq!(
            chat_from_placement(&with_dialog_id(json!(id))),
            expected,
            "{id:?}"
        );
    }
}

/// Decision: the portal writes `"chat".$id`, so a leading zero is not its output. Rejecting it
/// keeps `ChatId::dialog_id()` equal to the placement's `dialogId`.
#[test]
fn leading_zeros_are_not_a_chat_id() {
    for id in ["chat012", "chat00", "chat0012", "05"] {
        assert_eq!(
            chat_from_placement(&with_dialog_id(json!(id))),
            not_a_chat(id),
            "{id}"
        );
    }
}

#[test]
fn non_string_dialog_ids_are_not_a_chat_id() {
    let cases = [
        (json!(0), "0"),
        (json!(-5), "-5"),
        (json!(5.5), "5.5"),
        (json!(true), "true"),
        (json!({"id": 12}), "{object of 1}"),
        (json!(["chat12"]), "[list of 1]"),
    ];
    for (id, expected) in cases {
        assert_eq!(
            chat_from_placement(&with_dialog_id(id.clone())),
            not_a_chat(expected),
            "{id}"
        );
    }
}

#[test]
fn a_huge_dialog_id_is_rejected_and_kept_short() {
    let huge = format!("chat{}", "9".repeat(100_000));
    match chat_from_placement(&with_dialog_id(json!(huge))) {
        Err(PlacementProblem::NotAChatId { dialog_id }) => {
            assert!(dialog_id.chars().count() <= 65, "{} chars", dialog_id.len());
            assert!(dialog_id.starts_with("chat999"));
            assert!(dialog_id.ends_with('…'));
        }
        other => panic!("expected NotAChatId, got {other:?}"),
    }
    let huge_unicode = "я".repeat(10_000);
    assert!(matches!(
        chat_from_placement(&with_dialog_id(json!(huge_unicode))),
        Err(PlacementProblem::NotAChatId { .. })
    ));
    let huge_options = json!("x".repeat(1_000_000));
    assert_eq!(
        chat_from_placement(&huge_options),
        Err(PlacementProblem::MissingOptions)
    );
}

#[test]
fn chat_id_new_accepts_exactly_one_to_two_to_the_53() {
    assert_eq!(ChatId::new(0), None);
    assert_eq!(ChatId::new(1).map(ChatId::get), Some(1));
    assert_eq!(
        ChatId::new(1 << 53).map(ChatId::get),
        Some(9_007_199_254_740_992)
    );
    assert_eq!(ChatId::new((1 << 53) + 1), None);
    assert_eq!(ChatId::new(u64::MAX), None);
}

#[test]
fn chat_id_prints_as_its_dialog_id() {
    let c = ChatId::new(12).unwrap();
    assert_eq!(c.dialog_id(), "chat12");
    assert_eq!(c.to_string(), "chat12");
    assert_eq!(c.get(), 12);
}

#[test]
fn parse_dialog_id_round_trips_the_canonical_form() {
    for n in [1_u64, 9, 10, 12, 100, 123_456_789, MAX_CHAT_ID] {
        let c = ChatId::new(n).unwrap();
        assert_eq!(ChatId::parse_dialog_id(&c.dialog_id()), Some(c));
    }
    assert_eq!(ChatId::parse_dialog_id("12"), None);
}
