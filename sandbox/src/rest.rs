//! REST methods (`/rest/<method>.json`) with the server semantics of docs/bitrix24.md §1–§3, §5.

use serde_json::{json, Map, Value};

use crate::params::{get_ci, intval, is_exact, is_falsy, parse_form, strval};
use crate::state::{iso8601, now_unix, Binding, World, OUR_APP};

/// What a method produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// `{"result": …, "time": …}` with 200.
    Ok(Value),
    /// `{"error": code, "error_description": desc}` with `status`.
    Err {
        /// HTTP status.
        status: u16,
        /// Error code.
        code: String,
        /// Error text.
        desc: String,
    },
    /// A body passed through as-is with 200 (placement.bind validation errors).
    Raw(Value),
}

/// Shorthand for an error outcome.
pub fn err(status: u16, code: &str, desc: &str) -> Outcome {
    Outcome::Err {
        status,
        code: code.into(),
        desc: desc.into(),
    }
}

/// The `time` block of a success envelope.
pub fn time_block(start: f64, finish: f64) -> Value {
    json!({
        "start": start,
        "finish": finish,
        "duration": finish - start,
        "processing": finish - start,
        "date_start": iso8601(start as i64),
        "date_finish": iso8601(finish as i64),
    })
}

/// Unix time as float seconds.
pub fn now_f64() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// Runs one method as `user` (no auth, limiter or faults: the HTTP layer did those).
pub fn call(w: &mut World, user: i64, method: &str, params: &Map<String, Value>) -> Outcome {
    let m = method.to_ascii_lowercase();
    if w.scenario.too_old && m.starts_with("imopenlines.session.mode.") {
        return not_found();
    }
    match m.as_str() {
        "imopenlines.session.mode.pin" => pin(w, user, params, Some("ACTIVATE")),
        "imopenlines.session.mode.unpin" => pin(w, user, params, None),
        "imopenlines.session.mode.pinall" => pin_all(w, user, true),
        "imopenlines.session.mode.unpinall" => pin_all(w, user, false),
        "imopenlines.session.mode.silent" => silent(w, user, params),
        "imopenlines.dialog.get" => dialog_get(w, user, params),
        "im.recent.get" => crate::recent::recent_get(w, user, params),
        "profile" => profile(w, user),
        "app.info" => app_info(w),
        "placement.bind" => placement_bind(w, user, params),
        "placement.unbind" => placement_unbind(w, user, params),
        "placement.get" => placement_get(w, user),
        "batch" => batch(w, user, params),
        _ => not_found(),
    }
}

fn not_found() -> Outcome {
    err(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")
}

fn ru(w: &World) -> bool {
    w.lang == "ru"
}

/// `Operator::checkAccess` (operator.php L66–172): the order of checks matters.
fn check_access(w: &World, user: i64, chat_id: i64) -> Result<(), Outcome> {
    let ru = ru(w);
    if chat_id <= 0 {
        return Err(err(
            400,
            "CHAT_ID",
            if ru {
                "Указан не корректный идентификатор чата"
            } else {
                "Chat ID is invalid."
            },
        ));
    }
    if user <= 0 {
        return Err(err(
            400,
            "USER_ID",
            if ru {
                "Указан не корректный идентификатор пользователя"
            } else {
                "User ID is invalid."
            },
        ));
    }
    let chat_type = || {
        err(
            400,
            "CHAT_TYPE",
            if ru {
                "Указанный чат не является открытой линией"
            } else {
                "This chat is not Open Channel"
            },
        )
    };
    let chat = w.chats.get(&chat_id);
    if let Some(c) = chat {
        if c.members.contains(&user) {
            return if c.lines { Ok(()) } else { Err(chat_type()) };
        }
        if c.recent.contains(&user) {
            return Ok(());
        }
    }
    match chat {
        None => Err(err(
            400,
            "CHAT_ID",
            if ru {
                "Указан не корректный идентификатор чата"
            } else {
                "Chat ID is invalid."
            },
        )),
        Some(c) if c.lines && !c.can_join => Err(err(
            400,
            "ACCESS_DENIED",
            if ru {
                "Вы не можете открыть этот разговор, т.к. у вас недостаточно прав."
            } else {
                "You do not have permission to access this chat."
            },
        )),
        Some(c) if c.lines => Ok(()),
        Some(_) => Err(chat_type()),
    }
}

/// `Chat::setPauseFlag` for `user`; `Err(())` is any step-4 failure.
fn set_pause(w: &mut World, user: i64, chat_id: i64, target: bool) -> Result<(), ()> {
    let Some(c) = w.chats.get_mut(&chat_id) else {
        return Err(());
    };
    if c.pinned == target {
        return Ok(());
    }
    // A closed session would be re-created by Session::load and land in the queue, i.e. with
    // another OPERATOR_ID: either way the current user is not the session's operator.
    if !c.lines || c.session_id == 0 || c.operator != user {
        return Err(());
    }
    c.pinned = target;
    if target {
        w.system_message(
            chat_id,
            "IMOL_CHAT_ASSIGN_ON",
            Some(now_unix() + 7 * 86_400),
        );
    } else {
        w.system_message(chat_id, "IMOL_CHAT_ASSIGN_OFF", None);
    }
    Ok(())
}

fn pin(w: &mut World, user: i64, p: &Map<String, Value>, activate_key: Option<&str>) -> Outcome {
    if is_falsy(p.get("CHAT_ID")) {
        return err(400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
    }
    let chat_id = intval(p.get("CHAT_ID"));
    if let Err(e) = check_access(w, user, chat_id) {
        return e;
    }
    // pin: pins unless ACTIVATE is exactly "N" (rest.php L551–568); unpin: always N.
    let target = match activate_key {
        Some(k) => !is_exact(p.get(k), "N"),
        None => false,
    };
    match set_pause(w, user, chat_id, target) {
        Ok(()) => Outcome::Ok(json!(true)),
        // rest.php builds the exception from $control->getError(), the empty BasicError.
        Err(()) => err(400, "", ""),
    }
}

fn pin_all(w: &mut World, user: i64, target: bool) -> Outcome {
    let ids: Vec<(i64, i64)> = w
        .chats
        .values()
        .filter(|c| {
            c.lines
                && c.session_id > 0
                && c.operator == user
                && c.pinned != target
                && (10..50).contains(&c.session_status)
        })
        .map(|c| (c.id, c.session_id))
        .collect();
    let mut changed = Vec::new();
    for (chat_id, session_id) in ids {
        // Operator::setPinMode runs checkAccess before setPauseFlag.
        if check_access(w, user, chat_id).is_ok() && set_pause(w, user, chat_id, target).is_ok() {
            changed.push(json!(session_id));
        }
    }
    Outcome::Ok(Value::Array(changed))
}

fn silent(w: &mut World, user: i64, p: &Map<String, Value>) -> Outcome {
    let chat_id = intval(p.get("CHAT_ID"));
    if let Err(e) = check_access(w, user, chat_id) {
        return e;
    }
    // Enables only on the exact string "Y"; off is stored as "" (chat.php setSilentMode).
    let active = if is_exact(p.get("ACTIVATE"), "Y") {
        "Y"
    } else {
        ""
    };
    if let Some(c) = w.chats.get_mut(&chat_id) {
        if c.whisper != active {
            c.whisper = active.to_string();
            let code = if active == "Y" {
                "IMOL_CHAT_STEALTH_ON"
            } else {
                "IMOL_CHAT_STEALTH_OFF"
            };
            w.system_message(chat_id, code, None);
        }
    }
    Outcome::Ok(json!(true))
}

fn dialog_get(w: &mut World, user: i64, p: &Map<String, Value>) -> Outcome {
    let chat_id = if let Some(d) = strval(get_ci(p, "DIALOG_ID")).filter(|s| !s.is_empty()) {
        d.strip_prefix("chat")
            .map(|n| intval(Some(&json!(n))))
            .unwrap_or(0)
    } else if !is_falsy(get_ci(p, "CHAT_ID")) {
        intval(get_ci(p, "CHAT_ID"))
    } else if !is_falsy(get_ci(p, "SESSION_ID")) {
        let sid = intval(get_ci(p, "SESSION_ID"));
        w.chats
            .values()
            .find(|c| c.session_id == sid)
            .map(|c| c.id)
            .unwrap_or(0)
    } else {
        0
    };
    let access = w.chats.get(&chat_id).is_some_and(|c| {
        c.lines && (c.members.contains(&user) || c.recent.contains(&user) || c.can_join)
    });
    if !access {
        return err(
            400,
            "ACCESS_ERROR",
            "You do not have access to the specified dialog",
        );
    }
    let c = &w.chats[&chat_id];
    let role = if c.owner == user {
        "owner"
    } else if c.members.contains(&user) {
        "member"
    } else {
        "guest"
    };
    let last = c.messages.last().map(|m| m.id).unwrap_or(0);
    Outcome::Ok(json!({
        "id": c.id,
        "parent_chat_id": 0,
        "parent_message_id": 0,
        "name": c.name,
        "description": null,
        "owner": c.owner,
        "extranet": false,
        "avatar": "",
        "color": c.color,
        "type": c.chat_type(),
        "counter": 0,
        "user_counter": c.members.len() + 1,
        "message_count": c.messages.len(),
        "unread_id": 0,
        "last_message_id": last,
        "last_id": last,
        "marked_id": 0,
        "disk_folder_id": 0,
        "entity_type": c.entity_type(),
        "entity_id": c.entity_id(),
        "entity_data_1": c.entity_data_1(),
        "entity_data_2": c.entity_data_2(),
        "entity_data_3": c.whisper,
        "mute_list": [],
        "date_create": iso8601(c.date_create),
        "message_type": c.message_type(),
        "public": "",
        "role": role,
        "entity_link": {"type": c.entity_type(), "url": "", "id": c.entity_id()},
        "text_field_enabled": true,
        "background_id": null,
        "is_new": false,
        "manager_list": if c.owner > 0 { vec![c.owner] } else { vec![] },
        "dialog_id": format!("chat{}", c.id),
    }))
}

fn profile(w: &World, user: i64) -> Outcome {
    let Some(u) = w.user(user) else {
        return err(401, "NO_AUTH_FOUND", "Wrong authorization data");
    };
    // ID is a string on a real portal (it comes straight from the DB row).
    Outcome::Ok(json!({
        "ID": u.id.to_string(),
        "ADMIN": u.admin,
        "NAME": u.name,
        "LAST_NAME": u.last_name,
        "PERSONAL_GENDER": "",
        "PERSONAL_PHOTO": "",
        "TIME_ZONE": "",
        "TIME_ZONE_OFFSET": 0,
    }))
}

fn app_info(w: &World) -> Outcome {
    Outcome::Ok(json!({
        "ID": 7,
        "CODE": "local.openline-modes.sandbox",
        "VERSION": 1,
        "STATUS": "L",
        "INSTALLED": w.installed,
        "PAYMENT_EXPIRED": "N",
        "DAYS": null,
        "LANGUAGE_ID": w.lang,
        "LICENSE": "en_selfhosted",
        "LICENSE_TYPE": "selfhosted",
        "LICENSE_FAMILY": "selfhosted",
    }))
}

fn is_admin(w: &World, user: i64) -> bool {
    w.user(user).is_some_and(|u| u.admin)
}

/// Placements this portal knows (scope placement + im; DEFAULT handled separately).
const KNOWN_PLACEMENTS: [&str; 5] = [
    "IM_SIDEBAR",
    "IM_TEXTAREA",
    "IM_CONTEXT_MENU",
    "IM_NAVIGATION",
    "CONTACT_CENTER",
];
const COLORS: [&str; 17] = [
    "RED",
    "GREEN",
    "MINT",
    "LIGHT_BLUE",
    "DARK_BLUE",
    "PURPLE",
    "AQUA",
    "PINK",
    "LIME",
    "BROWN",
    "AZURE",
    "KHAKI",
    "SAND",
    "ORANGE",
    "MARENGO",
    "GRAY",
    "GRAPHITE",
];

/// `im` RegistrationValidator for IM_* placements: every validator runs, the last failing
/// one wins (they overwrite `error`).
fn validate_im_options(placement: &str, opts: &Map<String, Value>) -> Option<(String, String)> {
    let mut out: Option<(String, String)> = None;
    if matches!(opts.get("iconName"), None | Some(Value::Null)) {
        out = Some((
            "EMPTY_ERROR_ICON_NAME".into(),
            "Field iconName is empty.".into(),
        ));
    }
    let mut fail = |code: &str, field: &str| {
        out = Some((code.to_string(), format!("Field {field} is invalid.")));
    };
    if let Some(v) = opts.get("iconName").filter(|v| !v.is_null()) {
        let s = strval(Some(v)).unwrap_or_default();
        if s.chars().count() > 50
            || !s
                .chars()
                .any(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
        {
            fail("INVALID_ERROR_ICON_NAME", "iconName");
        }
    }
    let s = |k: &str, d: &str| strval(opts.get(k)).unwrap_or_else(|| d.to_string());
    let extranet = s("extranet", "N");
    if extranet != "N" && extranet != "Y" {
        fail("INVALID_ERROR_EXTRANET", "extranet");
    }
    let context = s("context", "ALL");
    if !context
        .trim()
        .split(';')
        .all(|c| ["ALL", "USER", "CHAT", "LINES", "CRM"].contains(&c))
    {
        fail("INVALID_ERROR_CONTEXT", "context");
    }
    let role = s("role", "USER");
    if role != "USER" && role != "ADMIN" {
        fail("INVALID_ERROR_ROLE", "role");
    }
    let color = s("color", "");
    if !color.is_empty() && !COLORS.contains(&color.as_str()) {
        fail("INVALID_ERROR_COLOR", "color");
    }
    if placement == "IM_TEXTAREA" {
        for k in ["width", "height"] {
            if intval(opts.get(k)) < 0 {
                fail(&format!("INVALID_ERROR_{}", k.to_uppercase()), k);
            }
        }
    }
    out
}

/// `OPTIONS` of an `IM_NAVIGATION` binding as the server stores them. The placement declares
/// only `iconName` (required), `extranet` (default `N`) and `role` (default `USER`) (im
/// `Placement::onRestServiceBuildDescription`), so rest `Placement::prepareOptions` keeps those
/// three, cast to strings, and drops the rest (`context`, `color`, `width` …). A missing
/// `iconName` key throws `ArgumentNullException` there, before im's validator runs: 400
/// `ERROR_ARGUMENT`; `OPTIONS` that is not an array, `ArgumentTypeException`. Then
/// `onRegisterPlacementNavigation` validates iconName, extranet and role (docs/bitrix24.md §3).
fn navigation_options(raw: Option<&Value>) -> Result<Map<String, Value>, Outcome> {
    let given = match raw {
        None => Map::new(),
        Some(Value::Object(o)) => o.clone(),
        Some(_) => {
            return Err(err(
                400,
                "ERROR_ARGUMENT",
                "The value of an argument 'options' must be of type array",
            ))
        }
    };
    if !given.contains_key("iconName") {
        return Err(err(
            400,
            "ERROR_ARGUMENT",
            "Argument 'iconName' is null or empty",
        ));
    }
    let mut options = Map::new();
    for (k, d) in [("iconName", ""), ("extranet", "N"), ("role", "USER")] {
        let v = match given.get(k) {
            // `$paramsOptions[$k] ?? $default`: a null falls back to the default.
            Some(v) if !v.is_null() => strval(Some(v)).unwrap_or_else(|| "Array".into()),
            _ => d.to_string(),
        };
        options.insert(k.into(), json!(v));
    }
    // No `context` or `color` is stored, so those validators (not run for this placement)
    // would pass anyway; the iconName/extranet/role checks are the shared ones.
    if let Some((code, desc)) = validate_im_options("IM_NAVIGATION", &options) {
        return Err(Outcome::Raw(
            json!({"error": code, "error_description": desc}),
        ));
    }
    Ok(options)
}

fn placement_bind(w: &mut World, user: i64, raw: &Map<String, Value>) -> Outcome {
    if !is_admin(w, user) {
        return err(403, "ACCESS_DENIED", "Access denied!");
    }
    let p: Map<String, Value> = raw
        .iter()
        .map(|(k, v)| (k.to_ascii_uppercase(), v.clone()))
        .collect();
    let placement = strval(p.get("PLACEMENT"))
        .unwrap_or_default()
        .to_uppercase();
    let handler = strval(p.get("HANDLER")).unwrap_or_default();
    if placement.is_empty() {
        return err(400, "ERROR_ARGUMENT", "The placement code is not specified");
    }
    if placement == "DEFAULT" {
        return err(
            400,
            "ERROR_ARGUMENT",
            "The placement code has an incorrect value",
        );
    }
    if handler.is_empty() {
        return err(
            400,
            "ERROR_ARGUMENT",
            "The URL of the placement handler is not specified",
        );
    }
    if !KNOWN_PLACEMENTS.contains(&placement.as_str()) {
        return err(400, "ERROR_PLACEMENT_NOT_FOUND", "Placement not found");
    }
    let opts_in = match p.get("OPTIONS") {
        Some(Value::Object(o)) => o.clone(),
        _ => Map::new(),
    };
    let mut options = Map::new();
    if placement == "IM_NAVIGATION" {
        options = match navigation_options(p.get("OPTIONS")) {
            Ok(o) => o,
            Err(e) => return e,
        };
    } else if placement.starts_with("IM_") {
        // prepareOptions: defaults from the placement description, then the given values.
        for (k, d) in [
            ("iconName", Value::Null),
            ("context", json!("ALL")),
            ("role", json!("USER")),
            ("extranet", json!("N")),
            ("color", json!("")),
        ] {
            let v = opts_in.get(k).cloned().unwrap_or(d);
            if !v.is_null() {
                options.insert(k.into(), v);
            }
        }
        // IM_TEXTAREA declares width and height as `int` with default 100: `prepareOptions`
        // casts what is given (`"50%"` → 50) and fills what is not (im Placement.php).
        if placement == "IM_TEXTAREA" {
            for k in ["width", "height"] {
                let v = opts_in.get(k).map_or(100, |v| intval(Some(v)));
                options.insert(k.into(), json!(v));
            }
        }
        if let Some((code, desc)) = validate_im_options(&placement, &options) {
            return Outcome::Raw(json!({"error": code, "error_description": desc}));
        }
    }
    if w.bindings
        .iter()
        .any(|b| b.app_id == OUR_APP && b.placement == placement && b.handler == handler)
    {
        return err(
            400,
            "ERROR_CORE",
            "Unable to set placement handler: Handler already binded",
        );
    }
    let title = strval(p.get("TITLE"))
        .unwrap_or_default()
        .trim()
        .to_string();
    let description = strval(p.get("DESCRIPTION"))
        .unwrap_or_default()
        .trim()
        .to_string();
    let lang_all = match p.get("LANG_ALL") {
        Some(Value::Object(o)) if !o.is_empty() => Value::Object(o.clone()),
        _ => json!({"en": {"TITLE": title, "DESCRIPTION": description, "GROUP_NAME": ""}}),
    };
    let id = w.next_binding_id;
    w.next_binding_id += 1;
    w.bindings.push(Binding {
        id,
        app_id: OUR_APP,
        placement,
        handler,
        title,
        description,
        options: Value::Object(options),
        lang_all,
    });
    Outcome::Ok(json!(true))
}

fn placement_unbind(w: &mut World, user: i64, raw: &Map<String, Value>) -> Outcome {
    if !is_admin(w, user) {
        return err(403, "ACCESS_DENIED", "Access denied!");
    }
    let placement = strval(get_ci(raw, "PLACEMENT"))
        .unwrap_or_default()
        .to_uppercase();
    if placement.is_empty() {
        return err(
            400,
            "ERROR_ARGUMENT",
            "Argument 'PLACEMENT' is null or empty",
        );
    }
    let handler = strval(get_ci(raw, "HANDLER")).unwrap_or_default();
    // Only the calling app's rows (`=APP_ID`), the exact handler when one is given; `count`
    // goes up twice per removed row, once when found and once when deleted (rest placement.php).
    let before = w.bindings.len();
    w.bindings.retain(|b| {
        !(b.app_id == OUR_APP
            && b.placement == placement
            && (handler.is_empty() || b.handler == handler))
    });
    Outcome::Ok(json!({"count": 2 * (before - w.bindings.len())}))
}

fn placement_get(w: &World, user: i64) -> Outcome {
    if !is_admin(w, user) {
        return err(403, "ACCESS_DENIED", "Access denied!");
    }
    Outcome::Ok(Value::Array(
        w.bindings
            .iter()
            .filter(|b| b.app_id == OUR_APP)
            .map(|b| {
                json!({
                    "id": b.id, "placement": b.placement, "userId": 0, "handler": b.handler,
                    "options": b.options, "title": b.title, "description": b.description,
                    "langAll": b.lang_all,
                })
            })
            .collect(),
    ))
}

/// PHP prints an empty array as `[]`.
fn php_map(m: Map<String, Value>) -> Value {
    if m.is_empty() {
        json!([])
    } else {
        Value::Object(m)
    }
}

fn batch(w: &mut World, user: i64, p: &Map<String, Value>) -> Outcome {
    let halt = !is_falsy(p.get("halt"));
    let cmds: Vec<(String, String)> = match p.get("cmd") {
        Some(Value::Object(o)) => o
            .iter()
            .map(|(k, v)| (k.clone(), strval(Some(v)).unwrap_or_default()))
            .collect(),
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), strval(Some(v)).unwrap_or_default()))
            .collect(),
        _ => Vec::new(),
    };
    let as_list = matches!(p.get("cmd"), Some(Value::Array(_)));
    if cmds.len() > 50 {
        return err(
            400,
            "ERROR_BATCH_LENGTH_EXCEEDED",
            "Max batch length exceeded",
        );
    }
    let mut result = Map::new();
    let mut errors = Map::new();
    let mut times = Map::new();
    for (key, cmd) in cmds {
        let (method, query) = cmd.split_once('?').unwrap_or((cmd.as_str(), ""));
        let sub = parse_form(query);
        let start = now_f64();
        let out = if method.eq_ignore_ascii_case("batch") {
            err(
                400,
                "ERROR_BATCH_METHOD_NOT_ALLOWED",
                "Method is not allowed for batch usage",
            )
        } else {
            call(w, user, method, &sub)
        };
        let finish = now_f64();
        let failed = match out {
            Outcome::Ok(v) => {
                result.insert(key.clone(), v);
                times.insert(key, time_block(start, finish));
                false
            }
            Outcome::Err { code, desc, .. } => {
                errors.insert(key, json!({"error": code, "error_description": desc}));
                true
            }
            Outcome::Raw(v) => {
                errors.insert(key, v);
                true
            }
        };
        if failed && halt {
            break;
        }
    }
    let wrap = |m: Map<String, Value>| {
        if as_list && !m.is_empty() && m.keys().enumerate().all(|(i, k)| k == &i.to_string()) {
            Value::Array(m.into_iter().map(|(_, v)| v).collect())
        } else {
            php_map(m)
        }
    };
    Outcome::Ok(json!({
        "result": wrap(result),
        "result_error": wrap(errors),
        "result_total": [],
        "result_next": [],
        "result_time": wrap(times),
    }))
}
