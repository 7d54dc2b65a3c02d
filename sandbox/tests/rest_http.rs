//! The REST endpoint as an HTTP server: bodies, envelopes, auth, limiter, CORS, batch,
//! dialog.get, placement.*, faults and the call log (docs/bitrix24.md §2, §3, §5).
mod common;

use std::time::{Duration, Instant};

use common::{form, start, TOKEN};
use serde_json::{json, Value};

#[tokio::test]
async fn a_success_has_result_and_a_time_block() {
    let sb = start().await;
    let (status, body) = sb.call("profile", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body["result"]["ID"], json!("1"));
    assert_eq!(body["result"]["ADMIN"], json!(false));
    assert_eq!(body["result"]["NAME"], json!("Anna"));
    for key in ["start", "finish", "duration", "processing"] {
        assert!(body["time"][key].is_f64(), "time.{key} in {body}");
    }
    assert!(body["time"]["date_start"]
        .as_str()
        .unwrap()
        .ends_with("+00:00"));
}

#[tokio::test]
async fn a_text_plain_urlencoded_body_is_parsed_with_nested_keys() {
    let sb = start().await;
    let (status, body) = sb
        .raw(
            "imopenlines.session.mode.pin",
            format!("auth={TOKEN}&CHAT_ID=11&ACTIVATE=Y&extra[a][0]=x&extra[b]=&list[]=1"),
        )
        .await;
    assert_eq!((status, body["result"].clone()), (200, json!(true)));
    let log = sb.calls().await;
    assert_eq!(
        log.last().unwrap()["params"],
        json!({"auth": "REDACTED", "CHAT_ID": "11", "ACTIVATE": "Y", "extra": {"a": ["x"], "b": ""}, "list": ["1"]})
    );
}

#[tokio::test]
async fn a_json_body_is_parsed_when_the_content_type_says_json() {
    let sb = start().await;
    let resp = sb
        .http
        .post(sb.portal("/rest/imopenlines.session.mode.pin"))
        .json(&json!({"auth": TOKEN, "CHAT_ID": 11, "ACTIVATE": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // A JSON false is not the string "N": it pins.
    assert_eq!(sb.chat(11).await["pinned"], json!(true));
}

#[tokio::test]
async fn get_query_parameters_work_too() {
    let sb = start().await;
    let url = sb.portal(&format!("/rest/profile.json?auth={TOKEN}"));
    let body: Value = sb.http.get(url).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["result"]["ID"], json!("1"));
}

#[tokio::test]
async fn every_answer_carries_cors_headers_and_preflight_is_answered() {
    let sb = start().await;
    for url in [
        sb.portal("/rest/profile.json"),
        sb.portal("/rest/nope.json"),
    ] {
        let resp = sb
            .http
            .post(url)
            .body(format!("auth={TOKEN}"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.headers()["access-control-allow-origin"], "*");
        assert_eq!(
            resp.headers()["access-control-allow-headers"],
            "origin, content-type, accept"
        );
        assert!(resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
    }
    let resp = sb
        .http
        .request(reqwest::Method::OPTIONS, sb.portal("/rest/profile.json"))
        .header("Origin", "http://127.0.0.1:8080")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success());
    assert_eq!(resp.headers()["access-control-allow-origin"], "*");
    assert_eq!(
        resp.headers()["access-control-allow-headers"],
        "origin, content-type, accept"
    );
}

#[tokio::test]
async fn an_unknown_method_is_a_404_method_not_found() {
    let sb = start().await;
    let (status, body) = sb.call("imopenlines.nothing", &[]).await;
    assert_eq!(status, 404);
    assert_eq!(
        body,
        json!({"error": "ERROR_METHOD_NOT_FOUND", "error_description": "Method not found!"})
    );
}

#[tokio::test]
async fn a_too_old_portal_does_not_know_the_session_mode_methods() {
    let sb = start().await;
    sb.scenario(json!({"too_old": true})).await;
    for m in ["pin", "unpin", "pinAll", "unpinAll", "silent"] {
        let (status, body) = sb
            .call(
                &format!("imopenlines.session.mode.{m}"),
                &[("CHAT_ID", "11")],
            )
            .await;
        assert_eq!(
            (status, body["error"].clone()),
            (404, json!("ERROR_METHOD_NOT_FOUND")),
            "{m}"
        );
    }
    let (status, _) = sb
        .call("imopenlines.dialog.get", &[("DIALOG_ID", "chat11")])
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_missing_or_unknown_token_is_no_auth_found() {
    let sb = start().await;
    let (status, body) = sb.raw("profile", String::new()).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"error": "NO_AUTH_FOUND", "error_description": "Wrong authorization data"})
    );
    let (status, body) = sb.call_as("nope", "profile", &[]).await;
    assert_eq!(
        (status, body["error"].clone()),
        (401, json!("NO_AUTH_FOUND"))
    );
}

#[tokio::test]
async fn an_expired_token_is_expired_token_and_a_refreshed_one_works() {
    let sb = start().await;
    sb.scenario(json!({"expire_token": true})).await;
    let (status, body) = sb.call("profile", &[]).await;
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"error": "expired_token", "error_description": "The access token provided has expired"})
    );
    let fresh: Value = sb
        .http
        .post(sb.portal("/sandbox/refresh"))
        .json(&json!({"refresh_token": sandbox::state::SEED_REFRESH}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(fresh["expires_in"], json!(3600));
    let token = fresh["access_token"].as_str().unwrap();
    let (status, body) = sb.call_as(token, "profile", &[]).await;
    assert_eq!((status, body["result"]["ID"].clone()), (200, json!("1")));
    let (status, _) = sb.call("profile", &[]).await;
    assert_eq!(status, 401, "the old token stays expired");
}

#[tokio::test]
async fn refresh_fails_when_the_scenario_says_so() {
    let sb = start().await;
    sb.scenario(json!({"refresh_fails": true})).await;
    let body: Value = sb
        .http
        .post(sb.portal("/sandbox/refresh"))
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body.get("access_token").is_none());
    assert!(body.get("error").is_some());
}

#[tokio::test]
async fn the_51st_request_of_a_burst_is_refused_with_503_and_reset_clears_the_limiter() {
    let sb = start().await;
    let started = Instant::now();
    let mut statuses = Vec::new();
    for _ in 0..55 {
        statuses.push(sb.call("profile", &[]).await.0);
    }
    let elapsed = started.elapsed();
    assert!(statuses[..50].iter().all(|s| *s == 200), "{statuses:?}");
    // The bucket drains 2/s: if the burst took under half a second, not even one slot freed.
    if elapsed < Duration::from_millis(450) {
        assert_eq!(statuses[50], 503, "{statuses:?} in {elapsed:?}");
    }
    assert!(statuses[50..].contains(&503), "{statuses:?} in {elapsed:?}");
    let (status, body) = sb.call("profile", &[]).await;
    assert_eq!(
        (status, body["error"].clone()),
        (503, json!("QUERY_LIMIT_EXCEEDED"))
    );
    sb.reset().await;
    assert_eq!(sb.call("profile", &[]).await.0, 200);
}

#[tokio::test]
async fn a_batch_is_one_request_and_maps_errors_per_key() {
    let sb = start().await;
    let body = form(&[
        ("auth", TOKEN),
        ("halt", "0"),
        ("cmd[me]", "profile"),
        ("cmd[secret]", "imopenlines.dialog.get?DIALOG_ID=chat15"),
        (
            "cmd[pin]",
            "imopenlines.session.mode.pin?CHAT_ID=11&ACTIVATE=Y",
        ),
    ]);
    let (status, body) = sb.raw("batch", body).await;
    assert_eq!(status, 200);
    let r = &body["result"];
    assert_eq!(r["result"]["me"]["ID"], json!("1"));
    assert_eq!(r["result"]["pin"], json!(true));
    assert!(r["result"].get("secret").is_none());
    assert_eq!(
        r["result_error"]["secret"],
        json!({"error": "ACCESS_ERROR", "error_description": "You do not have access to the specified dialog"})
    );
    assert_eq!(r["result_total"], json!([]));
    assert_eq!(r["result_next"], json!([]));
    assert!(r["result_time"]["me"]["duration"].is_f64());
    assert!(body["time"].is_object());
    assert_eq!(sb.calls().await.len(), 1, "one HTTP request, one log entry");
    assert_eq!(
        sb.state().await["limiter"]["level"]
            .as_f64()
            .unwrap()
            .round(),
        1.0
    );
}

#[tokio::test]
async fn a_batch_with_halt_stops_at_the_first_error() {
    let sb = start().await;
    let body = form(&[
        ("auth", TOKEN),
        ("halt", "1"),
        ("cmd[me]", "profile"),
        ("cmd[bad]", "imopenlines.session.mode.pin?CHAT_ID=16"),
        ("cmd[pin]", "imopenlines.session.mode.pin?CHAT_ID=11"),
    ]);
    let (_, body) = sb.raw("batch", body).await;
    let r = &body["result"];
    assert_eq!(r["result"]["me"]["ID"], json!("1"));
    assert_eq!(r["result_error"]["bad"]["error"], json!("CHAT_TYPE"));
    assert!(r["result"].get("pin").is_none());
    assert_eq!(
        sb.chat(11).await["pinned"],
        json!(false),
        "halted before the pin"
    );
}

#[tokio::test]
async fn a_batch_of_a_list_answers_with_lists_and_no_errors_is_an_empty_array() {
    let sb = start().await;
    let body = form(&[
        ("auth", TOKEN),
        ("cmd[0]", "profile"),
        ("cmd[1]", "app.info"),
    ]);
    let (_, body) = sb.raw("batch", body).await;
    let r = &body["result"];
    assert_eq!(r["result"][0]["ID"], json!("1"));
    assert_eq!(r["result"][1]["INSTALLED"], json!(true));
    assert_eq!(r["result_error"], json!([]));
}

#[tokio::test]
async fn dialog_get_returns_the_lower_case_payload_of_an_open_line() {
    let sb = start().await;
    let (status, body) = sb
        .call("imopenlines.dialog.get", &[("dialog_id", "chat11")])
        .await;
    assert_eq!(status, 200);
    let d = &body["result"];
    assert_eq!(d["id"], json!(11));
    assert_eq!(d["dialog_id"], json!("chat11"));
    assert_eq!(d["type"], json!("lines"));
    assert_eq!(d["message_type"], json!("L"));
    assert_eq!(d["entity_type"], json!("LINES"));
    assert_eq!(d["owner"], json!(1));
    assert_eq!(d["name"], json!("Ivan Petrov (Telegram)"));
    assert_eq!(d["manager_list"], json!([1]));
    assert_eq!(d["entity_data_3"], json!("N"));
    assert_eq!(d["entity_id"].as_str().unwrap().split('|').count(), 4);
    let ed1: Vec<&str> = d["entity_data_1"].as_str().unwrap().split('|').collect();
    assert_eq!(ed1.len(), 10);
    assert_eq!((ed1[3], ed1[5]), ("N", "1101"));
    sb.call("imopenlines.session.mode.pin", &[("CHAT_ID", "11")])
        .await;
    let (_, body) = sb
        .call("imopenlines.dialog.get", &[("CHAT_ID", "11")])
        .await;
    assert_eq!(
        body["result"]["entity_data_1"]
            .as_str()
            .unwrap()
            .split('|')
            .nth(3),
        Some("Y")
    );
}

#[tokio::test]
async fn dialog_get_shows_a_closed_session_as_session_zero_and_owner_zero() {
    let sb = start().await;
    let (_, body) = sb
        .call("imopenlines.dialog.get", &[("DIALOG_ID", "chat17")])
        .await;
    assert_eq!(body["result"]["owner"], json!(0));
    assert_eq!(
        body["result"]["entity_data_1"]
            .as_str()
            .unwrap()
            .split('|')
            .nth(5),
        Some("0")
    );
}

#[tokio::test]
async fn dialog_get_refuses_chats_that_are_not_accessible_open_lines() {
    let sb = start().await;
    for dialog in ["chat15", "chat16", "chat999", "12"] {
        let (status, body) = sb
            .call("imopenlines.dialog.get", &[("DIALOG_ID", dialog)])
            .await;
        assert_eq!(status, 400, "{dialog}");
        assert_eq!(
            body,
            json!({"error": "ACCESS_ERROR", "error_description": "You do not have access to the specified dialog"}),
            "{dialog}"
        );
    }
    // Not a member, but canJoin: readable.
    assert_eq!(
        sb.call("imopenlines.dialog.get", &[("DIALOG_ID", "chat21")])
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn profile_tells_admins_apart() {
    let sb = start().await;
    let token = sb.become_user(3).await;
    let (_, body) = sb.call_as(&token, "profile", &[]).await;
    assert_eq!(body["result"]["ID"], json!("3"));
    assert_eq!(body["result"]["ADMIN"], json!(true));
}

const SIDEBAR_OK: &[(&str, &str)] = &[
    ("PLACEMENT", "IM_SIDEBAR"),
    ("HANDLER", "https://widget.example/"),
    ("TITLE", "Modes"),
    ("OPTIONS[iconName]", "fa-thumb-tack"),
    ("OPTIONS[context]", "LINES"),
    ("OPTIONS[role]", "USER"),
    ("OPTIONS[extranet]", "N"),
];

#[tokio::test]
async fn placement_bind_is_for_admins_only() {
    let sb = start().await;
    for m in ["placement.bind", "placement.unbind", "placement.get"] {
        let (status, body) = sb.call(m, SIDEBAR_OK).await;
        assert_eq!(status, 403, "{m}");
        assert_eq!(
            body,
            json!({"error": "ACCESS_DENIED", "error_description": "Access denied!"}),
            "{m}"
        );
    }
}

#[tokio::test]
async fn placement_bind_validates_im_sidebar_options_with_http_200_errors() {
    let sb = start().await;
    let token = sb.become_user(3).await;
    let with = |replace: &[(&'static str, &'static str)], drop_key: Option<&str>| {
        let mut p: Vec<(&str, &str)> = SIDEBAR_OK
            .iter()
            .copied()
            .filter(|(k, _)| Some(*k) != drop_key)
            .collect();
        for (k, v) in replace {
            p.retain(|(pk, _)| pk != k);
            p.push((k, v));
        }
        p
    };
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            with(&[], Some("OPTIONS[iconName]")),
            "EMPTY_ERROR_ICON_NAME",
        ),
        (
            with(&[("OPTIONS[iconName]", "123")], None),
            "INVALID_ERROR_ICON_NAME",
        ),
        (
            with(&[("OPTIONS[context]", "LINES;FOO")], None),
            "INVALID_ERROR_CONTEXT",
        ),
        (
            with(&[("OPTIONS[context]", "lines")], None),
            "INVALID_ERROR_CONTEXT",
        ),
        (
            with(&[("OPTIONS[role]", "BOSS")], None),
            "INVALID_ERROR_ROLE",
        ),
        (
            with(&[("OPTIONS[extranet]", "yes")], None),
            "INVALID_ERROR_EXTRANET",
        ),
        (
            with(&[("OPTIONS[color]", "BLUE")], None),
            "INVALID_ERROR_COLOR",
        ),
    ];
    for (params, code) in cases {
        let (status, body) = sb.call_as(&token, "placement.bind", &params).await;
        assert_eq!(status, 200, "{params:?}");
        assert_eq!(body["error"], json!(code), "{params:?} -> {body}");
        assert!(body["error_description"]
            .as_str()
            .unwrap()
            .starts_with("Field "));
    }
    let (status, body) = sb
        .call_as(
            &token,
            "placement.bind",
            &with(
                &[
                    ("OPTIONS[context]", "LINES;CHAT"),
                    ("OPTIONS[color]", "AQUA"),
                ],
                None,
            ),
        )
        .await;
    assert_eq!(
        (status, body["result"].clone()),
        (200, json!(true)),
        "{body}"
    );
}

#[tokio::test]
async fn placement_bind_refuses_default_unknown_placements_and_a_second_identical_handler() {
    let sb = start().await;
    let token = sb.become_user(3).await;
    let (status, body) = sb.call_as(&token, "placement.bind", SIDEBAR_OK).await;
    assert_eq!((status, body["result"].clone()), (200, json!(true)));
    let (status, body) = sb.call_as(&token, "placement.bind", SIDEBAR_OK).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"error": "ERROR_CORE", "error_description": "Unable to set placement handler: Handler already binded"})
    );
    let (status, body) = sb
        .call_as(
            &token,
            "placement.bind",
            &[("PLACEMENT", "DEFAULT"), ("HANDLER", "https://x/")],
        )
        .await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("ERROR_ARGUMENT"))
    );
    let (status, body) = sb
        .call_as(
            &token,
            "placement.bind",
            &[("PLACEMENT", "NOPE"), ("HANDLER", "https://x/")],
        )
        .await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("ERROR_PLACEMENT_NOT_FOUND"))
    );
    let (_, body) = sb.call_as(&token, "placement.get", &[]).await;
    let handlers: Vec<&str> = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["handler"].as_str().unwrap())
        .collect();
    assert!(
        handlers.contains(&"https://widget.example/"),
        "{handlers:?}"
    );
    let (_, body) = sb
        .call_as(
            &token,
            "placement.unbind",
            &[
                ("PLACEMENT", "IM_SIDEBAR"),
                ("HANDLER", "https://widget.example/"),
            ],
        )
        .await;
    // The server counts each removed row twice (found, then deleted).
    assert_eq!(body["result"], json!({"count": 2}));
}

#[tokio::test]
async fn textarea_bindings_get_integer_sizes_defaulting_to_100() {
    let sb = start().await;
    sb.reset_with(json!({"installed": false})).await;
    let token = sb.become_user(3).await;
    let textarea = |size: &'static [(&'static str, &'static str)]| {
        let mut p: Vec<(&str, &str)> = vec![
            ("PLACEMENT", "IM_TEXTAREA"),
            ("OPTIONS[iconName]", "fa-thumb-tack"),
            ("OPTIONS[context]", "LINES"),
        ];
        p.extend_from_slice(size);
        p
    };
    let mut h1 = textarea(&[]);
    h1.push(("HANDLER", "https://a.example/"));
    let mut h2 = textarea(&[("OPTIONS[width]", "50%"), ("OPTIONS[height]", "420")]);
    h2.push(("HANDLER", "https://b.example/"));
    let mut h3 = textarea(&[("OPTIONS[width]", "-1")]);
    h3.push(("HANDLER", "https://c.example/"));
    assert_eq!(
        sb.call_as(&token, "placement.bind", &h1).await.1["result"],
        json!(true)
    );
    assert_eq!(
        sb.call_as(&token, "placement.bind", &h2).await.1["result"],
        json!(true)
    );
    let (status, body) = sb.call_as(&token, "placement.bind", &h3).await;
    assert_eq!(
        (status, body),
        (
            200,
            json!({"error": "INVALID_ERROR_WIDTH", "error_description": "Field width is invalid."})
        )
    );
    let (_, body) = sb.call_as(&token, "placement.get", &[]).await;
    let sizes: Vec<(Value, Value)> = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["options"]["width"].clone(),
                b["options"]["height"].clone(),
            )
        })
        .collect();
    assert_eq!(sizes, [(json!(100), json!(100)), (json!(50), json!(420))]);
}

#[tokio::test]
async fn placement_calls_see_and_remove_only_the_calling_apps_bindings() {
    let sb = start().await;
    let token = sb.become_user(3).await;
    let other = sb.state().await["other_apps"]["bindings"].clone();
    assert_eq!(other.as_array().unwrap().len(), 1, "{other}");
    assert_eq!(other[0]["placement"], "IM_TEXTAREA");
    // placement.get lists our two bindings only.
    let (_, body) = sb.call_as(&token, "placement.get", &[]).await;
    let ours: Vec<&str> = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["placement"].as_str().unwrap())
        .collect();
    assert_eq!(ours, ["IM_TEXTAREA", "IM_SIDEBAR"]);
    // Unbinding the placement removes ours, not the other app's item there.
    let (_, body) = sb
        .call_as(&token, "placement.unbind", &[("PLACEMENT", "IM_TEXTAREA")])
        .await;
    assert_eq!(body["result"], json!({"count": 2}));
    let s = sb.state().await;
    assert_eq!(s["other_apps"]["bindings"], other);
    assert_eq!(s["app"]["textarea_visible"], json!(false));
    assert_eq!(s["app"]["sidebar_visible"], json!(true));
    let (_, body) = sb
        .call_as(&token, "placement.unbind", &[("PLACEMENT", "IM_TEXTAREA")])
        .await;
    assert_eq!(body["result"], json!({"count": 0}));
}

#[tokio::test]
async fn an_uninstalled_app_shows_no_sidebar_until_install_finish() {
    let sb = start().await;
    sb.reset_with(json!({"installed": false})).await;
    let (_, body) = sb.call("app.info", &[]).await;
    assert_eq!(body["result"]["INSTALLED"], json!(false));
    let s = sb.state().await;
    assert_eq!(s["app"]["sidebar_visible"], json!(false));
    assert_eq!(s["app"]["bindings"], json!([]));
    let token = sb.become_user(3).await;
    sb.call_as(&token, "placement.bind", SIDEBAR_OK).await;
    sb.install_finish().await;
    let (_, body) = sb.call_as(&token, "app.info", &[]).await;
    assert_eq!(body["result"]["INSTALLED"], json!(true));
    assert_eq!(sb.state().await["app"]["sidebar_visible"], json!(true));
}

/// The install view's page config: what it frames and whether it is in install mode.
async fn install_view(sb: &common::Sb, query: &str) -> Value {
    sb.page_config(&format!("/?view=install&user=3{query}"))
        .await
}

#[tokio::test]
async fn app_info_says_installed_false_until_the_portal_page_reports_install_finish() {
    // Both registrations: app.info's INSTALLED follows installFinish, not the URL.
    for path in ["separate", "same"] {
        let sb = start().await;
        let status = sb
            .reset_with(json!({"installed": false, "install_path": path}))
            .await;
        assert_eq!(status, 200, "{path}");
        let token = sb.become_user(3).await;
        let (status, body) = sb.call_as(&token, "app.info", &[]).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(body["result"]["INSTALLED"], json!(false), "{path}");
        // Binding alone does not install the app.
        sb.call_as(&token, "placement.bind", SIDEBAR_OK).await;
        let (_, body) = sb.call_as(&token, "app.info", &[]).await;
        assert_eq!(body["result"]["INSTALLED"], json!(false), "{path}");
        // setInstallFinish (the portal page posts this for the frame).
        sb.install_finish().await;
        let (_, body) = sb.call_as(&token, "app.info", &[]).await;
        assert_eq!(body["result"]["INSTALLED"], json!(true), "{path}");
        // Any user may ask.
        let (status, body) = sb.call("app.info", &[]).await;
        assert_eq!((status, &body["result"]["INSTALLED"]), (200, &json!(true)));
    }
}

#[tokio::test]
async fn registered_with_one_url_the_install_view_frames_the_handler_in_install_mode() {
    let sb = start().await;
    let handler = sb.app("/");
    // The default: two URLs.
    sb.reset_with(json!({"installed": false})).await;
    assert_eq!(sb.state().await["app"]["install_path"], json!("separate"));
    let cfg = install_view(&sb, "").await;
    assert_eq!(cfg["app_url"], json!(format!("{handler}?install=1")));
    assert_eq!(cfg["install"], json!(true));

    // One URL for both: the same install mode, at the handler itself.
    let status = sb
        .reset_with(json!({"installed": false, "install_path": "same"}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(sb.state().await["app"]["install_path"], json!("same"));
    let cfg = install_view(&sb, "").await;
    assert_eq!(cfg["app_url"], json!(handler));
    assert_eq!(
        (&cfg["install"], &cfg["placement"]),
        (&json!(true), &json!("DEFAULT"))
    );
    let finished = install_view(&sb, "&install_finished=Y").await;
    assert_eq!(finished["app_url"], json!(handler));
    assert_eq!(finished["install"], json!(false));

    // A reset without it is back to two URLs.
    sb.reset().await;
    assert_eq!(sb.state().await["app"]["install_path"], json!("separate"));
}

#[tokio::test]
async fn a_reset_body_that_does_not_parse_is_refused_not_read_as_the_seed() {
    let sb = start().await;
    sb.reset_with(json!({"installed": false})).await;
    for body in [
        r#"{"install_path": "one"}"#,
        r#"{"installed": "no"}"#,
        "installed=false",
    ] {
        let r = sb
            .http
            .post(sb.portal("/sandbox/reset"))
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{body}");
        assert!(
            r.text().await.unwrap().starts_with("bad reset body"),
            "{body}"
        );
    }
    // Nothing was reset by the refused bodies; an empty body still is the seed.
    assert_eq!(sb.state().await["app"]["installed"], json!(false));
    let r = sb
        .http
        .post(sb.portal("/sandbox/reset"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(sb.state().await["app"]["installed"], json!(true));
}

#[tokio::test]
async fn fail_next_503_and_500_fail_that_many_requests_and_are_logged() {
    let sb = start().await;
    sb.scenario(json!({"fail_next": {"count": 2, "mode": "503"}}))
        .await;
    let (s1, b1) = sb
        .call("imopenlines.session.mode.pin", &[("CHAT_ID", "11")])
        .await;
    let (s2, _) = sb
        .call("imopenlines.session.mode.pin", &[("CHAT_ID", "11")])
        .await;
    assert_eq!(
        (s1, b1["error"].clone(), s2),
        (503, json!("QUERY_LIMIT_EXCEEDED"), 503)
    );
    assert_eq!(
        sb.chat(11).await["pinned"],
        json!(false),
        "a faulted write is not applied"
    );
    sb.scenario(json!({"fail_next": {"count": 1, "mode": "500"}}))
        .await;
    let (s3, b3) = sb
        .call("imopenlines.session.mode.pin", &[("CHAT_ID", "11")])
        .await;
    assert_eq!(
        (s3, b3["error"].clone()),
        (500, json!("INTERNAL_SERVER_ERROR"))
    );
    let (s4, _) = sb
        .call("imopenlines.session.mode.pin", &[("CHAT_ID", "11")])
        .await;
    assert_eq!(s4, 200);
    let statuses: Vec<u64> = sb
        .calls()
        .await
        .iter()
        .map(|c| c["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [503, 503, 500, 200]);
}

#[tokio::test]
async fn fail_next_drop_closes_the_connection_without_a_response() {
    let sb = start().await;
    sb.scenario(json!({"fail_next": {"count": 1, "mode": "drop"}}))
        .await;
    let err = sb
        .http
        .post(sb.portal("/rest/imopenlines.session.mode.pin.json"))
        .body(form(&[("auth", TOKEN), ("CHAT_ID", "11")]))
        .send()
        .await
        .expect_err("no HTTP response at all");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
    let log = sb.calls().await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["status"], json!(0));
    assert_eq!(log[0]["response"], Value::Null);
    assert_eq!(log[0]["method"], json!("imopenlines.session.mode.pin"));
    assert_eq!(
        sb.call("profile", &[]).await.0,
        200,
        "only the next request is dropped"
    );
}

#[tokio::test]
async fn latency_delays_every_rest_answer() {
    let sb = start().await;
    sb.scenario(json!({"latency_ms": 300})).await;
    let t = Instant::now();
    assert_eq!(sb.call("profile", &[]).await.0, 200);
    assert!(
        t.elapsed() >= Duration::from_millis(300),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn the_call_log_records_decoded_params_with_auth_redacted_and_can_be_cleared() {
    let sb = start().await;
    sb.call(
        "imopenlines.session.mode.silent",
        &[("CHAT_ID", "13"), ("ACTIVATE", "N")],
    )
    .await;
    sb.call("nope.method", &[]).await;
    let log = sb.calls().await;
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["kind"], json!("rest"));
    assert_eq!(log[0]["method"], json!("imopenlines.session.mode.silent"));
    assert_eq!(
        log[0]["params"],
        json!({"auth": "REDACTED", "CHAT_ID": "13", "ACTIVATE": "N"})
    );
    assert_eq!(log[0]["status"], json!(200));
    assert_eq!(log[0]["response"]["result"], json!(true));
    assert!(log[0]["at_ms"].as_u64().unwrap() > 0);
    assert!(log[1]["seq"].as_u64() > log[0]["seq"].as_u64());
    assert_eq!(log[1]["status"], json!(404));
    assert!(
        !serde_json::to_string(&log).unwrap().contains(TOKEN),
        "the token never appears"
    );
    let frame: Value = sb
        .http
        .post(sb.portal("/sandbox/frame-log"))
        .json(&json!({"command": "resizeWindow", "params": {"width": 300, "height": 420}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(frame["seq"].as_u64().is_some());
    assert_eq!(sb.calls().await.last().unwrap()["kind"], json!("frame"));
    sb.http
        .delete(sb.portal("/sandbox/calls"))
        .send()
        .await
        .unwrap();
    assert!(sb.calls().await.is_empty());
}

#[tokio::test]
async fn patching_a_chat_is_someone_else_changing_it() {
    let sb = start().await;
    sb.http
        .patch(sb.portal("/sandbox/chats/11"))
        .json(&json!({"pinned": true, "whisper": true, "session_status": 50}))
        .send()
        .await
        .unwrap();
    let (_, body) = sb
        .call("imopenlines.dialog.get", &[("DIALOG_ID", "chat11")])
        .await;
    assert_eq!(
        body["result"]["entity_data_1"]
            .as_str()
            .unwrap()
            .split('|')
            .nth(3),
        Some("Y")
    );
    assert_eq!(body["result"]["entity_data_3"], json!("Y"));
    let (_, body) = sb.call("imopenlines.session.mode.unpinAll", &[]).await;
    assert_eq!(body["result"], json!([1201]), "status 50 is excluded");
}
