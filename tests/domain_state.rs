//! Reading the dialog state from `imopenlines.dialog.get` + `profile` (docs/bitrix24.md §2), and
//! who may use which switch. Parsers are tolerant: nothing was checked on a live portal.

use openline_modes::domain::dialog::ChatId;
use openline_modes::domain::error::CallError;
use openline_modes::domain::reply::Reply;
use openline_modes::domain::rest::{Call, Params};
use openline_modes::domain::state::{
    parse_dialog, parse_profile, permissions, state_batch, Blocked, CurrentUser, DialogKind,
    DialogState, Permissions, PROFILE_METHOD, STATE_METHOD,
};
use serde_json::{json, Value};

/// What the widget makes of `result` as `imopenlines.dialog.get`'s answer for `chat`: decoded
/// as the edge decodes it, then read.
fn read_dialog(chat: ChatId, result: &Value) -> Result<DialogState, CallError> {
    let answer = Reply::decode(STATE_METHOD, result)?.dialog()?;
    parse_dialog(chat, &answer)
}

/// What the widget makes of `result` as `profile`'s answer.
fn read_profile(result: &Value) -> Result<CurrentUser, CallError> {
    parse_profile(&Reply::decode(PROFILE_METHOD, result)?.profile()?)
}

fn chat12() -> ChatId {
    ChatId::new(12).unwrap()
}

/// The DOCS example of `imopenlines.dialog.get`, trimmed to what matters.
fn docs_dialog() -> Value {
    json!({
        "id": 12,
        "name": "Alice Client - Open Channel",
        "owner": 1,
        "type": "lines",
        "message_type": "L",
        "entity_type": "LINES",
        "entity_id": "livechat|1|12|7",
        "entity_data_1": "Y|LEAD|1209|N|N|343|1773682918|0|0|0",
        "entity_data_2": "LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0",
        "entity_data_3": "N",
        "dialog_id": "chat12",
        "manager_list": [1]
    })
}

fn with(mut base: Value, key: &str, value: Value) -> Value {
    base[key] = value;
    base
}

fn without(mut base: Value, key: &str) -> Value {
    base.as_object_mut().unwrap().remove(key);
    base
}

fn parse(v: &Value) -> DialogState {
    read_dialog(chat12(), v).expect("parses")
}

#[test]
fn the_docs_example_is_not_pinned_with_session_343() {
    let s = parse(&docs_dialog());
    assert_eq!(
        s,
        DialogState {
            chat: chat12(),
            pinned: false,
            whisper: false,
            owner: Some(1),
            session_id: Some(343),
            kind: DialogKind::OpenLine,
            title: "Alice Client - Open Channel".into(),
        }
    );
}

#[test]
fn pause_field_decides_pinned_and_only_exact_upper_case_y_counts() {
    let cases = [
        ("Y|LEAD|1209|Y|N|343|1773682918|0|0|0", true),
        ("N|NONE|0|Y|N|5|0|1|0|0", true),
        ("Y|LEAD|1209|N|N|343|1773682918|0|0|0", false),
        ("Y|LEAD|1209|y|N|343|1773682918|0|0|0", false),
        ("Y|LEAD|1209| Y|N|343|1773682918|0|0|0", false),
        ("Y|LEAD|1209|YES|N|343|1773682918|0|0|0", false),
        ("Y|LEAD|1209||N|343|1773682918|0|0|0", false),
        ("Y|LEAD|1209|Y", true),
    ];
    for (data, pinned) in cases {
        let s = parse(&with(docs_dialog(), "entity_data_1", json!(data)));
        assert_eq!(s.pinned, pinned, "{data}");
    }
}

#[test]
fn session_field_gives_the_session_and_zero_means_none() {
    let cases = [
        ("Y|LEAD|1209|N|N|343|1773682918|0|0|0", Some(343)),
        ("Y|LEAD|1209|Y|N|0|1773682918|0|0|0", None),
        ("Y|LEAD|1209|Y|N||1773682918|0|0|0", None),
        ("Y|LEAD|1209|Y|N|abc|1773682918|0|0|0", None),
        ("Y|LEAD|1209|Y|N|-3|1773682918|0|0|0", None),
        ("Y|LEAD|1209|Y|N|343", Some(343)),
    ];
    for (data, session) in cases {
        let s = parse(&with(docs_dialog(), "entity_data_1", json!(data)));
        assert_eq!(s.session_id, session, "{data}");
    }
}

#[test]
fn short_empty_missing_or_odd_entity_data_1_gives_defaults() {
    let cases = [
        json!("Y|LEAD"),
        json!(""),
        json!("|||||||||"),
        json!("Y"),
        json!(null),
        json!(42),
        json!(["Y", "LEAD", "1", "Y"]),
    ];
    for data in cases {
        let s = parse(&with(docs_dialog(), "entity_data_1", data.clone()));
        assert!(!s.pinned, "{data}");
        assert_eq!(s.session_id, None, "{data}");
    }
    let s = parse(&without(docs_dialog(), "entity_data_1"));
    assert!(!s.pinned);
    assert_eq!(s.session_id, None);
}

#[test]
fn whisper_is_on_only_for_exact_upper_case_y() {
    let cases = [
        (json!("Y"), true),
        (json!("N"), false),
        (json!(""), false),
        (json!("y"), false),
        (json!(null), false),
        (json!(true), false),
        (json!(1), false),
    ];
    for (value, on) in cases {
        let s = parse(&with(docs_dialog(), "entity_data_3", value.clone()));
        assert_eq!(s.whisper, on, "{value}");
    }
    assert!(!parse(&without(docs_dialog(), "entity_data_3")).whisper);
}

#[test]
fn owner_may_be_a_number_or_a_string_and_zero_or_missing_is_none() {
    let cases = [
        (json!(5), Some(5)),
        (json!("5"), Some(5)),
        (json!(0), None),
        (json!("0"), None),
        (json!(""), None),
        (json!(null), None),
        (json!("five"), None),
        (json!(-1), None),
    ];
    for (value, owner) in cases {
        let s = parse(&with(docs_dialog(), "owner", value.clone()));
        assert_eq!(s.owner, owner, "{value}");
    }
    assert_eq!(parse(&without(docs_dialog(), "owner")).owner, None);
}

#[test]
fn upper_case_keys_are_accepted_too() {
    let upper = json!({
        "ID": "12",
        "NAME": "Bob",
        "OWNER": "7",
        "ENTITY_TYPE": "LINES",
        "ENTITY_DATA_1": "Y|LEAD|1209|Y|N|343|1773682918|0|0|0",
        "ENTITY_DATA_3": "Y"
    });
    let s = parse(&upper);
    assert!(s.pinned);
    assert!(s.whisper);
    assert_eq!(s.owner, Some(7));
    assert_eq!(s.session_id, Some(343));
    assert_eq!(s.kind, DialogKind::OpenLine);
    assert_eq!(s.title, "Bob");
}

#[test]
fn open_line_is_recognised_by_any_of_its_three_markers() {
    let base = without(
        without(without(docs_dialog(), "type"), "message_type"),
        "entity_type",
    );
    let cases = [
        ("entity_type", json!("LINES"), DialogKind::OpenLine),
        ("entity_type", json!("lines"), DialogKind::OpenLine),
        ("type", json!("lines"), DialogKind::OpenLine),
        ("message_type", json!("L"), DialogKind::OpenLine),
        ("entity_type", json!("CRM"), DialogKind::Other("CRM".into())),
        ("type", json!("chat"), DialogKind::Other("chat".into())),
        ("message_type", json!("C"), DialogKind::Other("C".into())),
    ];
    for (key, value, kind) in cases {
        let s = parse(&with(base.clone(), key, value.clone()));
        assert_eq!(s.kind, kind, "{key}={value}");
    }
    assert_eq!(parse(&base).kind, DialogKind::Other(String::new()));
    assert!(parse(&docs_dialog()).is_open_line());
    assert!(!parse(&base).is_open_line());
}

#[test]
fn title_is_kept_as_plain_text() {
    let s = parse(&with(docs_dialog(), "name", json!("<b>Tom & Jerry</b>")));
    assert_eq!(s.title, "<b>Tom & Jerry</b>");
    assert_eq!(parse(&without(docs_dialog(), "name")).title, "");
}

#[test]
fn a_result_that_is_not_a_dialog_object_is_a_bad_response() {
    for bad in [
        json!(null),
        json!({}),
        json!([]),
        json!(true),
        json!("chat12"),
        json!([1, 2]),
    ] {
        assert!(
            matches!(read_dialog(chat12(), &bad), Err(CallError::BadResponse(_))),
            "{bad}"
        );
    }
}

#[test]
fn a_dialog_of_another_chat_is_a_bad_response() {
    let other = with(docs_dialog(), "id", json!(13));
    assert!(matches!(
        read_dialog(chat12(), &other),
        Err(CallError::BadResponse(_))
    ));
    let same_as_string = with(docs_dialog(), "id", json!("12"));
    assert!(read_dialog(chat12(), &same_as_string).is_ok());
    assert!(read_dialog(chat12(), &without(docs_dialog(), "id")).is_ok());
}

#[test]
fn profile_reads_the_id_in_its_various_shapes_and_ignores_admin() {
    let cases = [
        (json!({"ID": "1", "ADMIN": true}), CurrentUser { id: 1 }),
        (json!({"ID": 1, "ADMIN": false}), CurrentUser { id: 1 }),
        (json!({"ID": "42", "ADMIN": "Y"}), CurrentUser { id: 42 }),
        (json!({"ID": "42", "ADMIN": "N"}), CurrentUser { id: 42 }),
        (json!({"ID": "42", "ADMIN": "true"}), CurrentUser { id: 42 }),
        (json!({"ID": "42", "ADMIN": 1}), CurrentUser { id: 42 }),
        (json!({"ID": "42", "ADMIN": "1"}), CurrentUser { id: 42 }),
        (json!({"ID": "42", "ADMIN": 0}), CurrentUser { id: 42 }),
        (json!({"ID": "42"}), CurrentUser { id: 42 }),
        (json!({"id": 42, "admin": true}), CurrentUser { id: 42 }),
        (
            json!({"ID": "3", "ADMIN": false, "NAME": "Ann", "LAST_NAME": "Lee", "TIME_ZONE": ""}),
            CurrentUser { id: 3 },
        ),
    ];
    for (result, user) in cases {
        assert_eq!(read_profile(&result), Ok(user), "{result}");
    }
}

#[test]
fn profile_without_a_usable_id_is_a_bad_response() {
    for bad in [
        json!({}),
        json!({"ID": 0}),
        json!({"ID": "0"}),
        json!({"ID": ""}),
        json!({"ID": "abc"}),
        json!({"ID": -1}),
        json!({"ADMIN": true}),
        json!(null),
        json!([]),
    ] {
        assert!(
            matches!(read_profile(&bad), Err(CallError::BadResponse(_))),
            "{bad}"
        );
    }
}

#[test]
fn the_state_is_read_in_one_batch_of_dialog_get_and_profile() {
    let batch = state_batch(chat12());
    assert_eq!(
        batch,
        vec![
            Call::new(
                "dialog",
                "imopenlines.dialog.get",
                Params::Dialog {
                    dialog_id: "chat12".into()
                }
            ),
            Call::new("me", "profile", Params::None {}),
        ]
    );
    let sent: Vec<Value> = batch
        .iter()
        .map(|c| serde_json::to_value(&c.params).unwrap())
        .collect();
    assert_eq!(sent, [json!({"DIALOG_ID": "chat12"}), json!({})]);
    assert_eq!(STATE_METHOD, "imopenlines.dialog.get");
}

fn state(owner: Option<u64>, session_id: Option<u64>) -> DialogState {
    DialogState {
        chat: chat12(),
        pinned: false,
        whisper: false,
        owner,
        session_id,
        kind: DialogKind::OpenLine,
        title: String::new(),
    }
}

#[test]
fn permissions_table() {
    let me = CurrentUser { id: 7 };
    let admin = CurrentUser { id: 7 };
    let ok = Ok(());
    let cases = [
        (
            "my dialog with a session",
            state(Some(7), Some(343)),
            me,
            ok,
            ok,
        ),
        (
            "another operator's dialog: pin blocked, whisper allowed",
            state(Some(8), Some(343)),
            me,
            Err(Blocked::OtherOperator),
            ok,
        ),
        (
            "being admin does not lift the operator-only pin rule",
            state(Some(8), Some(343)),
            admin,
            Err(Blocked::OtherOperator),
            ok,
        ),
        (
            "no owner but a session: allowed, the server decides",
            state(None, Some(343)),
            me,
            ok,
            ok,
        ),
        (
            "no session, my dialog",
            state(Some(7), None),
            me,
            Err(Blocked::NoSession),
            Err(Blocked::NoSession),
        ),
        (
            "no session and another owner: no session wins",
            state(Some(8), None),
            me,
            Err(Blocked::NoSession),
            Err(Blocked::NoSession),
        ),
        (
            "no session and no owner",
            state(None, None),
            me,
            Err(Blocked::NoSession),
            Err(Blocked::NoSession),
        ),
    ];
    for (what, st, user, pin, whisper) in cases {
        assert_eq!(
            permissions(&st, &user),
            Permissions { pin, whisper },
            "{what}"
        );
    }
}

#[test]
fn the_widget_in_a_chat_decodes_its_own_calls_only() {
    // What the sidebar bundle's port decodes (Bx24Host::in_chat): its dialog, its user and its
    // writes' results, exactly as the full table does.
    let dialog = json!({"id": 12, "entity_type": "LINES"});
    for (method, result) in [
        (STATE_METHOD, dialog),
        (PROFILE_METHOD, json!({"ID": "1"})),
        ("imopenlines.session.mode.pinAll", json!([339])),
        ("imopenlines.session.mode.pin", json!(true)),
        ("imopenlines.session.mode.silent", json!(true)),
    ] {
        assert_eq!(
            Reply::decode_in_chat(method, &result),
            Reply::decode(method, &result),
            "{method}"
        );
    }
    // The app page's calls are not the widget's: refused, never read as something else.
    for method in [
        "placement.get",
        "app.info",
        "im.recent.get",
        "placement.bind",
    ] {
        assert!(
            matches!(
                Reply::decode_in_chat(method, &json!([])),
                Err(CallError::BadResponse(_))
            ),
            "{method}"
        );
    }
}
