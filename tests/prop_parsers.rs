//! Hostile input: every answer type decodes any JSON (or any text) without panicking into a
//! typed outcome, and the parts that decide what the operator sees follow their one rule
//! exactly. Answers are decoded as the edge decodes them ([`Reply::decode`]).
#![cfg(not(target_arch = "wasm32"))]

use openline_modes::domain::command::{parse_session_ids, Action, PIN_ALL_METHOD};
use openline_modes::domain::dialog::{
    chat_from_placement as chat_from_options, ChatId, PlacementOptions, PlacementProblem,
    MAX_CHAT_ID,
};
use openline_modes::domain::envelope::Head;
use openline_modes::domain::error::{classify, CallError, Problem};
use openline_modes::domain::install::{
    bind_outcome, bindings as read_bindings, installation, Bindings, Bound, Home, HomeBinding,
    Installation, APP_INFO_METHOD, BIND_METHOD, GET_METHOD,
};
use openline_modes::domain::reply::Reply;
use openline_modes::domain::state::{
    parse_dialog, parse_profile, CurrentUser, DialogState, PROFILE_METHOD, STATE_METHOD,
};
use openline_modes::domain::wire::cut;
use openline_modes::i18n::{Locale, Msg};

mod catalogues;
mod fake;
use catalogues::Say;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Keys the parsers look for, mixed with random ones, so objects hit the interesting paths.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("dialogId".to_owned()),
        Just("DIALOG_ID".to_owned()),
        Just("id".to_owned()),
        Just("entity_type".to_owned()),
        Just("entity_data_1".to_owned()),
        Just("entity_data_3".to_owned()),
        Just("owner".to_owned()),
        Just("result".to_owned()),
        Just("error".to_owned()),
        Just("error_description".to_owned()),
        Just("ID".to_owned()),
        Just("ADMIN".to_owned()),
        Just("chat".to_owned()),
        Just("lines".to_owned()),
        Just("status".to_owned()),
        Just("title".to_owned()),
        "[a-zA-Z_]{0,10}",
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,24}".prop_map(Value::from),
        "chat[0-9]{0,20}".prop_map(Value::from),
        "[YNyn]?(\\|[A-Z0-9]{0,6}){0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn chat() -> ChatId {
    ChatId::new(12).unwrap()
}

fn chat_from_placement(options: &Value) -> Result<ChatId, PlacementProblem> {
    let options: PlacementOptions = serde_json::from_value(options.clone()).expect("any JSON");
    chat_from_options(&options)
}

fn parse_dialog_answer(chat: ChatId, answer: &Value) -> Result<DialogState, CallError> {
    parse_dialog(chat, &Reply::decode(STATE_METHOD, answer)?.dialog()?)
}

fn parse_profile_answer(answer: &Value) -> Result<CurrentUser, CallError> {
    parse_profile(&Reply::decode(PROFILE_METHOD, answer)?.profile()?)
}

fn parse_sessions(answer: &Value) -> Result<Vec<u64>, CallError> {
    parse_session_ids(&Reply::decode(PIN_ALL_METHOD, answer)?.sessions()?)
}

fn bindings(answer: &Value, handler: &str) -> Result<Bindings, CallError> {
    Ok(read_bindings(
        &Reply::decode(GET_METHOD, answer)?.placements()?,
        handler,
    ))
}

fn head(answer: &Value) -> Head {
    serde_json::from_value(answer.clone()).expect("any JSON is an answer")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn placement_options_of_any_shape_give_a_chat_in_range_or_a_typed_problem(options in json()) {
        if let Ok(chat) = chat_from_placement(&options) {
            prop_assert!(chat.get() > 0 && chat.get() <= MAX_CHAT_ID);
        }
    }

    #[test]
    fn chat_n_is_accepted_exactly_when_n_is_in_range(n in any::<u64>()) {
        let options = json!({ "dialogId": format!("chat{n}") });
        let parsed = chat_from_placement(&options).ok().map(ChatId::get);
        let expected = (n > 0 && n <= MAX_CHAT_ID).then_some(n);
        prop_assert_eq!(parsed, expected);
    }

    #[test]
    fn a_parsed_dialog_id_prints_back_as_itself(text in "chat[0-9]{0,18}|.{0,20}") {
        if let Some(chat) = ChatId::parse_dialog_id(&text) {
            prop_assert_eq!(chat.dialog_id(), text);
        }
    }

    #[test]
    fn only_an_object_can_be_a_dialog_and_a_session_id_is_never_zero(answer in json()) {
        match parse_dialog_answer(chat(), &answer) {
            Ok(state) => {
                prop_assert!(answer.is_object(), "{}", answer);
                prop_assert_ne!(state.session_id, Some(0));
            }
            Err(err) => prop_assert!(matches!(err, CallError::BadResponse(_)), "{:?}", err),
        }
    }

    #[test]
    fn pinned_is_exactly_entity_data_1_field_3_being_y(
        fields in prop::collection::vec("[YNyn]|[A-Z0-9 ]{0,5}", 0..12),
        whisper in "[YNyn]?|.{0,3}",
    ) {
        let data_1 = fields.join("|");
        let answer = json!({
            "id": 12, "type": "lines", "entity_type": "LINES",
            "entity_data_1": data_1, "entity_data_3": whisper, "owner": 1
        });
        let state = parse_dialog_answer(chat(), &answer).expect("a well-formed dialog parses");
        prop_assert_eq!(state.pinned, fields.get(3).is_some_and(|f| f == "Y"));
        prop_assert_eq!(state.whisper, whisper == "Y");
        let session = fields.get(5).and_then(|f| f.parse::<u64>().ok()).filter(|&n| n > 0);
        let digits_only = fields.get(5).is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(state.session_id, if digits_only { session } else { None });
    }

    #[test]
    fn only_an_object_with_an_id_is_a_user(answer in json()) {
        match parse_profile_answer(&answer) {
            Ok(user) => {
                prop_assert!(answer.is_object(), "{}", answer);
                prop_assert!(user.id > 0);
            }
            Err(err) => prop_assert!(matches!(err, CallError::BadResponse(_)), "{:?}", err),
        }
    }

    #[test]
    fn a_bulk_answer_gives_at_most_one_id_per_entry(answer in json()) {
        if let Ok(ids) = parse_sessions(&answer) {
            let entries = match &answer {
                Value::Array(list) => list.len(),
                Value::Object(map) => map.len(),
                _ => 0,
            };
            prop_assert!(ids.len() <= entries, "{:?} from {}", ids, answer);
        }
    }

    #[test]
    fn session_id_lists_survive_the_trip_through_json(ids in prop::collection::vec(0..=MAX_CHAT_ID, 0..20)) {
        prop_assert_eq!(parse_sessions(&json!(ids)), Ok(ids));
    }

    #[test]
    fn any_rest_answer_with_an_error_key_is_a_failure_and_without_one_a_success(
        answer in json(),
        status in any::<u16>(),
    ) {
        let failure = head(&answer).failure(status);
        match answer.as_object() {
            Some(map) if map.contains_key("error") => {
                let is_rest_failure = matches!(failure, Some(CallError::Rest { status: s, .. }) if s == status);
                prop_assert!(is_rest_failure, "{:?}", failure);
            }
            // As the library: a JSON string body has no `error` (recorded case
            // callMethod.200.body-json-string): success with nothing in it.
            _ => prop_assert_eq!(failure, None),
        }
    }

    #[test]
    fn an_error_object_gives_its_own_code_and_description(
        code in ".{0,20}",
        description in ".{1,40}",
        sibling in ".{0,20}",
        status in any::<u16>(),
    ) {
        let answer = json!({
            "result": {},
            "error": { "error": code.clone(), "error_description": description.clone() },
            "error_description": sibling,
        });
        prop_assert_eq!(
            head(&answer).failure(status),
            Some(CallError::Rest { status, code, description })
        );
    }

    #[test]
    fn pin_and_unpin_read_an_error_alike_and_only_they_blame_the_operator_for_pinning(
        code in ".{0,20}|expired_token|ACCESS_DENIED|CHAT_ID_EMPTY|QUERY_LIMIT_EXCEEDED|",
        description in ".{0,40}",
        status in any::<u16>(),
    ) {
        // One method, `pin` with ACTIVATE Y or N: the same error means the same to both.
        let err = CallError::Rest { status, code, description };
        prop_assert_eq!(classify(Action::Pin, &err), classify(Action::Unpin, &err));
        // "Not the operator" is the pin and whisper refusal; a read or a bulk write that fails
        // the same way is not the operator's fault.
        for action in [Action::Load, Action::PinAll, Action::UnpinAll] {
            prop_assert_ne!(classify(action, &err), Problem::NotOperator, "{:?}", action);
        }
    }

    #[test]
    fn bindings_are_read_per_home_as_a_model_says(
        rows in prop::collection::vec((0usize..4, 0usize..3), 0..8),
    ) {
        // Rows of placement.get: a placement (our two homes, another one, a lower-case one)
        // and a handler (this page, an earlier address, this page without its slash).
        const OURS: &str = "https://widget.example/olm/";
        let placements = ["IM_TEXTAREA", "IM_SIDEBAR", "IM_NAVIGATION", "im_sidebar"];
        let handlers = [OURS, "https://old.example/olm/", "https://widget.example/olm"];
        let answer = Value::Array(
            rows.iter()
                .map(|&(p, h)| json!({ "placement": placements[p], "handler": handlers[h] }))
                .collect(),
        );
        let model = |home: Home| {
            let here: Vec<usize> = rows
                .iter()
                .filter(|&&(p, _)| placements[p].eq_ignore_ascii_case(home.code()))
                .map(|&(_, h)| h)
                .collect();
            let others: Vec<String> =
                here.iter().filter(|&&h| h == 1).map(|&h| handlers[h].to_owned()).collect();
            if !others.is_empty() {
                HomeBinding::BoundElsewhere(others)
            } else if here.is_empty() {
                HomeBinding::NotBound
            } else {
                HomeBinding::Bound
            }
        };
        let read = bindings(&answer, OURS).expect("a list of rows");
        for home in Home::ALL {
            prop_assert_eq!(read.of(home), &model(home), "{:?} {}", home, answer);
        }
        prop_assert_eq!(
            read.none(),
            Home::IN_CHAT.into_iter().all(|h| model(h) == HomeBinding::NotBound)
        );
    }

    #[test]
    fn only_a_list_or_an_object_is_a_placement_get_result(answer in json()) {
        let read = bindings(&answer, "https://widget.example/olm/");
        if !(answer.is_array() || answer.is_object()) {
            prop_assert!(matches!(read, Err(CallError::BadResponse(_))), "{:?}", read);
        }
    }

    #[test]
    fn installed_as_a_boolean_is_read_as_it_is(installed in any::<bool>(), other in json()) {
        let answer = json!({ "ID": 7, "INSTALLED": installed, "OTHER": other });
        let want = if installed { Installation::Installed } else { Installation::Installing };
        let info = Reply::decode(APP_INFO_METHOD, &answer).and_then(Reply::app_info);
        prop_assert_eq!(info.map(|info| installation(&info)), Ok(want));
    }

    #[test]
    fn a_bind_answer_is_new_unless_it_carries_an_error(answer in json()) {
        let carries_error = answer.as_object().is_some_and(|m| m.contains_key("error"));
        let outcome = bind_outcome(Reply::decode(BIND_METHOD, &answer).and_then(Reply::bind));
        if carries_error {
            prop_assert_ne!(outcome, Ok(Bound::New), "{}", answer);
        } else {
            prop_assert_eq!(outcome, Ok(Bound::New), "{}", answer);
        }
    }

    #[test]
    fn a_dialog_reads_the_same_with_its_keys_in_lower_or_upper_case(
        data_1 in "[YN]?(\\|[A-Z0-9]{0,4}){0,8}",
        whisper in "[YN]?",
        owner in 0u64..5,
        upper in prop::collection::vec(any::<bool>(), 6),
    ) {
        let fields = [
            ("id", json!(12)),
            ("entity_type", json!("LINES")),
            ("entity_data_1", json!(data_1)),
            ("entity_data_3", json!(whisper)),
            ("owner", json!(owner)),
            ("name", json!("Alice")),
        ];
        let spelled = |up: &[bool]| {
            Value::Object(
                fields
                    .iter()
                    .zip(up)
                    .map(|((k, v), &up)| (if up { k.to_ascii_uppercase() } else { (*k).to_owned() }, v.clone()))
                    .collect::<Map<_, _>>(),
            )
        };
        prop_assert_eq!(
            parse_dialog_answer(chat(), &spelled(&upper)),
            parse_dialog_answer(chat(), &spelled(&[false; 6]))
        );
    }

    #[test]
    fn the_dialog_id_key_is_found_whatever_its_casing(
        key in "dialog_?id",
        upper in prop::collection::vec(any::<bool>(), 9),
    ) {
        let sent: String = key
            .chars()
            .zip(&upper)
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect();
        let options = Value::Object([(sent.clone(), json!("chat7"))].into_iter().collect());
        prop_assert_eq!(chat_from_placement(&options), Ok(ChatId::new(7).unwrap()), "{}", sent);
    }

    #[test]
    fn any_recent_list_gives_rows_of_open_lines_it_holds_and_a_forecast_among_them(answer in json()) {
        use openline_modes::domain::command::Command;
        use openline_modes::domain::recent::{forecast, parse_list, Stage, RECENT_METHOD};
        let Ok(items) = Reply::decode(RECENT_METHOD, &answer).and_then(Reply::recent) else {
            return Ok(());
        };
        let list = parse_list(&items, CurrentUser { id: 1 });
        // Every entry is a row or skipped, never both, never invented.
        prop_assert_eq!(list.rows.len() + list.skipped, items.0.len());
        prop_assert!(list.rows.iter().all(|r| r.state.is_open_line()));
        // In work first: the stages never go back.
        prop_assert!(list.rows.windows(2).all(|w| w[0].stage <= w[1].stage));
        for command in [Command::PinAll, Command::UnpinAll] {
            for session in forecast(&list, command) {
                let row = list.rows.iter().find(|r| r.session == session);
                prop_assert!(
                    row.is_some_and(|r| r.mine && r.stage == Stage::InWork),
                    "{:?} {}", command, session
                );
            }
        }
        // The pin is offered only on the user's own dialogs.
        prop_assert!(list.rows.iter().all(|r| r.mine || r.permissions.pin.is_err()));
    }

    #[test]
    fn the_forecast_is_the_servers_rule_over_any_list(
        dialogs in prop::collection::vec(
            (proptest::option::of((0u64..4, any::<bool>(), 0u64..80, 0u64..3)), any::<bool>()),
            0..30,
        ),
    ) {
        use openline_modes::domain::command::Command;
        use openline_modes::domain::recent::{forecast, parse_list, RECENT_METHOD};
        // (owner, pinned, status, session kind) per entry, `None` for a `null` entry; numbers
        // sometimes as strings, as PHP may send them.
        let items: Vec<Value> = dialogs
            .iter()
            .enumerate()
            .map(|(i, (d, as_text))| match d {
                None => Value::Null,
                Some((owner, pinned, status, session_kind)) => {
                    let chat = 100 + i as u64;
                    let session = if *session_kind == 0 { 0 } else { 1000 + i as u64 };
                    let n = |v: u64| if *as_text { json!(v.to_string()) } else { json!(v) };
                    json!({
                        "id": format!("chat{chat}"),
                        "pinned": !pinned,
                        "chat": {
                            "id": n(chat), "owner": n(*owner), "entity_type": "LINES",
                            "entity_data_1": format!("Y|L|1|{}|N|{session}|0|0|0|0", if *pinned { "Y" } else { "N" }),
                            "entity_data_3": "N"
                        },
                        "lines": { "id": n(session), "status": n(*status) }
                    })
                }
            })
            .collect();
        let items = Reply::decode(RECENT_METHOD, &Value::Array(items)).and_then(Reply::recent).unwrap();
        let list = parse_list(&items, CurrentUser { id: 1 });
        prop_assert_eq!(list.rows.len(), dialogs.iter().filter(|(d, _)| d.is_some()).count());
        for (command, target) in [(Command::PinAll, true), (Command::UnpinAll, false)] {
            // The server's rule, on the generated entries themselves (docs/bitrix24.md §11.4).
            let mut want: Vec<u64> = dialogs
                .iter()
                .enumerate()
                .filter_map(|(i, (d, _))| {
                    let (owner, pinned, status, kind) = (*d)?;
                    (owner == 1 && kind != 0 && (10..50).contains(&status) && pinned != target)
                        .then_some(1000 + i as u64)
                })
                .collect();
            let mut got = forecast(&list, command);
            want.sort();
            got.sort();
            prop_assert_eq!(got, want, "{:?}", command);
        }
    }

    #[test]
    fn an_excerpt_is_a_prefix_of_at_most_max_characters(text in ".{0,120}", max in 0usize..100) {
        let excerpt = cut(&text, max);
        if text.chars().count() <= max {
            prop_assert_eq!(excerpt, text);
        } else {
            let kept = excerpt.strip_suffix('…').expect("a cut ends with …");
            prop_assert!(text.starts_with(kept));
            prop_assert_eq!(kept.chars().count(), max);
        }
    }

    #[test]
    fn counts_read_in_every_language_with_the_number_in_them(n in any::<u64>()) {
        for locale in Locale::ALL {
            for msg in [Msg::PinnedCount(n), Msg::UnpinnedCount(n)] {
                let text = locale.text(&msg);
                prop_assert!(!text.trim().is_empty());
                if n > 0 {
                    prop_assert!(text.contains(&n.to_string()), "{locale:?} {n}: {text}");
                }
            }
        }
    }
}
