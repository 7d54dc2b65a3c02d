//! Hostile input: every parser takes any JSON (or any text) without panicking and gives a typed
//! outcome, and the parts that decide what the operator sees follow their one rule exactly.
#![cfg(not(target_arch = "wasm32"))]

use openline_modes::domain::command::{parse_session_ids, Action};
use openline_modes::domain::dialog::{chat_from_placement, ChatId, PlacementProblem, MAX_CHAT_ID};
use openline_modes::domain::envelope::decode_answer;
use openline_modes::domain::error::{classify, CallError, Problem};
use openline_modes::domain::install::{
    bind_outcome, bindings, installation, Bound, Home, HomeBinding, Installation,
};
use openline_modes::domain::json::{cut, get_ci};
use openline_modes::domain::state::{parse_dialog, parse_profile};
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn placement_options_of_any_shape_give_a_chat_in_range_or_a_typed_problem(options in json()) {
        if let Ok(chat) = chat_from_placement(&options) {
            prop_assert!(chat.get() > 0 && chat.get() <= MAX_CHAT_ID);
        }
    }

    #[test]
    fn placement_options_as_a_json_string_read_as_the_options_themselves(options in json()) {
        // The host may hand the options over as JSON text: the same chat, or the same problem.
        // (The text a problem keeps for the console may differ in a float's last digit: JSON
        // text does not round-trip every f64 exactly.)
        prop_assume!(options.is_object());
        let kind = |r: Result<ChatId, PlacementProblem>| r.map_err(|p| std::mem::discriminant(&p));
        prop_assert_eq!(
            kind(chat_from_placement(&Value::String(options.to_string()))),
            kind(chat_from_placement(&options))
        );
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
        match parse_dialog(chat(), &answer) {
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
        let state = parse_dialog(chat(), &answer).expect("a well-formed dialog parses");
        prop_assert_eq!(state.pinned, fields.get(3).is_some_and(|f| f == "Y"));
        prop_assert_eq!(state.whisper, whisper == "Y");
        let session = fields.get(5).and_then(|f| f.parse::<u64>().ok()).filter(|&n| n > 0);
        let digits_only = fields.get(5).is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(state.session_id, if digits_only { session } else { None });
    }

    #[test]
    fn only_an_object_with_an_id_is_a_user(answer in json()) {
        match parse_profile(&answer) {
            Ok(user) => {
                prop_assert!(answer.is_object(), "{}", answer);
                prop_assert!(user.id > 0);
            }
            Err(err) => prop_assert!(matches!(err, CallError::BadResponse(_)), "{:?}", err),
        }
    }

    #[test]
    fn a_bulk_answer_gives_at_most_one_id_per_entry(answer in json()) {
        if let Ok(ids) = parse_session_ids(&answer) {
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
        prop_assert_eq!(parse_session_ids(&json!(ids)), Ok(ids));
    }

    #[test]
    fn any_rest_answer_with_an_error_key_is_a_failure_and_without_one_a_success(
        answer in json(),
        status in any::<u16>(),
    ) {
        let decoded = decode_answer(&answer, status);
        match answer.as_object() {
            Some(map) if map.contains_key("error") => {
                let is_rest_failure = matches!(decoded, Err(CallError::Rest { status: s, .. }) if s == status);
                prop_assert!(is_rest_failure, "{:?}", decoded);
            }
            Some(map) => prop_assert_eq!(decoded, Ok(map.get("result").cloned().unwrap_or(Value::Null))),
            // As the library: a JSON string body has no `error` and no `result` (recorded case
            // callMethod.200.body-json-string): success with nothing in it.
            None => prop_assert_eq!(decoded, Ok(Value::Null)),
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
            decode_answer(&answer, status),
            Err(CallError::Rest { status, code, description })
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
            Home::ALL.into_iter().all(|h| model(h) == HomeBinding::NotBound)
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
        prop_assert_eq!(installation(&answer), want);
    }

    #[test]
    fn a_bind_answer_is_new_unless_it_carries_an_error(answer in json()) {
        let carries_error = answer.as_object().is_some_and(|m| m.contains_key("error"));
        let outcome = bind_outcome(Ok(answer.clone()));
        if carries_error {
            prop_assert_ne!(outcome, Ok(Bound::New), "{}", answer);
        } else {
            prop_assert_eq!(outcome, Ok(Bound::New), "{}", answer);
        }
    }

    #[test]
    fn a_key_is_found_whatever_its_casing(
        key in "[a-zA-Z_][a-zA-Z0-9_]{0,11}",
        upper in prop::collection::vec(any::<bool>(), 12),
    ) {
        let sent: String = key
            .chars()
            .zip(&upper)
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        let map: Map<String, Value> = [(sent.clone(), json!(1))].into_iter().collect();
        prop_assert_eq!(get_ci(&map, &key), Some(&json!(1)), "{} sent as {}", key, sent);
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
