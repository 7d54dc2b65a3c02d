//! `im.recent.get` with `ONLY_OPENLINES=Y` (docs/bitrix24.md §11): the shape of every row kind,
//! `null` entries, queue offers, what is left out, `batch` with `profile`, a large list, and
//! pinAll/unpinAll changing exactly what the list forecasts by the server's rule.
mod common;

use common::{form, sorted_ids, start, system_codes, Sb, TOKEN};
use serde_json::{json, Value};

const RECENT: &str = "im.recent.get";

/// The open-line list of the seed token's user.
async fn open_lines(sb: &Sb) -> Vec<Value> {
    let (status, body) = sb.call(RECENT, &[("ONLY_OPENLINES", "Y")]).await;
    assert_eq!(status, 200, "{body}");
    body["result"].as_array().expect("a JSON array").clone()
}

fn item<'a>(list: &'a [Value], dialog: &str) -> &'a Value {
    list.iter()
        .find(|i| i["id"] == dialog)
        .unwrap_or_else(|| panic!("{dialog} is not in the list"))
}

fn ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .filter(|i| !i.is_null())
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

fn field(ed1: &Value, n: usize) -> String {
    ed1.as_str()
        .unwrap()
        .split('|')
        .nth(n)
        .unwrap_or("")
        .to_string()
}

/// The forecast of pinAll (`target` true) or unpinAll from the list alone, by the server's rule
/// (`Operator::pinOperatorDialogs`): the user's sessions (`chat.owner`), status 10–49, whose
/// pin flag (`entity_data_1` #3) is not the target; their `lines.id`.
fn forecast(list: &[Value], me: i64, target: bool) -> Vec<i64> {
    let mut ids: Vec<i64> = list
        .iter()
        .filter(|i| !i.is_null())
        .filter(|i| i["chat"]["owner"] == me)
        .filter(|i| (10..50).contains(&i["lines"]["status"].as_i64().unwrap()))
        .filter(|i| (field(&i["chat"]["entity_data_1"], 3) == "Y") != target)
        .map(|i| i["lines"]["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}

fn assert_lower_case_keys(v: &Value, path: &str) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                // mute_list is keyed by user id; everything else is a name.
                assert_eq!(k, &k.to_lowercase(), "upper-case key at {path}.{k}");
                assert_lower_case_keys(child, &format!("{path}.{k}"));
            }
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| assert_lower_case_keys(x, &format!("{path}[{i}]"))),
        _ => {}
    }
}

#[tokio::test]
async fn every_row_has_lower_case_keys_numbers_where_the_server_casts_and_iso_dates() {
    let sb = start().await;
    let list = open_lines(&sb).await;
    assert!(list.iter().filter(|i| !i.is_null()).count() >= 10);
    for i in list.iter().filter(|i| !i.is_null()) {
        let id = i["id"].as_str().unwrap();
        assert_lower_case_keys(i, id);
        assert_eq!(id, format!("chat{}", i["chat_id"]), "id is chat<chat_id>");
        assert_eq!(i["type"], "chat");
        assert_eq!(i["chat"]["id"], i["chat_id"]);
        assert!(i["chat"]["owner"].is_i64(), "{id}: owner is a number");
        assert_eq!(i["chat"]["entity_type"], "LINES", "{id}");
        assert_eq!(i["chat"]["type"], "lines", "{id}");
        assert_eq!(i["chat"]["name"], i["title"], "{id}: chat.name and title");
        assert!(
            i["chat"].get("title").is_none(),
            "{id}: the chat has no title key"
        );
        assert_eq!(
            i["chat"]["entity_data_1"]
                .as_str()
                .unwrap()
                .split('|')
                .count(),
            10,
            "{id}"
        );
        assert!(
            i["lines"]["id"].is_i64() && i["lines"]["status"].is_i64(),
            "{id}"
        );
        assert!(i["counter"].is_i64() && i["message"]["id"].is_i64(), "{id}");
        assert!(i["pinned"].is_boolean() && i["unread"].is_boolean(), "{id}");
        for date in [
            &i["lines"]["date_create"],
            &i["message"]["date"],
            &i["chat"]["date_create"],
        ] {
            let d = date.as_str().unwrap_or_else(|| panic!("{id}: date {date}"));
            assert!(
                d.len() == 25 && d.ends_with("+00:00") && &d[10..11] == "T",
                "{id}: {d}"
            );
        }
    }
}

#[tokio::test]
async fn the_list_shows_the_open_line_pin_whisper_and_session_of_each_seeded_dialog() {
    let sb = start().await;
    let list = open_lines(&sb).await;
    let pinned = item(&list, "chat12");
    assert_eq!(field(&pinned["chat"]["entity_data_1"], 3), "Y");
    assert_eq!(
        pinned["pinned"], false,
        "the open-line pin is not the messenger's"
    );
    let top = item(&list, "chat11");
    assert_eq!(field(&top["chat"]["entity_data_1"], 3), "N");
    assert_eq!(
        top["pinned"], true,
        "pinned to the top of the messenger list only"
    );
    assert_eq!(list[0]["id"], "chat22", "queue offers come first");
    assert_eq!(
        list[2]["id"], "chat11",
        "then the messenger-pinned member rows"
    );
    assert_eq!(item(&list, "chat13")["chat"]["entity_data_3"], "Y");
    assert_eq!(item(&list, "chat11")["chat"]["entity_data_3"], "N");
    let live = item(&list, "chat11");
    assert_eq!(
        field(&live["chat"]["entity_data_1"], 5),
        live["lines"]["id"].to_string()
    );
    let statuses: Vec<(String, i64)> = list
        .iter()
        .filter(|i| !i.is_null())
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["lines"]["status"].as_i64().unwrap(),
            )
        })
        .collect();
    for (dialog, status) in [
        ("chat19", 10),
        ("chat18", 40),
        ("chat20", 50),
        ("chat17", 60),
        ("chat24", 0),
    ] {
        assert!(
            statuses.contains(&(dialog.to_string(), status)),
            "{dialog} {status}: {statuses:?}"
        );
    }
    let closed = item(&list, "chat17");
    assert_eq!(field(&closed["chat"]["entity_data_1"], 5), "0");
    assert_eq!(
        closed["lines"]["id"], 1701,
        "the recent row still joins the old session"
    );
    let other = item(&list, "chat14");
    assert_eq!(other["chat"]["owner"], 2, "another operator is responsible");
    assert_eq!(other["chat"]["role"], "MEMBER");
    assert_eq!(item(&list, "chat11")["chat"]["role"], "OWNER");
}

#[tokio::test]
async fn only_openlines_leaves_out_other_chats_and_dialogs_the_user_is_not_in() {
    let sb = start().await;
    let list = open_lines(&sb).await;
    let got = ids(&list);
    for absent in ["chat16", "chat15", "chat21"] {
        assert!(!got.iter().any(|i| i == absent), "{absent} in {got:?}");
    }
    assert!(list
        .iter()
        .filter(|i| !i.is_null())
        .all(|i| i["chat"]["entity_type"] == "LINES" && i.get("lines").is_some()));
    // The key is case-insensitive, the value is compared with === 'Y'.
    let (_, lower_key) = sb.call(RECENT, &[("only_openlines", "Y")]).await;
    assert_eq!(lower_key["result"], Value::Array(list.clone()));
    let (_, lower_value) = sb.call(RECENT, &[("ONLY_OPENLINES", "y")]).await;
    assert_ne!(lower_value["result"], Value::Array(list));
}

#[tokio::test]
async fn without_only_openlines_the_list_is_the_last_30_days_plus_every_queue_offer() {
    let sb = start().await;
    // A fresh message in chat11 (the pin's system message) puts it inside the window.
    assert_eq!(
        sb.call("imopenlines.session.mode.pin", &[("CHAT_ID", "11")])
            .await
            .0,
        200
    );
    let (status, body) = sb.call(RECENT, &[]).await;
    assert_eq!(status, 200);
    let list = body["result"].as_array().unwrap();
    let got = ids(list);
    assert!(got.contains(&"chat11".to_string()), "{got:?}");
    assert!(
        got.contains(&"chat22".to_string()),
        "queue offers have no date filter"
    );
    let since = now_unix() - 30 * 86_400;
    for i in list.iter().filter(|i| !i.is_null() && i["counter"] != 1) {
        assert!(
            iso_to_unix(i["date_update"].as_str().unwrap()) >= since,
            "{i}"
        );
    }
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// `YYYY-MM-DDTHH:MM:SS+00:00` to unix time.
fn iso_to_unix(s: &str) -> i64 {
    let n = |a: usize, b: usize| s[a..b].parse::<i64>().unwrap();
    let (y, m, d) = (n(0, 4), n(5, 7), n(8, 10));
    // days_from_civil (Howard Hinnant)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + n(11, 13) * 3600 + n(14, 16) * 60 + n(17, 19)
}

#[tokio::test]
async fn a_queue_offer_is_listed_for_every_operator_it_is_offered_to() {
    let sb = start().await;
    let list = open_lines(&sb).await;
    let offer = item(&list, "chat22");
    assert_eq!(offer["counter"], 1, "formatRow hard-codes 1");
    assert_eq!(offer["user"], json!({"id": 0}));
    assert_eq!(offer["chat"]["owner"], 0);
    assert_eq!(offer["chat"]["manager_list"], json!([0]));
    assert_eq!(offer["lines"]["status"], 0);
    assert_eq!(offer["lines"]["id"], 2201);
    assert!(offer.get("options").is_none() && offer.get("last_id").is_none());
    let token = sb.become_user(2).await;
    let (_, body) = sb.call_as(&token, RECENT, &[("ONLY_OPENLINES", "Y")]).await;
    let boris = body["result"].as_array().unwrap();
    assert_eq!(boris[0]["id"], "chat22");
    assert!(
        !ids(boris).contains(&"chat23".to_string()),
        "offered to Anna only"
    );
    assert!(boris.iter().all(|i| !i.is_null()));
}

#[tokio::test]
async fn a_queue_offer_without_a_message_is_a_null_entry_until_a_message_arrives() {
    let sb = start().await;
    let list = open_lines(&sb).await;
    assert_eq!(list.iter().filter(|i| i.is_null()).count(), 1);
    assert!(
        list[1].is_null(),
        "after the offers with a message, before the members"
    );
    assert!(!ids(&list).contains(&"chat23".to_string()));
    // Whisper mode posts a system message into chat23 (Anna may: the queue row lets her in).
    let (status, _) = sb
        .call(
            "imopenlines.session.mode.silent",
            &[("CHAT_ID", "23"), ("ACTIVATE", "Y")],
        )
        .await;
    assert_eq!(status, 200);
    let list = open_lines(&sb).await;
    assert!(list.iter().all(|i| !i.is_null()));
    assert_eq!(item(&list, "chat23")["chat"]["entity_data_3"], "Y");
}

#[tokio::test]
async fn one_batch_with_profile_gives_the_list_and_the_user_in_one_request() {
    let sb = start().await;
    let direct = open_lines(&sb).await;
    let body = form(&[
        ("auth", TOKEN),
        ("halt", "0"),
        ("cmd[list]", "im.recent.get?ONLY_OPENLINES=Y"),
        ("cmd[me]", "profile"),
    ]);
    let before = sb.calls().await.len();
    let (status, body) = sb.raw("batch", body).await;
    assert_eq!(status, 200);
    assert_eq!(sb.calls().await.len(), before + 1, "one HTTP request");
    assert_eq!(body["result"]["result_error"], json!([]));
    assert_eq!(body["result"]["result"]["me"]["ID"], "1");
    assert_eq!(body["result"]["result"]["list"], Value::Array(direct));
}

#[tokio::test]
async fn extra_dialogs_make_a_list_of_500_more_rows_in_a_fixed_mix() {
    let sb = start().await;
    let seeded = open_lines(&sb).await;
    let s = sb.scenario(json!({"extra_dialogs": 500})).await;
    assert_eq!(s["chats"].as_array().unwrap().len(), 14 + 500);
    let list = open_lines(&sb).await;
    assert_eq!(list.len(), seeded.len() + 500);
    assert_eq!(list.iter().filter(|i| i.is_null()).count(), 1 + 10);
    // Queue offers first (with a message, then the nulls), then the member rows.
    let first_member = list
        .iter()
        .position(|i| !i.is_null() && i["counter"] != 1)
        .unwrap();
    assert!(list[..first_member]
        .iter()
        .all(|i| i.is_null() || i["chat"]["owner"] == 0));
    assert!(list[first_member..].iter().all(|i| !i.is_null()));
    // Members: messenger-pinned first, then by last message, newest first.
    let keys: Vec<(bool, String)> = list[first_member..]
        .iter()
        .map(|i| {
            (
                i["pinned"].as_bool().unwrap(),
                i["message"]["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "sorted");
    let kinds = |f: &dyn Fn(&Value) -> bool| list.iter().filter(|i| !i.is_null() && f(i)).count();
    assert_eq!(
        kinds(&|i| field(&i["chat"]["entity_data_1"], 3) == "Y"),
        1 + 100
    );
    assert_eq!(kinds(&|i| i["chat"]["entity_data_3"] == "Y"), 1 + 50);
    assert_eq!(kinds(&|i| i["lines"]["status"] == 60), 1 + 50);
    assert_eq!(kinds(&|i| i["chat"]["owner"] == 2), 1 + 50);
    // The same request again gives the same world; 0 removes them; too many is refused.
    sb.scenario(json!({"extra_dialogs": 500})).await;
    assert_eq!(open_lines(&sb).await, list);
    sb.scenario(json!({"extra_dialogs": 0})).await;
    assert_eq!(open_lines(&sb).await, seeded);
    let r = sb
        .http
        .post(sb.portal("/sandbox/scenario"))
        .json(&json!({"extra_dialogs": 2001}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
}

#[tokio::test]
async fn pin_all_and_unpin_all_change_exactly_what_the_list_forecasts() {
    let sb = start().await;
    sb.scenario(json!({"extra_dialogs": 500})).await;
    let list = open_lines(&sb).await;
    let expected = forecast(&list, 1, true);
    assert_eq!(
        expected.len(),
        4 + 200,
        "seed + extras in work and not pinned"
    );
    let (status, body) = sb.call("imopenlines.session.mode.pinAll", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(sorted_ids(&body["result"]), expected);
    // Each change posted its system message, and the list now shows them pinned.
    let after = open_lines(&sb).await;
    for i in after.iter().filter(|i| !i.is_null()) {
        let id = i["lines"]["id"].as_i64().unwrap();
        if expected.contains(&id) {
            assert_eq!(field(&i["chat"]["entity_data_1"], 3), "Y", "{}", i["id"]);
        }
    }
    let chat = sb.chat(1000).await;
    assert_eq!(system_codes(&chat), ["IMOL_CHAT_ASSIGN_ON"]);
    assert_eq!(forecast(&after, 1, true), Vec::<i64>::new());
    let (_, again) = sb.call("imopenlines.session.mode.pinAll", &[]).await;
    assert_eq!(again["result"], json!([]));

    let expected = forecast(&after, 1, false);
    let (_, body) = sb.call("imopenlines.session.mode.unpinAll", &[]).await;
    assert_eq!(sorted_ids(&body["result"]), expected);
    assert_eq!(expected.len(), 1 + 4 + 300, "also the ones pinned before");
}

#[tokio::test]
async fn pin_all_of_another_user_matches_their_own_list() {
    let sb = start().await;
    let token = sb.become_user(2).await;
    sb.scenario(json!({"extra_dialogs": 100})).await;
    let (_, body) = sb.call_as(&token, RECENT, &[("ONLY_OPENLINES", "Y")]).await;
    let list = body["result"].as_array().unwrap().clone();
    let (_, body) = sb
        .call_as(&token, "imopenlines.session.mode.pinAll", &[])
        .await;
    assert_eq!(sorted_ids(&body["result"]), forecast(&list, 2, true));
}
