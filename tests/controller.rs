//! The use-cases against the fake host: what is sent (method, exact params, how many round
//! trips) and how answers become snapshots and outcomes.

mod fake;
use fake::{FakeHost, Request};
use futures::executor::block_on;
use openline_modes::controller::{execute, load, reached, Outcome};
use openline_modes::domain::command::Command;
use openline_modes::domain::dialog::ChatId;
use openline_modes::domain::error::CallError;
use openline_modes::domain::state::Blocked;
use serde_json::{json, Value};

fn chat(n: u64) -> ChatId {
    ChatId::new(n).unwrap()
}

fn dialog(pause: &str, session: u64, owner: u64, whisper: &str) -> Value {
    json!({
        "id": 12, "type": "lines", "message_type": "L", "entity_type": "LINES",
        "entity_id": "telegrambot|1|12|34",
        "entity_data_1": format!("N|NONE|0|{pause}|N|{session}|1773682918|1|0|0"),
        "entity_data_2": "", "entity_data_3": whisper,
        "owner": owner, "dialog_id": "chat12", "name": "Ivan Petrov"
    })
}

fn portal(dialog_answer: Value) -> FakeHost {
    let fake = FakeHost::sidebar("chat12", "en");
    fake.on("imopenlines.dialog.get", move |_| Ok(dialog_answer.clone()));
    fake.on("profile", |_| {
        Ok(json!({ "ID": "1", "ADMIN": false, "NAME": "Anna" }))
    });
    fake
}

#[test]
fn load_reads_dialog_and_profile_in_one_batch_round_trip() {
    let fake = portal(dialog("Y", 1201, 1, "N"));
    let snapshot = block_on(load(&fake, chat(12))).unwrap();
    assert!(snapshot.state.pinned);
    assert!(!snapshot.state.whisper);
    assert_eq!(snapshot.me.id, 1);
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "one round trip: {requests:?}");
    let Request::Batch(calls) = &requests[0] else {
        panic!("not a batch: {requests:?}")
    };
    let sent: Vec<(&str, &Value)> = calls
        .iter()
        .map(|c| (c.method.as_str(), &c.params))
        .collect();
    assert_eq!(
        sent,
        vec![
            ("imopenlines.dialog.get", &json!({ "DIALOG_ID": "chat12" })),
            ("profile", &json!({})),
        ]
    );
}

#[test]
fn load_of_another_operators_dialog_blocks_only_the_pin() {
    let fake = portal(dialog("N", 1401, 2, "N"));
    let snapshot = block_on(load(&fake, chat(12))).unwrap();
    assert_eq!(snapshot.permissions.pin, Err(Blocked::OtherOperator));
    assert_eq!(snapshot.permissions.whisper, Ok(()));
}

#[test]
fn load_reports_the_dialog_error_before_the_profile_error() {
    let fake = FakeHost::sidebar("chat12", "en");
    fake.on("imopenlines.dialog.get", |_| {
        Err(CallError::Rest {
            status: 400,
            code: "ACCESS_ERROR".into(),
            description: "You do not have access to the specified dialog".into(),
        })
    });
    // profile left unscripted: the fake answers 404 for it.
    let err = block_on(load(&fake, chat(12))).unwrap_err();
    assert!(
        matches!(err, CallError::Rest { ref code, .. } if code == "ACCESS_ERROR"),
        "{err:?}"
    );
}

#[test]
fn every_command_sends_its_exact_method_and_params_once() {
    let cases = [
        (
            Command::Pin(chat(12)),
            "imopenlines.session.mode.pin",
            json!({"CHAT_ID": 12, "ACTIVATE": "Y"}),
        ),
        (
            Command::Unpin(chat(12)),
            "imopenlines.session.mode.pin",
            json!({"CHAT_ID": 12, "ACTIVATE": "N"}),
        ),
        (
            Command::WhisperOn(chat(12)),
            "imopenlines.session.mode.silent",
            json!({"CHAT_ID": 12, "ACTIVATE": "Y"}),
        ),
        (
            Command::WhisperOff(chat(12)),
            "imopenlines.session.mode.silent",
            json!({"CHAT_ID": 12, "ACTIVATE": "N"}),
        ),
        (
            Command::PinAll,
            "imopenlines.session.mode.pinAll",
            json!({}),
        ),
        (
            Command::UnpinAll,
            "imopenlines.session.mode.unpinAll",
            json!({}),
        ),
    ];
    for (command, method, params) in cases {
        let fake = FakeHost::sidebar("chat12", "en");
        fake.on(method, |_| Ok(json!([])));
        block_on(execute(&fake, command)).unwrap();
        assert_eq!(
            fake.calls(),
            vec![(method.to_owned(), params)],
            "{command:?}"
        );
    }
}

#[test]
fn pin_all_reports_the_session_ids_the_portal_changed() {
    let fake = FakeHost::sidebar("chat12", "en");
    fake.on("imopenlines.session.mode.pinAll", |_| Ok(json!([339, 337])));
    let outcome = block_on(execute(&fake, Command::PinAll)).unwrap();
    assert_eq!(outcome, Outcome::Sessions(vec![339, 337]));
}

#[test]
fn a_failed_write_is_returned_as_is_and_not_sent_again() {
    for err in [
        CallError::Timeout,
        CallError::Rest {
            status: 400,
            code: String::new(),
            description: String::new(),
        },
    ] {
        let fake = FakeHost::sidebar("chat12", "en");
        let answer = err.clone();
        fake.on("imopenlines.session.mode.pin", move |_| Err(answer.clone()));
        let result = block_on(execute(&fake, Command::Pin(chat(12))));
        assert_eq!(result, Err(err));
        assert_eq!(fake.calls().len(), 1, "sent exactly once");
    }
}

#[test]
fn reached_compares_the_reread_state_with_what_the_command_asked() {
    let fake = portal(dialog("Y", 1201, 1, ""));
    let state = block_on(load(&fake, chat(12))).unwrap().state;
    assert_eq!(reached(Command::Pin(chat(12)), &state), Some(true));
    assert_eq!(reached(Command::Unpin(chat(12)), &state), Some(false));
    assert_eq!(reached(Command::WhisperOn(chat(12)), &state), Some(false));
    assert_eq!(reached(Command::WhisperOff(chat(12)), &state), Some(true));
    assert_eq!(reached(Command::PinAll, &state), None);
}

#[test]
fn the_app_page_reads_install_state_list_and_user_in_one_request() {
    use openline_modes::controller::open_app_page;
    use openline_modes::domain::install::DefaultPage;
    let fake = FakeHost::app_page("en", false);
    fake.on("im.recent.get", |_| {
        Ok(json!([null, {
            "id": "chat12",
            "title": "Alice",
            "chat": { "id": 12, "owner": 1, "entity_type": "LINES",
                      "entity_data_1": "Y|L|1|N|N|343|0|0|0|0", "entity_data_3": "N" },
            "lines": { "id": 343, "status": 20 }
        }]))
    });
    let (page, list) = block_on(open_app_page(&fake));
    assert_eq!(page, DefaultPage::App);
    let list = list.expect("the list");
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.skipped, 1);
    let requests = fake.requests();
    assert_eq!(requests.len(), 1, "one request");
    let Request::Batch(calls) = &requests[0] else {
        panic!("not a batch: {requests:?}");
    };
    let sent: Vec<(&str, &str, Value)> = calls
        .iter()
        .map(|c| (c.key.as_str(), c.method.as_str(), c.params.clone()))
        .collect();
    assert_eq!(
        sent,
        [
            ("info", "app.info", json!({})),
            ("list", "im.recent.get", json!({ "ONLY_OPENLINES": "Y" })),
            ("me", "profile", json!({})),
        ]
    );

    // Each answer stands on its own: app.info failing does not lose the list, and the reverse.
    let fake = FakeHost::app_page("en", false);
    fake.on("app.info", |_| Err(CallError::Timeout));
    let (page, list) = block_on(open_app_page(&fake));
    assert!(matches!(page, DefaultPage::AppUnchecked(_)), "{page:?}");
    assert!(list.is_ok());
    let fake = FakeHost::installing("en", false);
    fake.on("im.recent.get", |_| {
        Err(CallError::Rest {
            status: 401,
            code: "insufficient_scope".into(),
            description: String::new(),
        })
    });
    let (page, list) = block_on(open_app_page(&fake));
    assert_eq!(page, DefaultPage::Install);
    assert!(list.is_err());
}
