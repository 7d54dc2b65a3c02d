//! Adapter conformance: every `callMethod` and `callBatch` case recorded from the official
//! classic library (`tests/fixtures/bx24-observed.json`) is replayed against `src/host/bx24.rs`.
//!
//! For each case the object the library handed to the callback is rebuilt exactly
//! (`tests/conformance/rebuild.js`: own keys in order, keys present with `undefined`, the
//! `answer.ex` cycle, `ajaxError` prototypes, recorded method answers), serialized back with the
//! stand-in suite's serializer (`tests/conformance/serialize.js`) to prove it is the recorded one,
//! and given to the adapter through a `BX24` whose `callMethod` / `callBatch` call back with it
//! (or never, where the library never did). The adapter's outcome (through the edge every call
//! takes, with the result decoded as any JSON: `Bx24Host::call_as` / `batch_as`) must then be:
//! - the recorded `data()` where the library saw no error (`typeof answer.error` is
//!   `"undefined"`);
//! - the REST code and description written in [`REST_ERRORS`] for every recorded failure (read
//!   off the recorded answer by hand, not computed by the rule under test);
//! - [`CallError::Timeout`] where the callback never fired.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use js_sys::{Array, Function};
use openline_modes::domain::error::CallError;
use openline_modes::host::bx24::Bx24Host;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/bx24-observed.json");
const REBUILD: &str = include_str!("conformance/rebuild.js");
const SERIALIZE: &str = include_str!("conformance/serialize.js");

/// Every recorded failure, as the operator-facing code and the description a log shows:
/// `(case, callback, batch key or "", code, description)`.
const REST_ERRORS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "callMethod.400.access-denied",
        "cb",
        "",
        "ACCESS_DENIED",
        "You do not have permission to access this chat.",
    ),
    ("callMethod.400.empty-error-strings", "cb", "", "", ""),
    ("callMethod.400.error-null", "cb", "", "", ""),
    // `{"error": {"code": "X", "message": "nested"}, "error_description": "outer"}`: an error
    // object without the server's fields; the sibling description is what there is.
    ("callMethod.400.error-object", "cb", "", "", "outer"),
    (
        "callMethod.400.error-without-description",
        "cb",
        "",
        "CHAT_ID_EMPTY",
        "",
    ),
    (
        "callMethod.200.error-in-200",
        "cb",
        "",
        "EMPTY_ERROR_ICON_NAME",
        "Icon name is empty",
    ),
    (
        "callMethod.200.result-and-error",
        "cb",
        "",
        "SOME_WARNING",
        "both keys present",
    ),
    (
        "callMethod.401.no-auth-found",
        "cb",
        "",
        "NO_AUTH_FOUND",
        "Wrong authorization data",
    ),
    (
        "callMethod.401.invalid-token",
        "cb",
        "",
        "invalid_token",
        "The access token provided is invalid.",
    ),
    (
        "callMethod.403.json-error",
        "cb",
        "",
        "insufficient_scope",
        "The request requires higher privileges than provided by the access token",
    ),
    (
        "callMethod.404.method-not-found",
        "cb",
        "",
        "ERROR_METHOD_NOT_FOUND",
        "Method not found!",
    ),
    (
        "callMethod.429.operation-time-limit",
        "cb",
        "",
        "OPERATION_TIME_LIMIT",
        "Method is blocked due to operation time limit.",
    ),
    (
        "callBatch.object.one-fails",
        "cb",
        "dialog",
        "ACCESS_ERROR",
        "You do not have access to the specified dialog",
    ),
    (
        "callBatch.object.both-fail",
        "cb",
        "dialog",
        "ACCESS_ERROR",
        "You do not have access to the specified dialog",
    ),
    (
        "callBatch.object.both-fail",
        "cb",
        "me",
        "ACCESS_DENIED",
        "Access denied!",
    ),
    (
        "callBatch.object.sub-error-empty-strings",
        "cb",
        "dialog",
        "",
        "",
    ),
    (
        "callBatch.object.halt-true-first-fails",
        "cb",
        "dialog",
        "ACCESS_ERROR",
        "You do not have access to the specified dialog",
    ),
    (
        "callBatch.object.sub-error-expired-token",
        "cb",
        "dialog",
        "expired_token",
        "The access token provided has expired.",
    ),
    (
        "callBatch.array.second-fails",
        "cb",
        "1",
        "ACCESS_DENIED",
        "Access denied!",
    ),
    (
        "callBatch.array.first-fails",
        "cb",
        "0",
        "ACCESS_ERROR",
        "You do not have access to the specified dialog",
    ),
];

/// Cases of these kinds that do not apply to the adapter, with the reason.
const NOT_APPLICABLE: &[(&str, &str)] = &[
    (
        "callMethod.no-callback",
        "the adapter always passes a callback",
    ),
    (
        "callMethod.callback-not-a-function",
        "the adapter always passes a function",
    ),
];

/// A `BX24` that answers each call with the next queued object (`null`: never calls back) and
/// records what the adapter sent. Like the library, `callMethod` throws on `undefined` / `null`
/// params (recorded: encoding.params-undefined, encoding.params-null).
const DOUBLE: &str = r#"
(function () {
  window.__calls = [];
  window.__next = [];
  function answer(cb) {
    var r = window.__next.shift();
    if (r === null || r === undefined) { return; }
    setTimeout(function () { cb(r); }, 0);
  }
  window.BX24 = {
    init: function (cb) { setTimeout(cb, 0); },
    placement: { info: function () { return { placement: 'IM_SIDEBAR', options: {} }; } },
    getLang: function () { return 'en'; },
    callMethod: function (method, params, cb) {
      if (params === undefined || params === null) {
        throw new TypeError("Cannot read properties of " + params + " (reading 'start')");
      }
      window.__calls.push([method, JSON.parse(JSON.stringify(params))]);
      answer(cb);
    },
    callBatch: function (calls, cb, halt) {
      window.__calls.push(['batch', JSON.parse(JSON.stringify(calls)), halt]);
      answer(cb);
    }
  };
})();
"#;

fn eval(js: &str) -> JsValue {
    js_sys::eval(js).unwrap_or_else(|e| panic!("test script failed: {e:?}"))
}

fn global_fn(path: &str) -> Function {
    eval(path).dyn_into().expect("a function")
}

/// The live object the library passed to callback `cb` of case number `case`, rebuilt from the
/// fixture as JS parsed it (serde_json would sort the keys; their order is part of what is
/// recorded), and whether it serializes back to exactly the recorded text.
fn rebuild(case: usize, cb: &str) -> (JsValue, bool) {
    let pair = global_fn(
        "(function (i, cb) {
           var recorded = window.__fixture.cases[i].observed.callbacks[cb].calls[0].args[0];
           var live = BX24Rebuild.result(recorded);
           var ser = recorded.$type === 'batchResult'
             ? BX24Observed.serBatchResult : BX24Observed.serAjaxResult;
           return [live, JSON.stringify(ser(live)) === JSON.stringify(recorded)];
         })",
    )
    .call2(
        &JsValue::NULL,
        &JsValue::from(case as u32),
        &JsValue::from_str(cb),
    )
    .expect("rebuild");
    let pair: Array = pair.dyn_into().unwrap();
    (pair.get(0), pair.get(1).is_truthy())
}

fn queue(next: Option<JsValue>) {
    let q: Array = eval("window.__next").dyn_into().unwrap();
    q.push(&next.unwrap_or(JsValue::NULL));
}

fn sent() -> Value {
    let text = eval("JSON.stringify(window.__calls)").as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

fn host() -> Bx24Host {
    Bx24Host::with_timeouts(150, 150)
}

/// A recorded plain value (`data()`): `{"$undefined": true}` is what the adapter reports as
/// `null`; no other marker may appear in a value the adapter converts.
fn plain(v: &Value) -> Value {
    match v {
        Value::Object(m) if m.contains_key("$undefined") => Value::Null,
        other => {
            let text = other.to_string();
            assert!(!text.contains("\"$"), "a marker in a data() value: {text}");
            other.clone()
        }
    }
}

/// What the adapter must give for one recorded `ajaxResult`.
fn expected(
    case: &str,
    cb: &str,
    key: &str,
    result: &Value,
    used: &mut Vec<usize>,
) -> Result<Value, CallError> {
    if result["typeof answer.error"] == "undefined" {
        assert!(
            result["error()"].is_null(),
            "{case}: error() without answer.error"
        );
        return Ok(plain(&result["data()"]));
    }
    let Some(at) = REST_ERRORS
        .iter()
        .position(|(c, b, k, _, _)| *c == case && *b == cb && *k == key)
    else {
        panic!("{case} {cb} {key}: a recorded failure with no expectation in REST_ERRORS");
    };
    used.push(at);
    let (_, _, _, code, description) = REST_ERRORS[at];
    Err(CallError::Rest {
        status: result["status"].as_u64().expect("status") as u16,
        code: code.into(),
        description: description.into(),
    })
}

/// The method a recorded `BX24.callMethod('name', …)` called.
fn method_of(call: &str) -> String {
    let start = call.find('\'').expect("quoted method") + 1;
    let end = start + call[start..].find('\'').expect("closing quote");
    call[start..end].to_owned()
}

/// One sub-call of a batch: key, method, params.
type BatchCall = (String, String, Value);

/// Per-key outcomes of a batch.
type BatchResults = BTreeMap<String, Result<Value, CallError>>;

/// The batch calls the adapter can express (`[method, params]` with a method), keyed as recorded.
fn batch_calls(calls: &Value) -> Vec<BatchCall> {
    let entries: Vec<(String, &Value)> = match calls {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .filter_map(|(key, entry)| {
            let (method, params) = match entry {
                Value::Array(pair) => (pair.first()?.as_str()?, pair.get(1)),
                Value::Object(m) => (m.get("method")?.as_str()?, m.get("params")),
                _ => return None,
            };
            (!method.is_empty()).then(|| {
                let params = params
                    .filter(|p| p.is_object())
                    .cloned()
                    .unwrap_or(json!({}));
                (key, method.to_owned(), params)
            })
        })
        .collect()
}

/// The first argument of the callback's first call, or `None` when it never fired.
fn first_arg(callback: &Value) -> Option<&Value> {
    callback["calls"].get(0).map(|call| &call["args"][0])
}

fn same_outcome(got: &Result<Value, CallError>, want: &Result<Value, CallError>) -> bool {
    match (got, want) {
        (Err(CallError::BadResponse(_)), Err(CallError::BadResponse(_))) => true,
        _ => got == want,
    }
}

#[wasm_bindgen_test]
async fn every_recorded_call_and_batch_decodes_as_the_library_decided() {
    eval(REBUILD);
    eval(SERIALIZE);
    js_sys::Reflect::set(
        &js_sys::global(),
        &"__fixture".into(),
        &js_sys::JSON::parse(FIXTURE).expect("fixture parses in JS"),
    )
    .unwrap();
    let fixture: Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    let mut failures = Vec::new();
    let mut used = Vec::new();
    let (mut checked, mut rebuilt) = (0, 0);

    for (index, case) in fixture["cases"].as_array().unwrap().iter().enumerate() {
        let name = case["name"].as_str().unwrap();
        let kind = case["kind"].as_str().unwrap();
        if kind != "callMethod" && kind != "callBatch" {
            continue;
        }
        if NOT_APPLICABLE.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let callbacks = case["observed"]["callbacks"].as_object().unwrap();
        // The callbacks given to callMethod / callBatch themselves (`cb`, `cb1`, `cb2`), not
        // those of `next()` or of calls queued before init.
        let direct: Vec<(&String, &Value)> = callbacks
            .iter()
            .filter(|(n, _)| {
                n.strip_prefix("cb")
                    .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()))
            })
            .collect();
        assert!(!direct.is_empty(), "{name}: no direct callback recorded");
        for (cb, callback) in direct {
            eval(DOUBLE);
            let arg = first_arg(callback);
            let live = arg.map(|_| {
                let (live, same) = rebuild(index, cb);
                if !same {
                    failures.push(format!(
                        "{name} {cb}: the rebuilt object does not serialize as recorded"
                    ));
                }
                rebuilt += 1;
                live
            });
            queue(live);
            checked += 1;
            if kind == "callMethod" {
                let method = method_of(case["input"]["call"].as_str().unwrap());
                let params = Some(&case["input"]["params"])
                    .filter(|p| p.is_object())
                    .cloned()
                    .unwrap_or(json!({}));
                let got = host().call_as::<Value>(&method, &params).await;
                let want = match arg {
                    None => Err(CallError::Timeout),
                    Some(result) => expected(name, cb, "", result, &mut used),
                };
                if !same_outcome(&got, &want) {
                    failures.push(format!("{name} {cb}: got {got:?}, want {want:?}"));
                }
                if sent() != json!([[method, params]]) {
                    failures.push(format!("{name} {cb}: sent {}", sent()));
                }
            } else {
                let calls = batch_calls(&case["input"]["calls"]);
                let spec: serde_json::Map<String, Value> = calls
                    .iter()
                    .map(|(key, method, params)| (key.clone(), json!([method, params])))
                    .collect();
                let got = host().batch_as::<Value, Value>(&calls).await;
                let want: Result<BatchResults, CallError> = match arg {
                    None => Err(CallError::Timeout),
                    Some(batch) => Ok(calls
                        .iter()
                        .map(|(key, _, _)| {
                            let entry = &batch["entries"][key];
                            let outcome = if entry.is_null() {
                                Err(CallError::BadResponse(String::new()))
                            } else {
                                expected(name, cb, key, entry, &mut used)
                            };
                            (key.clone(), outcome)
                        })
                        .collect::<BTreeMap<_, _>>()),
                };
                let same = match (&got, &want) {
                    (Ok(g), Ok(w)) => {
                        g.len() == w.len()
                            && w.iter()
                                .all(|(k, w)| g.get(k).is_some_and(|g| same_outcome(g, w)))
                    }
                    _ => got == want,
                };
                if !same {
                    failures.push(format!("{name} {cb}: got {got:?}, want {want:?}"));
                }
                if sent() != json!([["batch", spec, false]]) {
                    failures.push(format!("{name} {cb}: sent {}", sent()));
                }
            }
        }
    }

    let unused: Vec<_> = (0..REST_ERRORS.len())
        .filter(|i| !used.contains(i))
        .map(|i| REST_ERRORS[i].0)
        .collect();
    assert!(
        unused.is_empty(),
        "expectations for failures the recording does not have: {unused:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} recorded callbacks disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // 42 callMethod cases (one with two callbacks) and 25 callBatch cases (one with two), of
    // which 51 callbacks fired.
    assert_eq!(
        (checked, rebuilt),
        (69, 51),
        "recorded callbacks replayed, rebuilt"
    );
}
