//! `imopenlines.session.mode.*`: order of checks, ACTIVATE semantics, no-ops, the empty-error
//! refusal and pinAll/unpinAll, per docs/bitrix24.md §1.
mod common;

use common::{message_count, sorted_ids, start, system_codes};
use serde_json::{json, Value};

const PIN: &str = "imopenlines.session.mode.pin";
const UNPIN: &str = "imopenlines.session.mode.unpin";
const SILENT: &str = "imopenlines.session.mode.silent";
const PIN_ALL: &str = "imopenlines.session.mode.pinAll";
const UNPIN_ALL: &str = "imopenlines.session.mode.unpinAll";

/// (method, params, expected status, expected error code or None for `result: true`)
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    u16,
    Option<&'static str>,
);

const CHECKS: &[Case] = &[
    // 1. pin/unpin: falsy CHAT_ID
    (PIN, &[], 400, Some("CHAT_ID_EMPTY")),
    (PIN, &[("CHAT_ID", "")], 400, Some("CHAT_ID_EMPTY")),
    (PIN, &[("CHAT_ID", "0")], 400, Some("CHAT_ID_EMPTY")),
    (UNPIN, &[], 400, Some("CHAT_ID_EMPTY")),
    // 3b. intval: "chat12" is 0, a chat that does not exist is invalid too
    (PIN, &[("CHAT_ID", "chat12")], 400, Some("CHAT_ID")),
    (PIN, &[("CHAT_ID", "999")], 400, Some("CHAT_ID")),
    (UNPIN, &[("CHAT_ID", "999")], 400, Some("CHAT_ID")),
    // 3d. member of a non-open-line chat
    (PIN, &[("CHAT_ID", "16")], 400, Some("CHAT_TYPE")),
    (UNPIN, &[("CHAT_ID", "16")], 400, Some("CHAT_TYPE")),
    // 3e. not a member, no recent row, canJoin false
    (PIN, &[("CHAT_ID", "15")], 400, Some("ACCESS_DENIED")),
    (UNPIN, &[("CHAT_ID", "15")], 400, Some("ACCESS_DENIED")),
    // 4. access passes, but the user is not the session's operator / the session is closed
    (PIN, &[("CHAT_ID", "14")], 400, Some("")),
    (PIN, &[("CHAT_ID", "17")], 400, Some("")),
    (PIN, &[("CHAT_ID", "21")], 400, Some("")),
    // unpin of an unpinned chat returns before the operator check (PAUSE already N)
    (UNPIN, &[("CHAT_ID", "17")], 200, None),
    (UNPIN, &[("CHAT_ID", "14")], 200, None),
    (PIN, &[("CHAT_ID", "11")], 200, None),
    (PIN, &[("CHAT_ID", " 11")], 200, None),
    (UNPIN, &[("CHAT_ID", "12")], 200, None),
    // silent: no empty check, so a missing CHAT_ID is "invalid"
    (SILENT, &[], 400, Some("CHAT_ID")),
    (
        SILENT,
        &[("CHAT_ID", "chat12"), ("ACTIVATE", "Y")],
        400,
        Some("CHAT_ID"),
    ),
    (
        SILENT,
        &[("CHAT_ID", "16"), ("ACTIVATE", "Y")],
        400,
        Some("CHAT_TYPE"),
    ),
    (
        SILENT,
        &[("CHAT_ID", "15"), ("ACTIVATE", "Y")],
        400,
        Some("ACCESS_DENIED"),
    ),
    // silent has no operator check: a member of someone else's dialog may toggle it
    (SILENT, &[("CHAT_ID", "14"), ("ACTIVATE", "Y")], 200, None),
    (SILENT, &[("CHAT_ID", "17"), ("ACTIVATE", "Y")], 200, None),
    (SILENT, &[("CHAT_ID", "21"), ("ACTIVATE", "Y")], 200, None),
];

#[tokio::test]
async fn every_check_of_pin_unpin_and_silent_answers_like_the_server() {
    let sb = start().await;
    for (method, params, status, code) in CHECKS {
        sb.reset().await;
        let (got_status, body) = sb.call(method, params).await;
        let what = format!("{method} {params:?} -> {got_status} {body}");
        assert_eq!(got_status, *status, "{what}");
        match code {
            None => assert_eq!(body["result"], json!(true), "{what}"),
            Some(code) => {
                assert_eq!(body["error"], json!(code), "{what}");
                assert!(body.get("result").is_none(), "{what}");
                assert!(body.get("time").is_none(), "errors carry no time: {what}");
            }
        }
    }
}

#[tokio::test]
async fn error_texts_are_the_servers_and_follow_the_portal_language() {
    let sb = start().await;
    let (_, body) = sb.call(PIN, &[("CHAT_ID", "16")]).await;
    assert_eq!(body["error_description"], "This chat is not Open Channel");
    let (_, body) = sb.call(PIN, &[("CHAT_ID", "15")]).await;
    assert_eq!(
        body["error_description"],
        "You do not have permission to access this chat."
    );
    let (_, body) = sb.call(PIN, &[]).await;
    assert_eq!(body["error_description"], "Chat ID can't be empty");
    sb.scenario(json!({"lang": "ru"})).await;
    let (_, body) = sb.call(PIN, &[("CHAT_ID", "16")]).await;
    assert_eq!(
        body["error_description"],
        "Указанный чат не является открытой линией"
    );
}

#[tokio::test]
async fn pin_unpins_only_on_the_exact_string_n() {
    let sb = start().await;
    // On the pinned chat12: only "N" unpins.
    for (activate, stays_pinned) in [
        (Some("N"), false),
        (Some("n"), true),
        (Some("false"), true),
        (Some(""), true),
        (Some("0"), true),
        (None, true),
        (Some("Y"), true),
    ] {
        sb.reset().await;
        let mut params = vec![("CHAT_ID", "12")];
        if let Some(a) = activate {
            params.push(("ACTIVATE", a));
        }
        let (status, body) = sb.call(PIN, &params).await;
        assert_eq!(
            (status, &body["result"]),
            (200, &json!(true)),
            "ACTIVATE={activate:?}"
        );
        assert_eq!(
            sb.chat(12).await["pinned"],
            json!(stays_pinned),
            "ACTIVATE={activate:?}"
        );
    }
    // On the unpinned chat11: everything but "N" pins.
    for (activate, pinned) in [
        (Some("Y"), true),
        (Some("y"), true),
        (Some("true"), true),
        (None, true),
        (Some("N"), false),
    ] {
        sb.reset().await;
        let mut params = vec![("CHAT_ID", "11")];
        if let Some(a) = activate {
            params.push(("ACTIVATE", a));
        }
        sb.call(PIN, &params).await;
        assert_eq!(
            sb.chat(11).await["pinned"],
            json!(pinned),
            "ACTIVATE={activate:?}"
        );
    }
}

#[tokio::test]
async fn silent_enables_only_on_the_exact_string_y() {
    let sb = start().await;
    for (activate, on) in [
        (Some("Y"), true),
        (Some("y"), false),
        (Some("true"), false),
        (Some("1"), false),
        (Some(""), false),
        (None, false),
        (Some("N"), false),
    ] {
        // chat13 starts with whisper on: anything but "Y" turns it off.
        sb.reset().await;
        let mut params = vec![("CHAT_ID", "13")];
        if let Some(a) = activate {
            params.push(("ACTIVATE", a));
        }
        let (status, _) = sb.call(SILENT, &params).await;
        assert_eq!(status, 200);
        assert_eq!(
            sb.chat(13).await["whisper"],
            json!(on),
            "ACTIVATE={activate:?}"
        );
    }
}

#[tokio::test]
async fn turning_whisper_off_through_the_api_stores_an_empty_string() {
    let sb = start().await;
    sb.call(SILENT, &[("CHAT_ID", "13"), ("ACTIVATE", "N")])
        .await;
    let (_, body) = sb
        .call("imopenlines.dialog.get", &[("DIALOG_ID", "chat13")])
        .await;
    assert_eq!(body["result"]["entity_data_3"], json!(""));
    assert_eq!(system_codes(&sb.chat(13).await), ["IMOL_CHAT_STEALTH_OFF"]);
    sb.call(SILENT, &[("CHAT_ID", "13"), ("ACTIVATE", "Y")])
        .await;
    let (_, body) = sb
        .call("imopenlines.dialog.get", &[("CHAT_ID", "13")])
        .await;
    assert_eq!(body["result"]["entity_data_3"], json!("Y"));
}

#[tokio::test]
async fn silent_off_on_a_seeded_n_chat_changes_n_to_empty_and_posts_once() {
    // setSilentMode compares ENTITY_DATA_3 ("N") with '' loosely: different, so it writes
    // '' and posts STEALTH_OFF; the second call is the no-op.
    let sb = start().await;
    sb.call(SILENT, &[("CHAT_ID", "11")]).await;
    assert_eq!(sb.chat(11).await["entity_data_3"], json!(""));
    sb.call(SILENT, &[("CHAT_ID", "11")]).await;
    assert_eq!(system_codes(&sb.chat(11).await), ["IMOL_CHAT_STEALTH_OFF"]);
}

#[tokio::test]
async fn a_toggle_that_is_already_in_state_succeeds_without_a_message() {
    let sb = start().await;
    for (chat, method, params) in [
        (12, PIN, vec![("CHAT_ID", "12"), ("ACTIVATE", "Y")]),
        (11, PIN, vec![("CHAT_ID", "11"), ("ACTIVATE", "N")]),
        (11, UNPIN, vec![("CHAT_ID", "11")]),
        (13, SILENT, vec![("CHAT_ID", "13"), ("ACTIVATE", "Y")]),
    ] {
        sb.reset().await;
        let before = message_count(&sb.chat(chat).await);
        let (status, body) = sb.call(method, &params).await;
        assert_eq!(
            (status, body["result"].clone()),
            (200, json!(true)),
            "{method} {params:?}"
        );
        assert_eq!(
            message_count(&sb.chat(chat).await),
            before,
            "{method} {params:?} posted a message"
        );
    }
}

#[tokio::test]
async fn pin_and_unpin_post_the_assign_messages_with_the_servers_wording() {
    let sb = start().await;
    sb.call(PIN, &[("CHAT_ID", "11"), ("ACTIVATE", "Y")]).await;
    sb.call(UNPIN, &[("CHAT_ID", "11")]).await;
    let chat = sb.chat(11).await;
    assert_eq!(
        system_codes(&chat),
        ["IMOL_CHAT_ASSIGN_ON", "IMOL_CHAT_ASSIGN_OFF"]
    );
    let texts: Vec<&str> = chat["messages"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .take(2)
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts[0], "The conversation is unassigned from agent, auto close date set according to the queue rules.");
    assert!(
        texts[1].starts_with("The conversation is assigned to agent, auto close date moved to [b]"),
        "{}",
        texts[1]
    );
    sb.scenario(json!({"lang": "ru"})).await;
    let chat = sb.chat(11).await;
    let last = chat["messages"].as_array().unwrap().last().unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(last, "Диалог откреплен от оператора и дата автоматического закрытия выставлена по правилам очереди");
}

#[tokio::test]
async fn the_operator_refusal_is_an_http_400_with_empty_code_and_text() {
    let sb = start().await;
    let before = sb.chat(14).await;
    let (status, body) = sb.call(PIN, &[("CHAT_ID", "14"), ("ACTIVATE", "Y")]).await;
    assert_eq!(status, 400);
    assert_eq!(body, json!({"error": "", "error_description": ""}));
    let after = sb.chat(14).await;
    assert_eq!(after["pinned"], json!(false));
    assert_eq!(message_count(&after), message_count(&before));
    // Once someone else pins it, unpinning is refused the same way.
    sb.http
        .patch(sb.portal("/sandbox/chats/14"))
        .json(&json!({"pinned": true}))
        .send()
        .await
        .unwrap();
    let (status, body) = sb.call(UNPIN, &[("CHAT_ID", "14")]).await;
    assert_eq!(
        (status, body),
        (400, json!({"error": "", "error_description": ""}))
    );
}

#[tokio::test]
async fn pin_all_pins_the_users_active_unpinned_sessions_and_returns_their_ids() {
    let sb = start().await;
    let (status, body) = sb.call(PIN_ALL, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(sorted_ids(&body["result"]), [1101, 1301, 1801, 1901]);
    for id in [11, 13, 18, 19] {
        let chat = sb.chat(id).await;
        assert_eq!(chat["pinned"], json!(true), "chat{id}");
        assert_eq!(system_codes(&chat), ["IMOL_CHAT_ASSIGN_ON"], "chat{id}");
    }
    assert_eq!(
        sb.chat(20).await["pinned"],
        json!(false),
        "status 50 is excluded"
    );
    assert_eq!(
        sb.chat(21).await["pinned"],
        json!(false),
        "another operator's dialog"
    );
    let (_, body) = sb.call(PIN_ALL, &[]).await;
    assert_eq!(body["result"], json!([]));
}

#[tokio::test]
async fn unpin_all_unpins_the_users_pinned_sessions() {
    let sb = start().await;
    let (_, body) = sb.call(UNPIN_ALL, &[]).await;
    assert_eq!(sorted_ids(&body["result"]), [1201]);
    let (_, body) = sb.call(UNPIN_ALL, &[]).await;
    assert_eq!(body["result"], json!([]));
    sb.call(PIN_ALL, &[]).await;
    let (_, body) = sb.call(UNPIN_ALL, &[]).await;
    assert_eq!(sorted_ids(&body["result"]), [1101, 1201, 1301, 1801, 1901]);
}

#[tokio::test]
async fn pin_all_acts_for_the_user_who_owns_the_token() {
    let sb = start().await;
    let token = sb.become_user(2).await;
    let (_, body) = sb.call_as(&token, PIN_ALL, &[]).await;
    assert_eq!(sorted_ids(&body["result"]), [1401, 1501, 2101]);
    assert_eq!(sb.chat(11).await["pinned"], json!(false));
}

#[tokio::test]
async fn method_names_are_case_insensitive_but_parameter_keys_are_not() {
    let sb = start().await;
    let (status, _) = sb.call("IMOPENLINES.SESSION.MODE.PINALL", &[]).await;
    assert_eq!(status, 200);
    let (status, body) = sb.call(PIN, &[("chat_id", "11")]).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, Value::from("CHAT_ID_EMPTY"))
    );
}

#[tokio::test]
async fn a_chat_patched_into_a_group_chat_refuses_pin_with_chat_type() {
    let sb = start().await;
    sb.http
        .patch(sb.portal("/sandbox/chats/11"))
        .json(&json!({"lines": false}))
        .send()
        .await
        .unwrap();
    let (status, body) = sb.call(PIN, &[("CHAT_ID", "11"), ("ACTIVATE", "Y")]).await;
    assert_eq!((status, body["error"].clone()), (400, json!("CHAT_TYPE")));
    assert_eq!(sb.chat(11).await["pinned"], json!(false));
}
