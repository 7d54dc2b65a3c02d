//! The operator's open-line list (`domain::recent`, docs/bitrix24.md §11): every shape an
//! `im.recent.get` entry comes in, what a row shows, the order, and the bulk forecast.

use openline_modes::domain::command::Command;
use openline_modes::domain::dialog::ChatId;
use openline_modes::domain::error::CallError;
use openline_modes::domain::recent::{
    forecast, list_batch, parse_list, DialogList, Stage, RECENT_METHOD,
};
use openline_modes::domain::reply::Reply;
use openline_modes::domain::state::{Blocked, CurrentUser};
use serde_json::{json, Value};

const ME: u64 = 1;

fn me() -> CurrentUser {
    CurrentUser { id: ME }
}

/// A member row as `Im\Recent::formatItem` builds it (lower-case keys, ints for ids, strings
/// for `entity_*`), trimmed to what matters plus a few keys the list ignores.
fn member(chat: u64, owner: u64, pinned: bool, whisper: bool, session: u64, status: u64) -> Value {
    let pause = if pinned { "Y" } else { "N" };
    json!({
        "id": format!("chat{chat}"),
        "chat_id": chat,
        "type": "chat",
        "title": format!("Client {chat} - Open Channel"),
        "counter": 0,
        // The messenger's "pin to the top of the list": never the open-line pin.
        "pinned": !pinned,
        "unread": false,
        "options": [],
        "user": {"id": 7, "name": "Client"},
        "message": {"id": 100 + chat, "text": "hello", "date": "2026-05-18T04:41:00+03:00"},
        "chat": {
            "id": chat,
            "name": format!("Client {chat} - Open Channel"),
            "owner": owner,
            "type": "lines",
            "entity_type": "LINES",
            "entity_id": format!("telegrambot|1|{chat}|7"),
            "entity_data_1": format!("Y|LEAD|12|{pause}|N|{session}|1773682918|0|0|0"),
            "entity_data_3": if whisper { "Y" } else { "N" },
            "message_type": "L",
            "manager_list": [owner],
            "restrictions": {"avatar": true}
        },
        "lines": {"id": session, "status": status, "date_create": "2026-05-18T04:40:00+03:00"}
    })
}

/// A queue offer as `ImOpenLines\Recent::formatRow` builds it: no `options`, `user` `{id: 0}`,
/// `counter` 1, `manager_list` `[0]`, nobody's dialog yet.
fn offer(chat: u64, session: u64) -> Value {
    json!({
        "id": format!("chat{chat}"),
        "chat_id": chat,
        "type": "chat",
        "title": format!("Visitor {chat}"),
        "counter": 1,
        "pinned": false,
        "user": {"id": 0},
        "chat": {
            "id": chat, "name": format!("Visitor {chat}"), "owner": 0, "type": "lines",
            "entity_type": "LINES", "entity_id": format!("livechat|1|{chat}|0"),
            "entity_data_1": format!("Y|NONE|0|N|N|{session}|0|0|0|0"), "entity_data_3": "",
            "message_type": "L", "manager_list": [0]
        },
        "lines": {"id": session, "status": 0, "date_create": "2026-05-18T04:40:00+03:00"}
    })
}

/// The list the widget makes of `result` as `im.recent.get`'s answer, decoded as the edge
/// decodes it.
fn list(result: Value) -> Result<DialogList, CallError> {
    let items = Reply::decode(RECENT_METHOD, result)?.recent()?;
    Ok(parse_list(&items, me()))
}

fn chat(n: u64) -> ChatId {
    ChatId::new(n).unwrap()
}

fn chats(list: &DialogList) -> Vec<u64> {
    list.rows.iter().map(|r| r.state.chat.get()).collect()
}

#[test]
fn the_list_is_one_batch_of_im_recent_get_with_only_openlines_and_profile() {
    let sent: Vec<(&str, &str, Value)> = list_batch()
        .iter()
        .map(|c| (c.key, c.method, serde_json::to_value(&c.params).unwrap()))
        .collect();
    assert_eq!(
        sent,
        [
            ("list", "im.recent.get", json!({"ONLY_OPENLINES": "Y"})),
            ("me", "profile", json!({})),
        ]
    );
}

#[test]
fn a_member_row_reads_its_pin_whisper_session_channel_and_operator() {
    let read = list(json!([member(12, ME, true, true, 343, 20)])).unwrap();
    let row = &read.rows[0];
    assert_eq!(row.state.chat, chat(12));
    assert!(
        row.state.pinned,
        "entity_data_1 #3, not the top-level pinned"
    );
    assert!(row.state.whisper);
    assert_eq!(row.state.session_id, Some(343));
    assert_eq!(row.state.title, "Client 12 - Open Channel");
    assert_eq!(row.stage, Stage::InWork);
    assert_eq!(row.session, 343);
    assert_eq!(row.channel, "telegrambot");
    assert!(row.mine);
    assert_eq!(row.permissions.pin, Ok(()));
    assert_eq!(row.permissions.whisper, Ok(()));
    assert_eq!(read.skipped, 0);

    let unpinned = list(json!([member(12, ME, false, false, 343, 20)])).unwrap();
    assert!(!unpinned.rows[0].state.pinned && !unpinned.rows[0].state.whisper);
}

#[test]
fn null_entries_and_chats_that_are_not_open_lines_are_skipped_and_counted() {
    let mut group = member(16, ME, false, false, 0, 0);
    group["chat"]["entity_type"] = json!("");
    group["chat"]["type"] = json!("chat");
    group["chat"]["message_type"] = json!("C");
    let no_chat = json!({"id": "chat30", "title": "x"});
    let read = list(json!([
        null,
        offer(22, 501),
        null,
        group,
        no_chat,
        member(12, ME, false, false, 343, 20)
    ]))
    .unwrap();
    assert_eq!(chats(&read), [12, 22]);
    assert_eq!(read.skipped, 4);
}

#[test]
fn a_queue_offer_is_waiting_and_not_offered_for_pinning() {
    let read = list(json!([offer(22, 501)])).unwrap();
    let row = &read.rows[0];
    assert_eq!(row.stage, Stage::Waiting);
    assert!(!row.mine);
    assert_eq!(row.channel, "livechat");
    assert_eq!(row.permissions.pin, Err(Blocked::OtherOperator));
    assert_eq!(row.permissions.whisper, Ok(()));
}

#[test]
fn another_operators_dialog_can_be_whispered_in_but_not_pinned() {
    let read = list(json!([member(15, 2, false, false, 345, 40)])).unwrap();
    let row = &read.rows[0];
    assert!(!row.mine);
    assert_eq!(row.permissions.pin, Err(Blocked::OtherOperator));
    assert_eq!(row.permissions.whisper, Ok(()));
}

#[test]
fn stages_follow_the_session_status_and_no_joined_session_is_its_own() {
    let cases = [
        (501, 0, Stage::Waiting),
        (501, 5, Stage::Waiting),
        (501, 10, Stage::InWork),
        (501, 49, Stage::InWork),
        (501, 50, Stage::Closing),
        (501, 59, Stage::Closing),
        (501, 60, Stage::Closed),
        (501, 75, Stage::Closed),
        // `lines` of a row whose ITEM_OLID is 0: `{id: 0, status: 0}` is "no session known".
        (0, 0, Stage::NoSession),
    ];
    for (session, status, stage) in cases {
        assert_eq!(Stage::of(session, status), stage, "{session} {status}");
    }
    let mut without = member(12, ME, false, false, 343, 20);
    without.as_object_mut().unwrap().remove("lines");
    assert_eq!(
        list(json!([without])).unwrap().rows[0].stage,
        Stage::NoSession
    );
}

#[test]
fn rows_come_in_work_first_then_by_stage_keeping_the_portals_order_within_one() {
    let read = list(json!([
        offer(22, 501),
        member(17, ME, false, false, 0, 0),
        member(14, ME, false, false, 344, 60),
        member(13, ME, true, false, 342, 20),
        member(19, ME, false, false, 347, 50),
        member(12, ME, false, false, 343, 40),
    ]))
    .unwrap();
    assert_eq!(chats(&read), [13, 12, 22, 19, 14, 17]);
}

#[test]
fn numbers_as_strings_and_upper_case_keys_read_the_same() {
    let mut loose = member(12, ME, true, false, 343, 20);
    loose["chat"]["owner"] = json!("1");
    loose["chat"]["id"] = json!("12");
    loose["lines"] = json!({"ID": "343", "STATUS": "20"});
    assert_eq!(
        list(json!([loose])).unwrap(),
        list(json!([member(12, ME, true, false, 343, 20)])).unwrap()
    );
}

#[test]
fn an_object_of_entries_is_a_list_and_anything_else_is_a_bad_response() {
    let read = list(json!({"0": member(12, ME, false, false, 343, 20)})).unwrap();
    assert_eq!(chats(&read), [12]);
    assert_eq!(list(json!([])).unwrap().rows, []);
    for bad in [json!(null), json!("chat12"), json!(3), json!([1])] {
        assert!(
            matches!(list(bad.clone()), Err(CallError::BadResponse(_))),
            "{bad}"
        );
    }
}

#[test]
fn the_forecast_is_the_servers_rule_over_the_listed_dialogs() {
    let read = list(json!([
        member(12, ME, false, false, 343, 20), // mine, in work, unpinned
        member(13, ME, true, false, 342, 40),  // mine, in work, pinned
        member(14, ME, false, false, 344, 50), // mine, closing
        member(15, 2, false, false, 345, 20),  // someone else's
        offer(22, 501),                        // waiting
        member(18, ME, false, false, 348, 10), // mine, in work, unpinned
    ]))
    .unwrap();
    let mut pin = forecast(&read, Command::PinAll);
    pin.sort();
    assert_eq!(pin, [343, 348]);
    assert_eq!(forecast(&read, Command::UnpinAll), [342]);
    assert_eq!(forecast(&read, Command::Pin(chat(12))), Vec::<u64>::new());
}
