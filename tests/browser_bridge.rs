//! The BX24 bridge against a `window.BX24` double shaped like the official library: callbacks get
//! result objects with `data()` / `error()` methods, an `error` key may be an empty string, a
//! callback may never come (5xx), `BX24` may be `null` or missing, `callMethod` may throw.
#![cfg(target_arch = "wasm32")]

use openline_modes::domain::command::Command;
use openline_modes::domain::dialog::{ChatId, PlacementOptions};
use openline_modes::domain::error::CallError;
use openline_modes::domain::reply::Reply;
use openline_modes::domain::rest::Call;
use openline_modes::domain::state::{DialogAnswer, ProfileAnswer};
use openline_modes::domain::wire::{List, Loose};
use openline_modes::host::bx24::Bx24Host;
use openline_modes::host::{Page, Rest};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The double. `window.__respond(method, params)` decides each answer:
/// `{answer, status}` answers after 5 ms, `null` never answers (like the library on a 5xx),
/// `"throw"` throws synchronously. Every call is recorded in `window.__calls`.
const FAKE_BX24: &str = r#"
(function () {
  // Like the official library: on an error the answer gets `ex`, an ajaxError holding the answer
  // itself, so `answer.ex.ex === answer` (a cycle a deep conversion must not follow).
  function AjaxError(status, ex) { this.status = status; this.ex = ex; }
  function AjaxResult(answer, status) {
    this.answer = answer; this.status = status;
    if (answer && typeof answer.error !== 'undefined') {
      answer.ex = new AjaxError(status, typeof answer.error === 'object' ? answer.error : answer);
    }
  }
  AjaxResult.prototype.data = function () { return this.answer.result; };
  AjaxResult.prototype.error = function () {
    return (typeof this.answer.error !== 'undefined') ? this.answer.ex : undefined;
  };
  AjaxResult.prototype.error_description = function () { return this.answer.error_description; };
  window.__calls = [];
  window.__respond = function () { return { answer: { result: true }, status: 200 }; };
  function answer(method, params, cb) {
    var r = window.__respond(method, params);
    if (r === 'throw') { throw new TypeError('Cannot read properties of undefined'); }
    if (r === null) { return; }
    setTimeout(function () { cb(new AjaxResult(r.answer, r.status)); }, 5);
  }
  window.BX24 = {
    init: function (cb) { if (window.__initAnswers !== false) { setTimeout(cb, 5); } },
    placement: { info: function () { return window.__placement; } },
    getLang: function () { return 'ru'; },
    callMethod: function (method, params, cb) {
      void params.start; // the newer library build reads it: undefined params would throw
      window.__calls.push([method, JSON.parse(JSON.stringify(params))]);
      answer(method, params, cb);
    },
    callBatch: function (calls, cb, halt) {
      window.__calls.push(['batch', JSON.parse(JSON.stringify(calls)), halt]);
      // Each sub-result as the official library builds it (recorded in
      // tests/fixtures/bx24-observed.json, callBatch.object.one-fails): the answer has exactly
      // `result, error, total, next`, `error` present but undefined on success, and on failure
      // the server's object `{error, error_description}` with `result` `{}`; the batch's status.
      var out = {};
      Object.keys(calls).forEach(function (key) {
        var r = window.__respond(calls[key][0], calls[key][1]);
        var failed = r.answer && 'error' in r.answer;
        var sub = {
          result: failed ? {} : r.answer.result,
          error: failed
            ? { error: r.answer.error, error_description: r.answer.error_description }
            : undefined,
          total: undefined,
          next: undefined
        };
        out[key] = new AjaxResult(sub, 200);
      });
      setTimeout(function () { cb(out); }, 5);
    },
    resizeWindow: function (w, h) { window.__calls.push(['resizeWindow', w, h]); }
  };
  window.__placement = { placement: 'IM_SIDEBAR', options: { dialogId: 'chat12' } };
})();
"#;

fn eval(js: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(js).expect("test script runs")
}

fn install(respond: &str) {
    eval(FAKE_BX24);
    eval(&format!("window.__respond = {respond};"));
}

fn recorded() -> Value {
    let text = eval("JSON.stringify(window.__calls)").as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

fn host() -> Bx24Host {
    Bx24Host::with_timeouts(300, 300)
}

fn chat(n: u64) -> ChatId {
    ChatId::new(n).unwrap()
}

/// One call whose result is read as it is (any JSON), through the same edge as every call.
async fn call(method: &str, params: Value) -> Result<Value, CallError> {
    host().call_as::<Value>(method, &params).await
}

#[wasm_bindgen_test]
async fn call_resolves_with_the_result_and_sends_the_exact_params() {
    install("function () { return { answer: { result: true, time: {} }, status: 200 }; }");
    let result = host().call(Command::Unpin(chat(12)).call()).await;
    assert_eq!(result, Ok(Reply::Done));
    assert_eq!(
        recorded(),
        json!([["imopenlines.session.mode.pin", { "CHAT_ID": 12, "ACTIVATE": "N" }]])
    );
}

#[wasm_bindgen_test]
async fn a_call_without_params_sends_an_empty_object_and_decodes_its_list() {
    install("function () { return { answer: { result: [339, '337'] }, status: 200 }; }");
    let result = host().call(Command::PinAll.call()).await;
    assert_eq!(
        result,
        Ok(Reply::Sessions(List(vec![
            Loose::Int(339),
            Loose::Text("337".into())
        ])))
    );
    assert_eq!(recorded(), json!([["imopenlines.session.mode.pinAll", {}]]));
}

#[wasm_bindgen_test]
async fn a_result_that_is_not_what_the_method_promises_is_a_bad_response() {
    install("function () { return { answer: { result: 'done' }, status: 200 }; }");
    let result = host().call(Command::PinAll.call()).await;
    assert!(
        matches!(&result, Err(CallError::BadResponse(m)) if m.starts_with("imopenlines.session.mode.pinAll: ")),
        "{result:?}"
    );
}

#[wasm_bindgen_test]
async fn an_empty_error_string_is_a_failure_not_a_success() {
    install(
        "function () { return { answer: { error: '', error_description: '' }, status: 400 }; }",
    );
    let result = host().call(Command::Pin(chat(14)).call()).await;
    assert_eq!(
        result,
        Err(CallError::Rest {
            status: 400,
            code: String::new(),
            description: String::new()
        })
    );
}

#[wasm_bindgen_test]
async fn a_rest_error_keeps_its_code_description_and_status() {
    install(
        "function () { return { answer: { error: 'ACCESS_DENIED', \
         error_description: 'You do not have permission to access this chat.' }, status: 400 }; }",
    );
    let result = call("imopenlines.session.mode.silent", json!({})).await;
    assert_eq!(
        result,
        Err(CallError::Rest {
            status: 400,
            code: "ACCESS_DENIED".into(),
            description: "You do not have permission to access this chat.".into()
        })
    );
}

#[wasm_bindgen_test]
async fn an_error_key_counts_even_when_the_library_error_method_says_none() {
    // A library build that tested `if (this.answer.error)` would hide the empty-error refusal.
    install(
        "function () { return { answer: { error: '', error_description: '' }, status: 400 }; }",
    );
    eval("BX24.__origError = true; (function(){ var cm = BX24.callMethod; BX24.callMethod = function (m, p, cb) { cm(m, p, function (r) { r.error = function () { return undefined; }; cb(r); }); }; })();");
    let result = call("imopenlines.session.mode.pin", json!({})).await;
    assert!(
        matches!(result, Err(CallError::Rest { ref code, .. }) if code.is_empty()),
        "{result:?}"
    );
}

#[wasm_bindgen_test]
async fn a_callback_that_never_comes_ends_in_a_timeout() {
    install("function () { return null; }");
    let result = host().call(Command::Pin(chat(12)).call()).await;
    assert_eq!(result, Err(CallError::Timeout));
    assert_eq!(
        recorded().as_array().unwrap().len(),
        1,
        "sent once, not retried"
    );
}

#[wasm_bindgen_test]
async fn a_synchronous_throw_is_an_error_not_a_panic() {
    install("function () { return 'throw'; }");
    let result = call("profile", json!({})).await;
    assert!(
        matches!(result, Err(CallError::Thrown(ref m)) if m.contains("Cannot read")),
        "{result:?}"
    );
}

#[wasm_bindgen_test]
async fn a_null_bx24_means_no_host() {
    eval("window.BX24 = null;");
    let host = host();
    assert!(!host.present());
    assert_eq!(host.ready().await, Err(CallError::NoHost));
    assert_eq!(
        host.call(Command::PinAll.call()).await,
        Err(CallError::NoHost)
    );
}

#[wasm_bindgen_test]
async fn a_missing_bx24_means_no_host() {
    eval("delete window.BX24;");
    let host = host();
    assert!(!host.present());
    assert_eq!(host.ready().await, Err(CallError::NoHost));
}

/// index.html inserts the library and publishes `window.__olmLibrary` (whether it loaded): the
/// wasm may start before the library has run, and `ready` waits for it instead of saying "no host".
#[wasm_bindgen_test]
async fn ready_waits_for_a_library_index_html_is_still_loading() {
    eval("delete window.BX24;");
    eval("window.__olmLibrary = new Promise(function (done) { window.__libraryArrives = done; });");
    eval(&format!(
        "setTimeout(function () {{ (0, eval)({}); window.__libraryArrives(true); }}, 30);",
        serde_json::to_string(FAKE_BX24).unwrap()
    ));
    let host = host();
    let not_yet = host.present();
    let info = host.ready().await;
    eval("delete window.__olmLibrary; delete window.__libraryArrives;");
    assert!(!not_yet, "the library is not there when ready() starts");
    assert_eq!(
        info.expect("ready once the library ran").placement.code,
        "IM_SIDEBAR"
    );
}

#[wasm_bindgen_test]
async fn a_library_that_failed_to_load_means_no_host() {
    eval("delete window.BX24;");
    eval("window.__olmLibrary = Promise.resolve(false);");
    let result = host().ready().await;
    eval("delete window.__olmLibrary;");
    assert_eq!(result, Err(CallError::NoHost));
}

/// Regression (fault 2): waiting for a library that never finished loading had no deadline (a
/// CDN that accepts the connection and never answers left the placeholder up for good).
#[wasm_bindgen_test]
async fn a_library_that_never_finishes_loading_ends_in_init_timeout() {
    eval("delete window.BX24;");
    eval("window.__olmLibrary = new Promise(function () {});");
    let started = js_sys::Date::now();
    let result = host().ready().await;
    let waited = js_sys::Date::now() - started;
    eval("delete window.__olmLibrary;");
    assert_eq!(result, Err(CallError::InitTimeout));
    // The start-up deadline (300 ms here), not a guess.
    assert!(waited >= 290.0, "{waited} ms");
}

/// A library that replies to init twice does not make the widget throw (the init callback
/// was a once-closure, which throws when called again).
#[wasm_bindgen_test]
async fn a_second_init_reply_is_harmless() {
    install("function () { return null; }");
    eval(
        "window.__initTwice = BX24.init; \
         BX24.init = function (cb) { window.__initTwice(cb); setTimeout(function () { \
           try { cb(); window.__secondReply = 'ok'; } catch (e) { window.__secondReply = String(e); } \
         }, 20); };",
    );
    let info = host().ready().await;
    let second = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |done, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&done, 60);
    }))
    .await;
    assert!(second.is_ok());
    let said = eval("window.__secondReply").as_string();
    eval("delete window.__secondReply; delete window.__initTwice;");
    assert_eq!(info.map(|i| i.placement.code), Ok("IM_SIDEBAR".to_owned()));
    assert_eq!(said.as_deref(), Some("ok"));
}

#[wasm_bindgen_test]
async fn ready_reports_placement_options_as_an_object_and_the_language() {
    install("function () { return null; }");
    let info = host().ready().await.expect("ready");
    assert_eq!(info.placement.code, "IM_SIDEBAR");
    assert_eq!(
        info.placement.options,
        PlacementOptions::dialog(Loose::Text("chat12".into()))
    );
    assert_eq!(info.lang, "ru");
}

/// Some portals pass `PLACEMENT_OPTIONS` through as the raw form field: the edge parses such a
/// string once, and a string that holds no options stays a string (which names no chat).
#[wasm_bindgen_test]
async fn placement_options_given_as_json_text_are_read_as_the_options_they_hold() {
    let cases = [
        (
            r#"'{"dialogId":"chat12","URI":"/online/"}'"#,
            PlacementOptions::Object {
                keys: 2,
                dialog: vec![("dialogId".into(), Loose::Text("chat12".into()))],
            },
        ),
        (
            r#"'{"dialogId":"5"}'"#,
            PlacementOptions::dialog(Loose::Text("5".into())),
        ),
        ("'null'", PlacementOptions::None),
        ("'[]'", PlacementOptions::List(0)),
        (
            "'dialogId=chat12'",
            PlacementOptions::Text("dialogId=chat12".into()),
        ),
        // One level only: a string inside the string is not options.
        (
            r#"'"{\"dialogId\":\"chat1\"}"'"#,
            PlacementOptions::Text(r#""{"dialogId":"chat1"}""#.into()),
        ),
        ("''", PlacementOptions::Text(String::new())),
        ("null", PlacementOptions::None),
        ("12", PlacementOptions::None),
    ];
    for (options, want) in cases {
        install("function () { return null; }");
        eval(&format!("window.__placement.options = {options};"));
        let info = host().ready().await.expect("ready");
        assert_eq!(info.placement.options, want, "{options}");
    }
}

#[wasm_bindgen_test]
async fn an_init_that_never_answers_ends_in_init_timeout() {
    install("function () { return null; }");
    eval("window.__initAnswers = false;");
    let result = host().ready().await;
    eval("window.__initAnswers = true;");
    assert_eq!(result, Err(CallError::InitTimeout));
}

/// index.html registers its own `BX24.init` callback when the library has run and publishes it
/// as `window.__olmInit`; the adapter waits on that instead of registering a callback of its
/// own, which the library would run only 10 ms after the registration (docs/bitrix24.md §4.1, §9).
#[wasm_bindgen_test]
async fn ready_takes_the_init_index_html_registered_and_registers_none_of_its_own() {
    install("function () { return null; }");
    eval(
        "window.__initAnswers = false; window.__registered = 0; window.__init = BX24.init; \
         BX24.init = function (cb) { window.__registered += 1; window.__init(cb); }; \
         window.__olmInit = Promise.resolve();",
    );
    let info = host().ready().await;
    let registered = eval("window.__registered").as_f64();
    eval(
        "window.__initAnswers = true; delete window.__olmInit; delete window.__registered; \
         delete window.__init;",
    );
    assert_eq!(info.map(|i| i.placement.code), Ok("IM_SIDEBAR".to_owned()));
    assert_eq!(registered, Some(0.0), "no init callback of its own");
}

#[wasm_bindgen_test]
async fn a_batch_is_one_library_call_with_per_key_results() {
    install(
        "function (method) { return method === 'profile' \
           ? { answer: { result: { ID: '1', ADMIN: false } }, status: 200 } \
           : { answer: { error: 'ACCESS_ERROR', error_description: 'no' }, status: 400 }; }",
    );
    let mut results = host().batch(state_calls()).await.expect("batch answered");
    assert_eq!(
        results.remove("me").expect("the batch has me"),
        Ok(Reply::Profile(ProfileAnswer {
            id: Loose::Text("1".into())
        }))
    );
    assert_eq!(
        results.remove("dialog").expect("the batch has dialog"),
        Err(CallError::Rest {
            status: 200,
            code: "ACCESS_ERROR".into(),
            description: "no".into()
        })
    );
    assert_eq!(
        recorded(),
        json!([["batch", {
            "dialog": ["imopenlines.dialog.get", { "DIALOG_ID": "chat12" }],
            "me": ["profile", {}]
        }, false]])
    );
}

#[wasm_bindgen_test]
async fn fit_height_asks_the_portal_for_integer_width_and_height() {
    install("function () { return null; }");
    host().fit_height(237);
    let calls = recorded();
    let call = &calls.as_array().unwrap()[0];
    assert_eq!(call[0], "resizeWindow");
    assert!(call[1].as_u64().is_some_and(|w| w > 0), "{call}");
    assert_eq!(call[2], 237);
}

/// Regression: dropping the wait for a script (`load_script`) freed its `onload` / `onerror`
/// closures while they were still installed on the element; the script's late load then threw
/// "closure invoked recursively or after being dropped" into the page.
#[wasm_bindgen_test]
async fn a_script_wait_that_is_dropped_leaves_no_freed_handler_behind() {
    use std::future::Future;
    use std::task::{Context, Poll};
    eval(
        "window.__errors = []; window.__lateScript = 0; \
         window.addEventListener('error', window.__recordError = function (e) { \
           window.__errors.push(String(e.message)); });",
    );
    let src = "data:text/javascript,window.__lateScript%20%3D%201%3B";
    let mut wait = Box::pin(openline_modes::host::dom::load_script(src, false));
    // One poll installs the handlers and appends the script; then the wait is dropped.
    let waker = futures::task::noop_waker();
    let pending = wait.as_mut().poll(&mut Context::from_waker(&waker));
    assert!(matches!(pending, Poll::Pending));
    drop(wait);
    gloo_timers::future::TimeoutFuture::new(100).await;
    let ran = eval("window.__lateScript").as_f64();
    let errors = eval("JSON.stringify(window.__errors)").as_string();
    eval("window.removeEventListener('error', window.__recordError); delete window.__errors;");
    assert_eq!(ran, Some(1.0), "the script ran");
    assert_eq!(errors.as_deref(), Some("[]"));
}

/// The dialog read the widget asks for (`state_batch(chat12)`).
fn state_calls() -> Vec<Call> {
    openline_modes::domain::state::state_batch(chat(12))
}

/// index.html's early read, made the way it makes it: `calls` as `[key, method, params]`, and
/// the library's batch of them (`answer` replaces it with a promise that never settles).
fn early_read(dialog_id: &str, answer: Option<&str>) {
    eval(&format!(
        "(function () {{ \
           var calls = [['dialog', 'imopenlines.dialog.get', {{ DIALOG_ID: '{dialog_id}' }}], ['me', 'profile', {{}}]]; \
           var spec = {{}}; calls.forEach(function (c) {{ spec[c[0]] = [c[1], c[2]]; }}); \
           window.__olmEarlyRead = {{ calls: calls, answer: {} }}; \
         }})();",
        answer.unwrap_or("new Promise(function (done) { BX24.callBatch(spec, done, false); })")
    ));
}

fn library_batches() -> usize {
    recorded()
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c[0] == "batch")
        .count()
}

#[wasm_bindgen_test]
async fn the_early_read_of_exactly_this_batch_is_taken_once_instead_of_a_second_request() {
    install(
        "function (method) { return method === 'profile' \
           ? { answer: { result: { ID: '1' } }, status: 200 } \
           : { answer: { result: { id: 12, entity_type: 'LINES' } }, status: 200 }; }",
    );
    early_read("chat12", None);
    assert_eq!(library_batches(), 1, "index.html's batch went out");
    let mut results = host().batch(state_calls()).await.expect("answered");
    assert_eq!(
        results.remove("me").expect("the batch has me"),
        Ok(Reply::Profile(ProfileAnswer {
            id: Loose::Text("1".into())
        }))
    );
    assert_eq!(
        results.remove("dialog").expect("the batch has dialog"),
        Ok(Reply::Dialog(DialogAnswer {
            id: Loose::Int(12),
            entity_type: Loose::Text("LINES".into()),
            ..DialogAnswer::default()
        }))
    );
    assert_eq!(library_batches(), 1, "no second request for the same read");
    assert!(eval("window.__olmEarlyRead").is_undefined(), "taken once");
    // The next read (after a write) is the widget's own.
    host().batch(state_calls()).await.expect("answered");
    assert_eq!(library_batches(), 2);
}

#[wasm_bindgen_test]
async fn an_early_read_of_something_else_is_not_taken() {
    install("function () { return { answer: { result: { ID: '1' } }, status: 200 }; }");
    early_read("chat13", None);
    host().batch(state_calls()).await.expect("answered");
    let sent = recorded();
    let batches: Vec<&Value> = sent
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c[0] == "batch")
        .collect();
    assert_eq!(batches.len(), 2, "the widget read chat12 itself");
    assert_eq!(
        batches[1][1]["dialog"],
        json!(["imopenlines.dialog.get", { "DIALOG_ID": "chat12" }])
    );
    assert!(eval("window.__olmEarlyRead").is_undefined());
}

#[wasm_bindgen_test]
async fn an_early_read_that_never_answers_ends_at_the_read_deadline() {
    install("function () { return { answer: { result: {} }, status: 200 }; }");
    early_read("chat12", Some("new Promise(function () {})"));
    let result = host().batch(state_calls()).await;
    assert_eq!(result, Err(CallError::Timeout));
    assert_eq!(
        library_batches(),
        0,
        "nothing else was sent: the outcome is unknown"
    );
}
