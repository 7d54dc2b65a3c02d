//! The portal origin: chat page, REST endpoint, stand-in BX24 library and scenario API.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, patch, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::params::{merge, parse_form};
use crate::rest::{self, now_f64, time_block, Outcome};
use crate::state::{self, FailMode, InstallPath, Messenger, AUTH_EXPIRES, MEMBER_ID};
use crate::{Ctx, DropConnection};

const PORTAL_JS: &str = include_str!("assets/portal.js");
const PORTAL_CSS: &str = include_str!("assets/portal.css");
const BX24_JS: &str = include_str!("assets/bx24.js");

/// Routes of the portal origin.
pub fn router(ctx: Ctx) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/api/v1/", get(library))
        .route("/api/v1/index.js", get(library))
        .route(
            "/sandbox/portal.js",
            get(|| async { text(PORTAL_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/sandbox/portal.css",
            get(|| async { text(PORTAL_CSS, "text/css; charset=utf-8") }),
        )
        .route("/rest/{*method}", any(rest_endpoint))
        .route("/sandbox/reset", post(reset))
        .route("/sandbox/state", get(get_state))
        .route("/sandbox/scenario", post(scenario))
        .route("/sandbox/chats/{id}", patch(patch_chat))
        .route("/sandbox/calls", get(get_calls).delete(delete_calls))
        .route("/sandbox/frame-log", post(frame_log))
        .route("/sandbox/refresh", post(refresh))
        .route("/sandbox/install-finish", post(install_finish))
        .with_state(ctx)
}

fn text(body: &'static str, ctype: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, ctype),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn library() -> Response {
    text(BX24_JS, "text/javascript; charset=utf-8")
}

fn with_cors(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("origin, content-type, accept"),
    );
    resp
}

fn json_response(status: u16, body: &Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    with_cors(
        (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body.to_string(),
        )
            .into_response(),
    )
}

fn redact(mut params: Map<String, Value>) -> Value {
    if params.contains_key("auth") {
        params.insert("auth".into(), json!("REDACTED"));
    }
    Value::Object(params)
}

async fn rest_endpoint(
    State(ctx): State<Ctx>,
    Path(path): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if method == Method::OPTIONS {
        let mut resp = with_cors(StatusCode::OK.into_response());
        resp.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, OPTIONS"),
        );
        return resp;
    }
    let name = path.strip_suffix(".json").unwrap_or(&path).to_string();
    let mut params = parse_form(uri.query().unwrap_or(""));
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("json"));
    let body_params = if is_json {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(o)) => o,
            _ => Map::new(),
        }
    } else {
        parse_form(&String::from_utf8_lossy(&body))
    };
    merge(&mut params, body_params);

    let latency = ctx.world().scenario.latency_ms;
    if latency > 0 {
        tokio::time::sleep(Duration::from_millis(latency)).await;
    }

    let start = now_f64();
    let mut w = ctx.world();
    let logged = redact(params.clone());

    if w.scenario.fail_count > 0 {
        w.scenario.fail_count -= 1;
        let mode = w.scenario.fail_mode.unwrap_or(FailMode::Limit);
        if w.scenario.fail_count == 0 {
            w.scenario.fail_mode = None;
        }
        let (status, body) = match mode {
            FailMode::Limit => (503, limit_body()),
            FailMode::Internal => (
                500,
                json!({"error": "INTERNAL_SERVER_ERROR", "error_description": "Internal server error"}),
            ),
            FailMode::Drop => (0, Value::Null),
        };
        w.log("rest", &name, logged, status, body.clone());
        if status == 0 {
            let mut resp = StatusCode::OK.into_response();
            resp.extensions_mut().insert(DropConnection);
            return resp;
        }
        return json_response(status, &body);
    }

    let (status, body) = if !w.admit() {
        (503, limit_body())
    } else {
        match authenticate(&w, params.get("auth")) {
            Err((status, body)) => (status, body),
            Ok(user) => {
                let out = rest::call(&mut w, user, &name, &params);
                envelope(out, start)
            }
        }
    };
    w.log("rest", &name, logged, status, body.clone());
    json_response(status, &body)
}

fn limit_body() -> Value {
    json!({"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"})
}

fn authenticate(w: &state::World, auth: Option<&Value>) -> Result<i64, (u16, Value)> {
    let no_auth = || {
        (
            401,
            json!({"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"}),
        )
    };
    let Some(Value::String(token)) = auth else {
        return Err(no_auth());
    };
    let Some(t) = w.tokens.get(token) else {
        return Err(no_auth());
    };
    if t.expires_at <= Instant::now() {
        return Err((
            401,
            json!({"error": "expired_token", "error_description": "The access token provided has expired"}),
        ));
    }
    Ok(t.user)
}

fn envelope(out: Outcome, start: f64) -> (u16, Value) {
    match out {
        Outcome::Ok(result) => (
            200,
            json!({"result": result, "time": time_block(start, now_f64())}),
        ),
        Outcome::Err { status, code, desc } => {
            (status, json!({"error": code, "error_description": desc}))
        }
        Outcome::Raw(v) => (200, v),
    }
}

// ---------------------------------------------------------------- portal page

async fn page(State(ctx): State<Ctx>, Query(q): Query<HashMap<String, String>>) -> Response {
    let view = q
        .get("view")
        .map(String::as_str)
        .unwrap_or("sidebar")
        .to_string();
    let dialog = q.get("dialog").cloned().unwrap_or_else(|| "chat11".into());
    let install_finished = q.get("install_finished").cloned();
    let width: u32 = q.get("width").and_then(|w| w.parse().ok()).unwrap_or(320);
    let mut w = ctx.world();
    if let Some(lang) = q.get("lang").filter(|l| !l.is_empty()) {
        w.lang = lang.clone();
    }
    if let Some(user) = q.get("user").and_then(|u| u.parse::<i64>().ok()) {
        if w.user(user).is_some() {
            w.current_user = user;
        }
    }
    // Sticky like the language: `?messenger=classic|current`.
    match q.get("messenger").map(String::as_str) {
        Some("classic") => w.messenger = Messenger::Classic,
        Some("current") => w.messenger = Messenger::Current,
        _ => {}
    }
    let token = w.ensure_token();
    let user = w.user(w.current_user);
    // The chat view frames the widget from one of its homes, as the messenger does: the
    // classic sidebar's Applications block (IM_SIDEBAR), or the current messenger's popup above
    // the chat input (IM_TEXTAREA). Both hand over `{dialogId}` (im MarketService).
    let (placement, default_options) = match (view.as_str(), w.messenger) {
        ("app" | "install", _) => ("DEFAULT", None),
        (_, Messenger::Classic) => ("IM_SIDEBAR", Some(json!({"dialogId": dialog}).to_string())),
        (_, Messenger::Current) => ("IM_TEXTAREA", Some(json!({"dialogId": dialog}).to_string())),
    };
    let options: Option<String> = match q.get("options") {
        Some(s) if s.is_empty() => None,
        Some(s) => Some(s.clone()),
        None => default_options,
    };
    let install = view == "install" && install_finished.is_none();
    let chat = dialog
        .strip_prefix("chat")
        .and_then(|n| n.parse::<i64>().ok())
        .and_then(|id| w.chats.get(&id));
    let apps = if view == "sidebar" {
        w.apps_in(placement, chat)
    } else {
        Vec::new()
    };
    // The messenger's navigation (im v2 `MessengerNavigation` → `MarketApps`): one item per
    // `IM_NAVIGATION` binding this user may see, whatever the chat.
    let nav_apps = if view == "sidebar" {
        w.apps_in("IM_NAVIGATION", None)
    } else {
        Vec::new()
    };
    let handler = apps
        .iter()
        .find(|a| a["ours"] == json!(true))
        .and_then(|a| a["handler"].as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| ctx.app_url.clone());
    // Like app.layout: the sidebar frames the bound handler, an app being installed its
    // installation path (the handler itself when it was registered with one URL for both), and
    // the installed app its handler URL.
    let app_url = q.get("app_url").cloned().unwrap_or(if view == "sidebar" {
        handler
    } else if install && w.install_path == InstallPath::Separate {
        ctx.install_url.clone()
    } else {
        ctx.app_url.clone()
    });
    let config = json!({
        "view": view,
        "dialog": dialog,
        "lang": w.lang,
        "user": w.current_user,
        "is_admin": user.as_ref().is_some_and(|u| u.admin),
        "users": state::users(),
        "placement": placement,
        "placement_options": options,
        "width": width,
        "app_url": app_url,
        "app_sid": state::random_hex(),
        "auth": {"AUTH_ID": token.access, "AUTH_EXPIRES": AUTH_EXPIRES, "REFRESH_ID": token.refresh},
        "member_id": MEMBER_ID,
        "install": install,
        "first_run": install,
        "install_finished": install_finished,
        "messenger": w.messenger,
        // The placement's items shown in this chat (ours and other apps'), each with its
        // title in the portal language, icon, color and, above the chat input, popup size.
        "apps": apps,
        // The navigation's app items (title, icon, handler); each opens in the content area as
        // `IM_NAVIGATION` with no `PLACEMENT_OPTIONS`.
        "nav_apps": nav_apps,
        "installed": w.installed,
        // `init=silent`: the page never answers `getInitData` (a portal that hangs while the
        // app starts), for the widget's init deadline.
        "init_silent": q.get("init").is_some_and(|v| v == "silent"),
    });
    drop(w);
    // `<` escaped so no chat name or option can close the script element.
    let config = config.to_string().replace('<', "\\u003c");
    let html = format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sandbox portal: open lines</title>
<link rel="stylesheet" href="/sandbox/portal.css">
</head>
<body>
<script type="application/json" id="portal-config">{config}</script>
<div id="portal"></div>
<script src="/sandbox/portal.js"></script>
</body>
</html>
"#
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

// ---------------------------------------------------------------- scenario API

#[derive(Deserialize, Default)]
struct ResetBody {
    installed: Option<bool>,
    /// How the app is registered: `"separate"` (default) or `"same"`.
    install_path: Option<InstallPath>,
    /// Which messenger the page plays: `"current"` (default) or `"classic"`.
    messenger: Option<Messenger>,
}

async fn reset(State(ctx): State<Ctx>, body: Bytes) -> Response {
    // An empty body is the seed; a body that says something must say it right (a mistyped
    // `install_path` silently resetting to the default would mislead the test that sent it).
    let b: ResetBody = if body.iter().all(u8::is_ascii_whitespace) {
        ResetBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(b) => b,
            Err(e) => {
                return (StatusCode::BAD_REQUEST, format!("bad reset body: {e}")).into_response()
            }
        }
    };
    let mut w = ctx.world();
    w.reset(b.installed.unwrap_or(true));
    w.install_path = b.install_path.unwrap_or_default();
    w.messenger = b.messenger.unwrap_or_default();
    Json(state::snapshot(&w)).into_response()
}

async fn get_state(State(ctx): State<Ctx>) -> Response {
    let w = ctx.world();
    with_cors(Json(state::snapshot(&w)).into_response())
}

#[derive(Deserialize)]
struct FailNext {
    count: u32,
    mode: Option<FailMode>,
}

#[derive(Deserialize)]
struct ScenarioBody {
    user: Option<i64>,
    lang: Option<String>,
    latency_ms: Option<u64>,
    fail_next: Option<FailNext>,
    expire_token: Option<bool>,
    refresh_fails: Option<bool>,
    too_old: Option<bool>,
    messenger: Option<Messenger>,
    /// Replace the extra dialogs with this many open-line dialogs of the current user's.
    extra_dialogs: Option<usize>,
}

async fn scenario(State(ctx): State<Ctx>, body: Bytes) -> Response {
    let b: ScenarioBody = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => {
            return (StatusCode::BAD_REQUEST, format!("bad scenario body: {e}")).into_response()
        }
    };
    let mut w = ctx.world();
    if let Some(user) = b.user {
        if w.user(user).is_none() {
            return (StatusCode::BAD_REQUEST, "unknown user").into_response();
        }
        w.current_user = user;
        w.ensure_token();
    }
    if let Some(lang) = b.lang {
        w.lang = lang;
    }
    if let Some(ms) = b.latency_ms {
        w.scenario.latency_ms = ms;
    }
    if let Some(f) = b.fail_next {
        w.scenario.fail_count = f.count;
        w.scenario.fail_mode = if f.count > 0 {
            Some(f.mode.unwrap_or(FailMode::Limit))
        } else {
            None
        };
    }
    if b.expire_token == Some(true) {
        w.expire_tokens();
    }
    if let Some(v) = b.refresh_fails {
        w.scenario.refresh_fails = v;
    }
    if let Some(v) = b.too_old {
        w.scenario.too_old = v;
    }
    if let Some(v) = b.messenger {
        w.messenger = v;
    }
    if let Some(n) = b.extra_dialogs {
        if n > state::EXTRA_MAX {
            return (
                StatusCode::BAD_REQUEST,
                format!("extra_dialogs: at most {}", state::EXTRA_MAX),
            )
                .into_response();
        }
        let user = w.current_user;
        w.seed_extra_dialogs(user, n);
    }
    Json(state::snapshot(&w)).into_response()
}

#[derive(Deserialize)]
struct ChatPatch {
    pinned: Option<bool>,
    whisper: Option<Value>,
    owner: Option<i64>,
    operator: Option<i64>,
    member: Option<bool>,
    can_join: Option<bool>,
    session_status: Option<i64>,
    session_id: Option<i64>,
    name: Option<String>,
    /// Open line (`true`) or a plain group chat (`false`): the chat was converted meanwhile.
    lines: Option<bool>,
}

async fn patch_chat(State(ctx): State<Ctx>, Path(id): Path<String>, body: Bytes) -> Response {
    let id: i64 = match id.trim_start_matches("chat").parse() {
        Ok(id) => id,
        Err(_) => return (StatusCode::BAD_REQUEST, "bad chat id").into_response(),
    };
    let p: ChatPatch = match serde_json::from_slice(&body) {
        Ok(p) => p,
        Err(e) => return (StatusCode::BAD_REQUEST, format!("bad patch body: {e}")).into_response(),
    };
    let mut w = ctx.world();
    let user = w.current_user;
    let Some(c) = w.chats.get_mut(&id) else {
        return (StatusCode::NOT_FOUND, "no such chat").into_response();
    };
    if let Some(v) = p.pinned {
        c.pinned = v;
    }
    match p.whisper {
        Some(Value::Bool(true)) => c.whisper = "Y".into(),
        Some(Value::Bool(false)) => c.whisper = "N".into(),
        Some(Value::String(s)) => c.whisper = s,
        _ => {}
    }
    if let Some(v) = p.owner {
        c.owner = v;
    }
    if let Some(v) = p.operator {
        c.operator = v;
    }
    if let Some(v) = p.member {
        c.members.retain(|m| *m != user);
        if v {
            c.members.push(user);
        }
    }
    if let Some(v) = p.can_join {
        c.can_join = v;
    }
    if let Some(v) = p.session_status {
        c.session_status = v;
    }
    if let Some(v) = p.session_id {
        c.session_id = v;
    }
    if let Some(v) = p.name {
        c.name = v;
    }
    if let Some(v) = p.lines {
        c.lines = v;
    }
    Json(state::snapshot(&w)).into_response()
}

async fn get_calls(State(ctx): State<Ctx>) -> Response {
    let w = ctx.world();
    with_cors(Json(&w.calls).into_response())
}

async fn delete_calls(State(ctx): State<Ctx>) -> Response {
    ctx.world().calls.clear();
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct FrameLog {
    command: String,
    #[serde(default)]
    params: Value,
    #[serde(default)]
    response: Value,
}

async fn frame_log(State(ctx): State<Ctx>, Json(f): Json<FrameLog>) -> Response {
    let seq = ctx
        .world()
        .log("frame", &f.command, f.params, 0, f.response);
    Json(json!({"seq": seq})).into_response()
}

#[derive(Deserialize, Default)]
struct RefreshBody {
    refresh_token: Option<String>,
}

/// The portal's `access_refresh` (APPLAYOUT `refreshAuth` → lazyload.ajax.php).
async fn refresh(State(ctx): State<Ctx>, body: Bytes) -> Response {
    let b: RefreshBody = serde_json::from_slice(&body).unwrap_or_default();
    let mut w = ctx.world();
    if w.scenario.refresh_fails {
        return Json(json!({"error": "invalid_grant", "error_description": "Refresh failed (sandbox scenario refresh_fails)"}))
            .into_response();
    }
    let user = b
        .refresh_token
        .and_then(|r| w.tokens.values().find(|t| t.refresh == r).map(|t| t.user))
        .unwrap_or(w.current_user);
    let t = w.mint_token(user);
    Json(json!({"access_token": t.access, "refresh_token": t.refresh, "expires_in": AUTH_EXPIRES}))
        .into_response()
}

#[derive(Deserialize, Default)]
struct InstallBody {
    value: Option<Value>,
}

/// The portal's `set_installed` (APPLAYOUT `setInstallFinish`).
async fn install_finish(State(ctx): State<Ctx>, body: Bytes) -> Response {
    let b: InstallBody = serde_json::from_slice(&body).unwrap_or_default();
    let installed = !matches!(b.value, Some(Value::Bool(false)));
    let mut w = ctx.world();
    w.installed = installed;
    Json(json!({"result": installed})).into_response()
}
