//! Every parser of what the portal sends, fed arbitrary bytes read as JSON: a REST answer, a
//! dialog, a profile, a bulk result, placement options. None may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openline_modes::domain::command::{parse_session_ids, Action};
use openline_modes::domain::dialog::{chat_from_placement, ChatId};
use openline_modes::domain::envelope::decode_answer;
use openline_modes::domain::error::classify;
use openline_modes::domain::state::{parse_dialog, parse_profile, permissions};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = ChatId::parse_dialog_id(text);
        let _ = chat_from_placement(&serde_json::Value::String(text.to_owned()));
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    match decode_answer(&value, 400) {
        Ok(result) => {
            let chat = ChatId::new(12).unwrap();
            if let (Ok(state), Ok(me)) = (parse_dialog(chat, &result), parse_profile(&result)) {
                let _ = permissions(&state, &me);
            }
            let _ = parse_session_ids(&result);
        }
        Err(err) => {
            let _ = classify(Action::Load, &err);
        }
    }
    let _ = chat_from_placement(&value);
});
