//! The writes and their exact REST method + params (docs/bitrix24.md §1.2), and the bulk results.

use openline_modes::domain::command::{parse_session_ids as read_ids, Action, Command};
use openline_modes::domain::dialog::ChatId;
use openline_modes::domain::error::CallError;
use openline_modes::domain::reply::Reply;
use serde_json::{json, Value};

/// A command's params as the portal receives them.
fn sent(command: Command) -> Value {
    serde_json::to_value(command.params()).expect("params serialize")
}

/// The session ids of a `pinAll` `result`, decoded as the edge decodes it.
fn parse_session_ids(result: &Value) -> Result<Vec<u64>, CallError> {
    read_ids(&Reply::decode("imopenlines.session.mode.pinAll", result)?.sessions()?)
}

fn chat12() -> ChatId {
    ChatId::new(12).unwrap()
}

#[test]
fn every_command_sends_exactly_this_method_and_params() {
    let c = chat12();
    let cases: [(Command, &str, Value, Action); 6] = [
        (
            Command::Pin(c),
            "imopenlines.session.mode.pin",
            json!({"CHAT_ID": 12, "ACTIVATE": "Y"}),
            Action::Pin,
        ),
        (
            // `.unpin` has no DOCS page: unpin through `pin` with the exact string "N".
            Command::Unpin(c),
            "imopenlines.session.mode.pin",
            json!({"CHAT_ID": 12, "ACTIVATE": "N"}),
            Action::Unpin,
        ),
        (
            Command::WhisperOn(c),
            "imopenlines.session.mode.silent",
            json!({"CHAT_ID": 12, "ACTIVATE": "Y"}),
            Action::WhisperOn,
        ),
        (
            Command::WhisperOff(c),
            "imopenlines.session.mode.silent",
            json!({"CHAT_ID": 12, "ACTIVATE": "N"}),
            Action::WhisperOff,
        ),
        (
            Command::PinAll,
            "imopenlines.session.mode.pinAll",
            json!({}),
            Action::PinAll,
        ),
        (
            Command::UnpinAll,
            "imopenlines.session.mode.unpinAll",
            json!({}),
            Action::UnpinAll,
        ),
    ];
    for (command, method, params, action) in cases {
        assert_eq!(command.method(), method, "{command:?}");
        assert_eq!(sent(command), params, "{command:?}");
        assert_eq!(command.action(), action, "{command:?}");
    }
}

#[test]
fn chat_id_is_a_json_number_and_activate_an_exact_upper_case_string() {
    let params = sent(Command::Pin(ChatId::new(1 << 53).unwrap()));
    assert!(params["CHAT_ID"].is_u64());
    assert_eq!(params["CHAT_ID"], json!(9_007_199_254_740_992_u64));
    assert_eq!(params["ACTIVATE"], json!("Y"));
    assert_eq!(
        sent(Command::Unpin(chat12()))["ACTIVATE"].as_str(),
        Some("N")
    );
}

#[test]
fn params_are_always_an_object() {
    let c = chat12();
    for command in [
        Command::Pin(c),
        Command::Unpin(c),
        Command::WhisperOn(c),
        Command::WhisperOff(c),
        Command::PinAll,
        Command::UnpinAll,
    ] {
        assert!(sent(command).is_object(), "{command:?}");
    }
}

#[test]
fn toggles_flip_the_current_state() {
    let c = chat12();
    assert_eq!(Command::toggled_pin(c, false), Command::Pin(c));
    assert_eq!(Command::toggled_pin(c, true), Command::Unpin(c));
    assert_eq!(Command::toggled_whisper(c, false), Command::WhisperOn(c));
    assert_eq!(Command::toggled_whisper(c, true), Command::WhisperOff(c));
}

#[test]
fn actions_have_stable_log_names_and_only_load_is_a_read() {
    let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(
        names,
        [
            "load",
            "pin",
            "unpin",
            "whisper-on",
            "whisper-off",
            "pin-all",
            "unpin-all"
        ]
    );
    for a in Action::ALL {
        assert_eq!(a.is_write(), a != Action::Load, "{a:?}");
    }
}

#[test]
fn session_ids_are_read_from_the_documented_int_array() {
    let cases: [(Value, Vec<u64>); 6] = [
        (json!([339, 337]), vec![339, 337]),
        (json!([]), vec![]),
        (json!(["339", "337"]), vec![339, 337]),
        (json!([339, "337"]), vec![339, 337]),
        // BX24 turns an empty body into {result: {}}.
        (json!({}), vec![]),
        // PHP encodes a list with gaps as an object.
        (json!({"0": 339, "2": 337}), vec![339, 337]),
    ];
    for (result, ids) in cases {
        assert_eq!(parse_session_ids(&result), Ok(ids), "{result}");
    }
}

#[test]
fn a_garbled_bulk_result_is_a_bad_response_not_an_empty_list() {
    for bad in [
        json!(null),
        json!(true),
        json!(3),
        json!("339"),
        json!([339, null]),
        json!([-1]),
        json!([3.5]),
        json!([""]),
        json!([" 339"]),
        json!(["-1"]),
        json!([[339]]),
        json!({"a": "b"}),
    ] {
        assert!(
            matches!(parse_session_ids(&bad), Err(CallError::BadResponse(_))),
            "{bad}"
        );
    }
}
