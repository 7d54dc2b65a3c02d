//! `im.recent.get`: the messenger's recent list as the REST method builds it
//! (docs/bitrix24.md §11). With `ONLY_OPENLINES=Y` it is the open-line list of the imopenlines
//! module: the dialogs offered to the user from the queue first, then the open-line chats the
//! user is a member of; no paging, no date filter, lower-case keys, `null` for a queue row
//! without a message.

use std::cmp::Ordering;

use serde_json::{json, Map, Value};

use crate::params::{get_ci, strval};
use crate::rest::Outcome;
use crate::state::{iso8601, now_unix, render_body, Body, Chat, World};

/// `CIMRestService::recentGet` for `user`.
pub fn recent_get(w: &World, user: i64, p: &Map<String, Value>) -> Outcome {
    // array_change_key_case(CASE_UPPER), then strict `=== 'Y'` comparisons.
    let flag = |k: &str| strval(get_ci(p, k)).as_deref() == Some("Y");
    let only_openlines = flag("ONLY_OPENLINES");
    let mut queue: Vec<(Sort, Value)> = w
        .chats
        .values()
        .filter(|c| c.recent.contains(&user))
        .map(|c| (Sort::queue(c), queue_item(w, c)))
        .collect();
    queue.sort_by(|a, b| a.0.cmp(&b.0));
    let queue_ids: Vec<i64> = w
        .chats
        .values()
        .filter(|c| c.recent.contains(&user))
        .map(|c| c.id)
        .collect();

    if only_openlines {
        // ImOpenLines\Recent::getRecent: its own rows (sorted), then Im\Recent::get with
        // ONLY_OPENLINES + FORCE_OPENLINES (sorted apart), without the chats already listed.
        let mut members: Vec<(Sort, Value)> = w
            .chats
            .values()
            .filter(|c| c.lines && c.members.contains(&user) && !queue_ids.contains(&c.id))
            .filter_map(|c| member_item(w, c, user).map(|v| (Sort::member(c, user), v)))
            .collect();
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let list = queue.into_iter().chain(members).map(|(_, v)| v).collect();
        return Outcome::Ok(Value::Array(list));
    }

    // FORCE_OPENLINES: every type the SKIP_* flags leave, updated in the last 30 days, with
    // the queue rows (`ONLY_IN_QUEUE`) appended and everything sorted together.
    let skip_lines = flag("SKIP_OPENLINES");
    let skip_chat = flag("SKIP_CHAT");
    let since = now_unix() - 30 * 86_400;
    let mut all: Vec<(Sort, Value)> = w
        .chats
        .values()
        .filter(|c| c.members.contains(&user))
        .filter(|c| if c.lines { !skip_lines } else { !skip_chat })
        .filter(|c| c.messages.last().is_some_and(|m| m.date >= since))
        .filter_map(|c| member_item(w, c, user).map(|v| (Sort::member(c, user), v)))
        .collect();
    if !skip_lines {
        all.extend(queue);
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    Outcome::Ok(Value::Array(all.into_iter().map(|(_, v)| v).collect()))
}

/// `Collection::sortByColumn(['PINNED' => DESC, 'MESSAGE' => DESC (its date), 'ID' => DESC])`.
/// A `null` row has none of them, so it sorts after every row with a message.
#[derive(PartialEq, Eq)]
struct Sort {
    pinned: bool,
    date: i64,
    id: String,
}

impl Sort {
    fn queue(c: &Chat) -> Sort {
        match c.messages.last() {
            // imopenlines rows have no PINNED column.
            Some(m) => Sort {
                pinned: false,
                date: m.date,
                id: format!("chat{}", c.id),
            },
            None => Sort {
                pinned: false,
                date: 0,
                id: String::new(),
            },
        }
    }

    fn member(c: &Chat, user: i64) -> Sort {
        Sort {
            pinned: c.top_pinned.contains(&user),
            date: c.messages.last().map_or(0, |m| m.date),
            id: format!("chat{}", c.id),
        }
    }
}

impl Ord for Sort {
    fn cmp(&self, other: &Self) -> Ordering {
        // All three descending; the ids compare as strings ("chat9" after "chat10").
        other
            .pinned
            .cmp(&self.pinned)
            .then(other.date.cmp(&self.date))
            .then(other.id.cmp(&self.id))
    }
}

impl PartialOrd for Sort {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `Text::removeBbCodes` for what the sandbox posts: `[br]` is a space, other tags go.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        match rest[open..].find(']') {
            Some(close) => {
                let tag = &rest[open + 1..open + close];
                if tag.eq_ignore_ascii_case("br") {
                    out.push(' ');
                }
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn message_text(w: &World, body: &Body) -> String {
    plain(&render_body(body, &w.lang).replace('\n', " "))
}

/// `CIMChat::GetChatOptions()['DEFAULT']`, keys lower-cased by `jsonRow`.
fn restrictions() -> Value {
    json!({
        "avatar": true, "rename": true, "extend": true, "call": true, "mute": true,
        "leave": true, "leave_owner": true, "send": true, "user_list": true,
    })
}

/// The session's creation time as the sandbox tells it (the chat's plus a minute).
fn session_date(c: &Chat) -> String {
    iso8601(c.date_create + 60)
}

fn avatar(c: &Chat) -> Value {
    json!({"url": "", "color": c.color})
}

/// `ImOpenLines\Recent::formatRow` + `jsonRow`: a dialog offered from the queue. `null` when
/// the row's MESSAGE_ID is 0 (offered before a message was linked); `getRecent` keeps it.
fn queue_item(w: &World, c: &Chat) -> Value {
    let Some(m) = c.messages.last() else {
        return Value::Null;
    };
    let mut item = json!({
        "id": format!("chat{}", c.id),
        "chat_id": c.id,
        "type": "chat",
        "message": {
            "id": m.id,
            "text": message_text(w, &m.body),
            "file": false,
            "author_id": m.author_id,
            "attach": false,
            "date": iso8601(m.date),
            "status": "received",
            "uuid": null,
        },
        // Hard-coded in formatRow, whatever the unread count.
        "counter": 1,
        "pinned": false,
        "unread": false,
        "has_reminder": false,
        "date_update": iso8601(m.date),
        "avatar": avatar(c),
        "title": c.name,
        "chat": {
            "id": c.id,
            "name": c.name,
            "owner": c.owner,
            "extranet": false,
            "avatar": "",
            "color": c.color,
            "type": c.chat_type(),
            "entity_type": c.entity_type(),
            "entity_id": c.entity_id(),
            "entity_data_1": c.entity_data_1(),
            "entity_data_2": c.entity_data_2(),
            "entity_data_3": c.whisper,
            "mute_list": [],
            // No RELATION_* or CHAT_OWNER is selected: null == null puts (int)null in the list.
            "manager_list": [0],
            "date_create": iso8601(c.date_create),
            "message_type": c.message_type(),
            "user_counter": c.members.len() + 1,
            "restrictions": restrictions(),
        },
        "user": {"id": 0},
    });
    if c.lines {
        item["lines"] = json!({
            "id": c.session_id,
            "status": c.session_status,
            "date_create": session_date(c),
        });
    }
    item
}

/// `User::getArray` lower-cased: the author of the last message (a client is a connector user).
fn user_object(w: &World, c: &Chat, author: i64) -> Value {
    let (name, first, last, connector, external) = match w.user(author) {
        Some(u) => (
            format!("{} {}", u.name, u.last_name),
            u.name.to_string(),
            u.last_name.to_string(),
            false,
            "default",
        ),
        None => {
            let name = c.name.split(" (").next().unwrap_or(&c.name).to_string();
            let mut parts = name.splitn(2, ' ');
            let first = parts.next().unwrap_or("").to_string();
            let last = parts.next().unwrap_or("").to_string();
            (name, first, last, true, "imconnector")
        }
    };
    json!({
        "id": author,
        "active": true,
        "name": name,
        "first_name": first,
        "last_name": last,
        "work_position": "",
        "color": c.color,
        "avatar": "",
        "avatar_hr": "",
        "gender": "M",
        "birthday": "",
        "extranet": false,
        "network": false,
        "bot": false,
        "connector": connector,
        "external_auth_id": external,
        "status": "online",
        "idle": false,
        "last_activity_date": false,
        "mobile_last_date": false,
        "desktop_last_date": false,
        "absent": false,
        "departments": if connector { json!([]) } else { json!([1]) },
        "phones": false,
        "bot_data": null,
        "type": if connector { "extranet" } else { "user" },
        "website": "",
        "email": "",
    })
}

/// `Im\Recent::formatRow` + `jsonRow`: a chat with a `b_im_recent` row and a relation for
/// `user`. Rows without a message are skipped (never `null` here).
fn member_item(w: &World, c: &Chat, user: i64) -> Option<Value> {
    let m = c.messages.last()?;
    let user_value = if m.author_id > 0 {
        user_object(w, c, m.author_id)
    } else {
        json!({"id": 0})
    };
    let mut item = json!({
        "id": format!("chat{}", c.id),
        "chat_id": c.id,
        "type": "chat",
        "avatar": avatar(c),
        "title": c.name,
        "message": {
            "id": m.id,
            "text": message_text(w, &m.body),
            "file": false,
            "author_id": m.author_id,
            "attach": false,
            "sticker": null,
            "date": iso8601(m.date),
            "status": "received",
            "uuid": null,
        },
        // Everything read: the sandbox keeps no read state.
        "last_id": m.id,
        "pinned": c.top_pinned.contains(&user),
        "unread": false,
        "has_reminder": false,
        "date_update": iso8601(m.date),
        "date_last_activity": iso8601(m.date),
        "counter": 0,
        "chat": member_chat(c, user),
        "user": user_value,
        "options": [],
    });
    if c.lines {
        // LEFT JOIN on ITEM_OLID > 0; nothing joined gives id 0, status 0 and DATE_UPDATE.
        item["lines"] = if c.olid > 0 {
            json!({"id": c.olid, "status": c.session_status, "date_create": session_date(c)})
        } else {
            json!({"id": 0, "status": 0, "date_create": iso8601(m.date)})
        };
    }
    Some(item)
}

/// `Im\Recent::formatChat` (not short) + `jsonRow`.
fn member_chat(c: &Chat, user: i64) -> Value {
    let role = if c.owner == user { "OWNER" } else { "MEMBER" };
    json!({
        "id": c.id,
        "parent_chat_id": 0,
        "parent_message_id": 0,
        "name": c.name,
        "owner": c.owner,
        "extranet": false,
        "contains_collaber": false,
        "avatar": "",
        "color": c.color,
        "type": c.chat_type(),
        "entity_type": c.entity_type(),
        "entity_id": c.entity_id(),
        "entity_data_1": c.entity_data_1(),
        "entity_data_2": c.entity_data_2(),
        "entity_data_3": c.whisper,
        "mute_list": [],
        "manager_list": [],
        "date_create": iso8601(c.date_create),
        "message_type": c.message_type(),
        "user_counter": c.members.len() + 1,
        "restrictions": restrictions(),
        "role": role,
        "text_field_enabled": true,
        "background_id": null,
        "entity_link": {"type": c.entity_type(), "url": "", "id": c.entity_id()},
        "permissions": {
            "manage_users_add": "member",
            "manage_users_delete": "manager",
            "manage_ui": "member",
            "manage_settings": "owner",
            "manage_messages": "member",
            "can_post": "member",
        },
        "public": "",
    })
}
