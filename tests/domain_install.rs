//! Installing into a portal (docs/bitrix24.md §3 placement.bind rules, §8 install mode): the exact
//! `placement.*` params, install-URL detection, reading `placement.get`, what a failed bind
//! means, and the install use-cases against the fake host.

mod fake;
use fake::{FakeHost, Request};
use futures::executor::block_on;
use openline_modes::controller::{
    bind, bindings, default_page as ask_default_page, install, rebind, unbind,
};
use openline_modes::domain::envelope::Head;
use openline_modes::domain::error::CallError;
use openline_modes::domain::install::{
    bind_log_line, bind_outcome, bind_params, bindings as read_bindings, classify_bind,
    classify_install_check, default_page, handler_url, installation, is_already_bound,
    is_install_url, same_handler, AppInfo, BindProblem, Bindings, Bound, DefaultPage, Home,
    HomeBinding, Installation, PlacementChange, APP_INFO_METHOD, BIND_METHOD, GET_METHOD,
};
use openline_modes::domain::reply::Reply;
use openline_modes::domain::rest::Params;
use openline_modes::host::Page;
use serde::Serialize;
use serde_json::{json, Value};

/// What the portal receives: params as JSON.
fn sent(params: impl Serialize) -> Value {
    serde_json::to_value(params).expect("params serialize")
}

/// `placement.get`'s `result`, decoded as the edge decodes it, then read for `handler`.
fn parse_bindings(result: &Value, handler: &str) -> Result<Bindings, CallError> {
    let rows = Reply::decode(GET_METHOD, result)?.placements()?;
    Ok(read_bindings(&rows, handler))
}

/// `placement.bind`'s `result`, decoded as the edge decodes it.
fn bound(result: Value) -> Result<Head, CallError> {
    Reply::decode(BIND_METHOD, result)?.bind()
}

/// `app.info`'s `result`, decoded as the edge decodes it.
fn app_info(result: &Value) -> AppInfo {
    Reply::decode(APP_INFO_METHOD, result)
        .and_then(Reply::app_info)
        .expect("app.info always decodes")
}

const HANDLER: &str = "https://widget.example/olm/";

fn rest(status: u16, code: &str, description: &str) -> CallError {
    CallError::Rest {
        status,
        code: code.into(),
        description: description.into(),
    }
}

fn already_bound() -> CallError {
    rest(
        400,
        "ERROR_CORE",
        "Unable to set placement handler: Handler already binded",
    )
}

fn titles() -> Vec<(&'static str, String)> {
    vec![
        ("en", "Dialog modes".to_string()),
        ("ru", "Режимы диалога".to_string()),
        ("de", "Dialogmodi".to_string()),
        ("ua", "Режими діалогу".to_string()),
    ]
}

// ------------------------------------------------------------------ params

#[test]
fn bind_params_are_exactly_what_each_home_needs() {
    let lang_all = json!({
        "en": { "TITLE": "Dialog modes" },
        "ru": { "TITLE": "Режимы диалога" },
        "de": { "TITLE": "Dialogmodi" },
        "ua": { "TITLE": "Режими діалогу" },
    });
    assert_eq!(
        sent(bind_params(
            Home::Sidebar,
            HANDLER,
            "Режимы диалога",
            &titles()
        )),
        json!({
            "PLACEMENT": "IM_SIDEBAR",
            "HANDLER": HANDLER,
            "TITLE": "Режимы диалога",
            "OPTIONS": {
                "iconName": "fa-thumb-tack",
                "color": "LIGHT_BLUE",
                "context": "LINES",
                "role": "USER",
                "extranet": "N",
            },
            "LANG_ALL": lang_all,
        })
    );
    // Above the chat input the popup takes the binding's width and height as pixels; without
    // them the messenger opens a 100 × 100 px popup (docs/bitrix24.md §3).
    assert_eq!(
        sent(bind_params(
            Home::Textarea,
            HANDLER,
            "Dialog modes",
            &titles()
        )),
        json!({
            "PLACEMENT": "IM_TEXTAREA",
            "HANDLER": HANDLER,
            "TITLE": "Dialog modes",
            "OPTIONS": {
                "iconName": "fa-thumb-tack",
                "color": "LIGHT_BLUE",
                "context": "LINES",
                "role": "USER",
                "extranet": "N",
                "width": 400,
                "height": 540,
            },
            "LANG_ALL": lang_all,
        })
    );
}

#[test]
fn the_options_of_every_home_pass_the_im_registration_validator() {
    // docs/bitrix24.md §3: iconName ≤ 50 chars with a letter/space/dash; extranet N|Y; context from
    // ALL|USER|CHAT|LINES|CRM; role USER|ADMIN; color from the palette; width/height ≥ 0.
    let palette = [
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
    for home in Home::ALL {
        let options = sent(home.options());
        let icon = options["iconName"].as_str().unwrap();
        assert!(icon.len() <= 50 && icon.chars().any(|c| c.is_ascii_alphabetic()));
        // In a chat: open-line chats only; the navigation has no chat (docs/bitrix24.md §3).
        let context = if home.in_chat() {
            json!("LINES")
        } else {
            Value::Null
        };
        assert_eq!(options["context"], context, "{home:?}");
        assert_eq!(options["role"], "USER");
        assert_eq!(options["extranet"], "N");
        if home.in_chat() {
            assert!(palette.contains(&options["color"].as_str().unwrap()));
        } else {
            // The navigation declares only iconName, role and extranet.
            let mut keys: Vec<&String> = options.as_object().unwrap().keys().collect();
            keys.sort();
            assert_eq!(keys, ["extranet", "iconName", "role"]);
        }
    }
    let textarea = sent(Home::Textarea.options());
    assert!(textarea["width"].as_u64().unwrap() >= 280);
    assert!(textarea["height"].as_u64().unwrap() >= 200);
    for home in [Home::Sidebar, Home::Navigation] {
        assert!(sent(home.options()).get("width").is_none(), "{home:?}");
    }
}

#[test]
fn homes_are_named_by_their_placement_codes_in_any_case() {
    assert_eq!(Home::from_code("IM_TEXTAREA"), Some(Home::Textarea));
    assert_eq!(Home::from_code("im_sidebar"), Some(Home::Sidebar));
    assert_eq!(Home::from_code(" IM_SIDEBAR "), Some(Home::Sidebar));
    assert_eq!(Home::from_code("IM_NAVIGATION"), Some(Home::Navigation));
    for other in ["DEFAULT", "IM_CONTEXT_MENU", "", "IM_SIDEBAR_X"] {
        assert_eq!(Home::from_code(other), None, "{other}");
    }
    assert_eq!(Home::Textarea.code(), "IM_TEXTAREA");
    assert_eq!(Home::Sidebar.code(), "IM_SIDEBAR");
    assert_eq!(Home::Navigation.code(), "IM_NAVIGATION");
    // Only the popup above the chat input has a size of its own.
    assert!(Home::Textarea.fixed_size());
    assert!(!Home::Sidebar.fixed_size());
    assert!(!Home::Navigation.fixed_size());
    // The install binds the homes in a chat; the navigation is off by default.
    assert_eq!(Home::IN_CHAT, [Home::Textarea, Home::Sidebar]);
    assert!(!Home::Navigation.in_chat());
}

// ------------------------------------------------------------------ URLs

#[test]
fn the_handler_is_the_page_address_without_query_or_fragment() {
    let cases = [
        (
            "https://widget.example/olm/?install=1&DOMAIN=b.example&APP_SID=1",
            "https://widget.example/olm/",
        ),
        (
            "https://widget.example/olm/index.html?DOMAIN=x",
            "https://widget.example/olm/index.html",
        ),
        (
            "https://widget.example/olm/#top",
            "https://widget.example/olm/",
        ),
        ("https://widget.example/olm/", "https://widget.example/olm/"),
        (
            "http://127.0.0.1:18080/?DOMAIN=127.0.0.1%3A18090",
            "http://127.0.0.1:18080/",
        ),
        ("", ""),
    ];
    for (href, handler) in cases {
        assert_eq!(handler_url(href), handler, "{href}");
    }
}

#[test]
fn only_the_install_query_parameter_means_install_mode() {
    let yes = [
        "https://w.example/olm/?install=1",
        "https://w.example/olm/?install=1&DOMAIN=b.example&PROTOCOL=1&LANG=ru&APP_SID=ab",
        "https://w.example/olm/?DOMAIN=b.example&install=1",
        "https://w.example/olm/?install=Y",
        "https://w.example/olm/?install=true",
        "https://w.example/olm/?install=YES#x",
    ];
    let no = [
        "https://w.example/olm/",
        "https://w.example/olm/?DOMAIN=b.example&APP_SID=ab",
        "https://w.example/olm/?install=0",
        "https://w.example/olm/?install=",
        "https://w.example/olm/?install",
        "https://w.example/olm/?reinstall=1",
        "https://w.example/olm/?INSTALL=1",
        "https://w.example/olm/#?install=1",
        "https://w.example/install=1",
        "",
    ];
    for href in yes {
        assert!(is_install_url(href), "{href}");
    }
    for href in no {
        assert!(!is_install_url(href), "{href}");
    }
}

#[test]
fn handlers_match_ignoring_a_trailing_slash_and_the_case_of_scheme_and_host() {
    assert!(same_handler(HANDLER, "https://widget.example/olm"));
    assert!(same_handler(HANDLER, "HTTPS://Widget.Example/olm/"));
    assert!(!same_handler(HANDLER, "https://widget.example/OLM/"));
    assert!(!same_handler(HANDLER, "https://widget.example/olm2/"));
    assert!(!same_handler(HANDLER, "https://other.example/olm/"));
}

// ------------------------------------------------------------------ placement.get

#[test]
fn placement_get_results_say_how_each_home_is_bound() {
    use HomeBinding::*;
    let ours = json!({ "placement": "IM_SIDEBAR", "handler": HANDLER, "title": "Dialog modes" });
    let old = json!({ "placement": "IM_SIDEBAR", "handler": "https://old.example/olm/" });
    let textarea = json!({ "placement": "IM_TEXTAREA", "handler": HANDLER });
    let old_textarea = json!({ "placement": "IM_TEXTAREA", "handler": "https://old.example/olm/" });
    let upper = json!({ "PLACEMENT": "im_sidebar", "HANDLER": "https://widget.example/olm" });
    let navigation = json!({ "placement": "IM_NAVIGATION", "handler": HANDLER });
    let elsewhere = || BoundElsewhere(vec!["https://old.example/olm/".into()]);
    let b = |textarea, sidebar| Bindings {
        textarea,
        sidebar,
        navigation: NotBound,
    };
    let cases: Vec<(Value, Bindings)> = vec![
        (json!([]), b(NotBound, NotBound)),
        (json!({}), b(NotBound, NotBound)),
        (
            json!([navigation]),
            Bindings {
                navigation: Bound,
                ..b(NotBound, NotBound)
            },
        ),
        (
            json!([{ "placement": "IM_CONTEXT_MENU", "handler": HANDLER }]),
            b(NotBound, NotBound),
        ),
        (json!([textarea.clone()]), b(Bound, NotBound)),
        (json!([ours.clone()]), b(NotBound, Bound)),
        (json!([ours.clone(), textarea.clone()]), b(Bound, Bound)),
        // This address and an old one: re-adding leaves exactly one.
        (json!([old.clone(), ours.clone()]), b(NotBound, elsewhere())),
        (json!([upper]), b(NotBound, Bound)),
        (json!({ "0": ours, "5": textarea }), b(Bound, Bound)),
        (json!([old, old_textarea]), b(elsewhere(), elsewhere())),
    ];
    for (result, expected) in cases {
        assert_eq!(parse_bindings(&result, HANDLER), Ok(expected), "{result}");
    }
}

#[test]
fn none_means_no_home_in_a_chat_has_the_widget() {
    use HomeBinding::*;
    let b = |textarea, sidebar| Bindings {
        textarea,
        sidebar,
        navigation: NotBound,
    };
    assert!(b(NotBound, NotBound).none());
    // The navigation's list alone: operators still find no widget in their chats.
    assert!(Bindings {
        navigation: Bound,
        ..b(NotBound, NotBound)
    }
    .none());
    assert!(!b(Bound, NotBound).none());
    assert!(!b(NotBound, Bound).none());
    assert!(!b(NotBound, BoundElsewhere(vec!["x".into()])).none());
}

#[test]
fn a_garbled_placement_get_result_is_a_bad_response() {
    for result in [json!(null), json!(true), json!("IM_SIDEBAR"), json!([1, 2])] {
        assert!(
            matches!(
                parse_bindings(&result, HANDLER),
                Err(CallError::BadResponse(_))
            ),
            "{result}"
        );
    }
}

// ------------------------------------------------------------------ bind outcome

#[test]
fn already_bound_is_success_and_everything_else_keeps_its_error() {
    assert_eq!(bind_outcome(bound(json!(true))), Ok(Bound::New));
    assert_eq!(bind_outcome(Err(already_bound())), Ok(Bound::Already));
    // Same text with other spellings.
    assert_eq!(
        bind_outcome(Err(rest(400, "error_core", "Handler already bound"))),
        Ok(Bound::Already)
    );
    // ERROR_CORE is also the code of SQL errors: only the text makes it "already bound".
    let sql = rest(500, "ERROR_CORE", "Lost connection to MySQL server");
    assert_eq!(bind_outcome(Err(sql.clone())), Err(sql));
    let denied = rest(403, "ACCESS_DENIED", "Access denied!");
    assert_eq!(bind_outcome(Err(denied.clone())), Err(denied));
}

#[test]
fn an_error_body_inside_a_successful_answer_is_a_refusal() {
    // Validation errors come with HTTP 200 (docs/bitrix24.md §3); a host that did not treat the
    // `error` key as failure would hand them over as a result.
    let answer = json!({ "error": "INVALID_ERROR_CONTEXT", "error_description": "Field context is invalid." });
    assert_eq!(
        bind_outcome(bound(answer)),
        Err(rest(
            200,
            "INVALID_ERROR_CONTEXT",
            "Field context is invalid."
        ))
    );
    let empty = json!({ "error": "", "error_description": null });
    assert_eq!(bind_outcome(bound(empty)), Err(rest(200, "", "")));
    let already = json!({ "error": "ERROR_CORE", "error_description": "Unable to set placement handler: Handler already binded" });
    assert_eq!(bind_outcome(bound(already)), Ok(Bound::Already));
}

#[test]
fn an_error_object_inside_a_successful_answer_is_read_like_any_answer() {
    // Regression: the object's JSON text used to become the code, so a nested "already binded"
    // was reported as a refusal. Now it is read with the envelope's rule (docs/bitrix24.md §4.1).
    let nested = json!({ "error": {
        "error": "ERROR_CORE",
        "error_description": "Unable to set placement handler: Handler already binded",
    } });
    assert_eq!(bind_outcome(bound(nested)), Ok(Bound::Already));
    let refused =
        json!({ "error": { "error": "ERROR_ARGUMENT" }, "error_description": "Bad options" });
    assert_eq!(
        bind_outcome(bound(refused)),
        Err(rest(200, "ERROR_ARGUMENT", "Bad options"))
    );
}

#[test]
fn is_already_bound_needs_both_the_code_and_the_text() {
    assert!(is_already_bound(&already_bound()));
    assert!(!is_already_bound(&rest(400, "ERROR_CORE", "")));
    assert!(!is_already_bound(&rest(
        400,
        "ERROR_ARGUMENT",
        "Handler already binded"
    )));
    assert!(!is_already_bound(&CallError::Timeout));
}

// ------------------------------------------------------------------ classification

#[test]
fn every_bind_failure_maps_to_what_the_administrator_can_do() {
    use BindProblem::*;
    let cases: Vec<(CallError, BindProblem)> = vec![
        // checkPermission's AccessException.
        (rest(403, "ACCESS_DENIED", "Access denied!"), NotAdmin),
        (rest(400, "ACCESS_DENIED", ""), NotAdmin),
        (rest(403, "SOMETHING", ""), NotAdmin),
        (rest(401, "insufficient_scope", ""), MissingScope),
        (rest(403, "insufficient_scope", ""), MissingScope),
        (
            rest(400, "ERROR_PLACEMENT_NOT_FOUND", "Placement not found"),
            MissingScope,
        ),
        // RegistrationValidator: HTTP 200 with an error body.
        (
            rest(200, "EMPTY_ERROR_ICON_NAME", "Field iconName is empty."),
            Rejected,
        ),
        (
            rest(200, "INVALID_ERROR_CONTEXT", "Field context is invalid."),
            Rejected,
        ),
        (rest(200, "INVALID_ERROR_ROLE", ""), Rejected),
        (rest(200, "SOME_NEW_VALIDATOR", ""), Rejected),
        (
            rest(
                400,
                "ERROR_ARGUMENT",
                "The placement code has an incorrect value",
            ),
            Rejected,
        ),
        (
            rest(
                400,
                "ERROR_CORE",
                "Unable to set placement handler: something",
            ),
            Rejected,
        ),
        (rest(500, "ERROR_CORE", "SQL"), Rejected),
        (
            rest(403, "WRONG_AUTH_TYPE", "Application context required"),
            Rejected,
        ),
        (
            rest(
                401,
                "ACCESS_DENIED",
                "REST is available only on commercial plans",
            ),
            Rejected,
        ),
        (rest(400, "", ""), Rejected),
        (rest(401, "expired_token", ""), AuthLost),
        (
            rest(401, "NO_AUTH_FOUND", "Wrong authorization data"),
            AuthLost,
        ),
        (rest(401, "whatever", ""), AuthLost),
        (CallError::Timeout, NoAnswer),
        (CallError::InitTimeout, NoAnswer),
        (rest(503, "QUERY_LIMIT_EXCEEDED", ""), Busy),
        (rest(429, "OPERATION_TIME_LIMIT", ""), Busy),
        (rest(500, "INTERNAL_SERVER_ERROR", ""), Unknown),
        (rest(404, "ERROR_METHOD_NOT_FOUND", ""), Unknown),
        (CallError::NoHost, Unknown),
        (CallError::Thrown("TypeError".into()), Unknown),
        (CallError::BadResponse("x".into()), Unknown),
    ];
    for (err, problem) in cases {
        assert_eq!(classify_bind(&err), problem, "{err}");
    }
}

#[test]
fn the_log_line_carries_the_step_the_raw_code_and_the_kind() {
    let line = bind_log_line(
        PlacementChange::Install,
        &rest(403, "ACCESS_DENIED", "Access denied!"),
    );
    assert_eq!(
        line,
        "openline-modes: install failed: REST error \"ACCESS_DENIED\" (403): Access denied! [NotAdmin]"
    );
    let long = bind_log_line(
        PlacementChange::Add(Home::Sidebar),
        &rest(400, "X", &"a\nb".repeat(400)),
    );
    assert!(!long.contains('\n'));
    assert_eq!(long.chars().count(), 501);
}

#[test]
fn change_names_are_stable_and_distinct() {
    let names: Vec<String> = PlacementChange::all().iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        [
            "install",
            "placement-check",
            "placement-add-textarea",
            "placement-readd-textarea",
            "placement-remove-textarea",
            "placement-add-sidebar",
            "placement-readd-sidebar",
            "placement-remove-sidebar",
            "placement-add-navigation",
            "placement-readd-navigation",
            "placement-remove-navigation",
            "install-check"
        ]
    );
}

// ------------------------------------------------------------------ install mode from app.info

#[test]
fn installed_is_read_as_the_portal_sends_it_and_as_the_database_spells_it() {
    use Installation::*;
    let cases: Vec<(Value, Installation)> = vec![
        // The portal: a JSON boolean.
        (json!({ "ID": 7, "INSTALLED": false }), Installing),
        (json!({ "ID": 7, "INSTALLED": true }), Installed),
        // The database's Y/N, numbers, words; any case, spaces around.
        (json!({ "INSTALLED": "N" }), Installing),
        (json!({ "INSTALLED": "n" }), Installing),
        (json!({ "INSTALLED": " N " }), Installing),
        (json!({ "INSTALLED": "Y" }), Installed),
        (json!({ "INSTALLED": 0 }), Installing),
        (json!({ "INSTALLED": 1 }), Installed),
        (json!({ "INSTALLED": "0" }), Installing),
        (json!({ "INSTALLED": "1" }), Installed),
        (json!({ "INSTALLED": "FALSE" }), Installing),
        (json!({ "INSTALLED": "true" }), Installed),
        // The key in another case.
        (json!({ "installed": false }), Installing),
        (json!({ "Installed": "Y" }), Installed),
        // Nothing readable: missing, null, empty, another word or number, a nested value.
        (json!({ "ID": 7, "STATUS": "L" }), Unknown),
        (json!({ "INSTALLED": null }), Unknown),
        (json!({ "INSTALLED": "" }), Unknown),
        (json!({ "INSTALLED": "maybe" }), Unknown),
        (json!({ "INSTALLED": 2 }), Unknown),
        (json!({ "INSTALLED": -1 }), Unknown),
        (json!({ "INSTALLED": 0.5 }), Unknown),
        (json!({ "INSTALLED": [false] }), Unknown),
        (json!({ "INSTALLED": { "value": false } }), Unknown),
        // Not an object at all (the library's empty body is `{}`).
        (json!({}), Unknown),
        (json!([]), Unknown),
        (json!(false), Unknown),
        (json!("N"), Unknown),
        (Value::Null, Unknown),
    ];
    for (answer, expected) in cases {
        assert_eq!(installation(&app_info(&answer)), expected, "{answer}");
    }
}

#[test]
fn only_an_explicit_not_installed_opens_the_install_page() {
    let ok = |v: Value| -> Result<AppInfo, CallError> { Ok(app_info(&v)) };
    assert_eq!(
        default_page(&ok(json!({ "INSTALLED": false }))),
        DefaultPage::Install
    );
    assert_eq!(
        default_page(&ok(json!({ "INSTALLED": "N" }))),
        DefaultPage::Install
    );
    assert_eq!(
        default_page(&ok(json!({ "INSTALLED": true }))),
        DefaultPage::App
    );
    // A guess would leave every visit of an installed app on the install page.
    assert_eq!(default_page(&ok(json!({ "ID": 7 }))), DefaultPage::App);
    assert_eq!(default_page(&ok(json!(null))), DefaultPage::App);
}

#[test]
fn a_failed_app_info_opens_the_app_page_with_its_reason() {
    use BindProblem::*;
    let cases: Vec<(CallError, BindProblem)> = vec![
        (CallError::Timeout, NoAnswer),
        (rest(503, "QUERY_LIMIT_EXCEEDED", ""), Busy),
        (
            rest(
                401,
                "expired_token",
                "The access token provided has expired",
            ),
            AuthLost,
        ),
        (rest(500, "INTERNAL_SERVER_ERROR", ""), Unknown),
        (CallError::NoHost, Unknown),
        (CallError::BadResponse("x".into()), Unknown),
        // What belongs to placements cannot be why app.info failed: no admin, no scope needed.
        (rest(403, "ACCESS_DENIED", "Access denied!"), Unknown),
        (rest(401, "insufficient_scope", ""), Unknown),
        (rest(200, "SOMETHING", "refused"), Unknown),
        (rest(404, "ERROR_METHOD_NOT_FOUND", ""), Unknown),
    ];
    for (err, problem) in cases {
        assert_eq!(classify_install_check(&err), problem, "{err}");
        assert_eq!(
            default_page(&Err(err.clone())),
            DefaultPage::AppUnchecked(problem),
            "{err}"
        );
    }
}

#[test]
fn asking_for_the_default_page_is_one_app_info_with_empty_params() {
    let fake = FakeHost::installing("en", true);
    assert_eq!(block_on(ask_default_page(&fake)), DefaultPage::Install);
    assert_eq!(
        fake.requests(),
        vec![Request::Call {
            method: APP_INFO_METHOD.into(),
            params: json!({}),
        }]
    );
    assert!(fake.logs().is_empty());

    let installed = FakeHost::app_page("en", false);
    assert_eq!(block_on(ask_default_page(&installed)), DefaultPage::App);
    assert!(installed.logs().is_empty());
}

#[test]
fn a_failed_or_unreadable_app_info_is_logged_with_its_code() {
    let fake = FakeHost::app_page("en", true);
    fake.on(APP_INFO_METHOD, |_| {
        Err(rest(503, "QUERY_LIMIT_EXCEEDED", "Too many"))
    });
    assert_eq!(
        block_on(ask_default_page(&fake)),
        DefaultPage::AppUnchecked(BindProblem::Busy)
    );
    assert_eq!(
        fake.logs(),
        ["openline-modes: install-check failed: REST error \"QUERY_LIMIT_EXCEEDED\" (503): Too many [Busy]"]
    );

    let odd = FakeHost::app_page("en", true);
    odd.on(APP_INFO_METHOD, |_| Ok(json!({ "ID": 7 })));
    assert_eq!(block_on(ask_default_page(&odd)), DefaultPage::App);
    assert_eq!(odd.logs().len(), 1);
    assert!(odd.logs()[0].contains("INSTALLED"), "{:?}", odd.logs());
}

// ------------------------------------------------------------------ use-cases (fake host)

fn params(home: Home) -> Params {
    bind_params(home, HANDLER, "Dialog modes", &titles())
}

fn methods(fake: &FakeHost) -> Vec<String> {
    fake.calls().into_iter().map(|(m, _)| m).collect()
}

fn unbind_of(placement: &str) -> (String, Value) {
    ("placement.unbind".into(), json!({ "PLACEMENT": placement }))
}

/// The `placement.bind` calls of `fake`, each checked for what install must send, as
/// `(PLACEMENT, OPTIONS)`.
fn binds(fake: &FakeHost) -> Vec<(String, Value)> {
    fake.calls_of("placement.bind")
        .into_iter()
        .map(|p| {
            assert_eq!(p["HANDLER"], HANDLER);
            assert_eq!(p["TITLE"], "Dialog modes");
            // Every language's title: the fake has no catalogues, so English for each.
            let lang_all = p["LANG_ALL"].as_object().unwrap();
            assert_eq!(lang_all.len(), 20, "{p}");
            assert_eq!(lang_all["ru"], json!({ "TITLE": "Dialog modes" }));
            (
                p["PLACEMENT"].as_str().unwrap().to_owned(),
                p["OPTIONS"].clone(),
            )
        })
        .collect()
}

#[test]
fn install_rebinds_every_home_with_the_exact_params_then_finishes() {
    let fake = FakeHost::install_page("en", true);
    fake.on("placement.unbind", |_| Ok(json!({ "count": 0 })));
    fake.on("placement.bind", |_| Ok(json!(true)));
    assert_eq!(block_on(install(&fake, HANDLER, "Dialog modes")), Ok(()));
    let calls = fake.calls();
    assert_eq!(calls[0], unbind_of("IM_TEXTAREA"));
    assert_eq!(calls[2], unbind_of("IM_SIDEBAR"));
    assert_eq!(
        methods(&fake),
        [
            "placement.unbind",
            "placement.bind",
            "placement.unbind",
            "placement.bind"
        ]
    );
    assert_eq!(
        binds(&fake),
        [
            ("IM_TEXTAREA".to_string(), sent(Home::Textarea.options())),
            ("IM_SIDEBAR".to_string(), sent(Home::Sidebar.options())),
        ]
    );
    assert_eq!(fake.install_finished(), 1);
}

#[test]
fn install_over_existing_bindings_still_finishes() {
    let fake = FakeHost::install_page("en", true);
    fake.on("placement.unbind", |_| Ok(json!({ "count": 0 })));
    fake.on("placement.bind", |_| Err(already_bound()));
    assert_eq!(block_on(install(&fake, HANDLER, "Dialog modes")), Ok(()));
    assert_eq!(fake.install_finished(), 1);
}

#[test]
fn a_differently_worded_already_bound_is_confirmed_by_placement_get() {
    let fake = FakeHost::install_page("ru", true);
    fake.on("placement.bind", |_| {
        Err(rest(
            400,
            "ERROR_CORE",
            "Не удалось установить обработчик: обработчик уже привязан",
        ))
    });
    fake.on("placement.get", |_| {
        Ok(json!([{ "placement": "IM_SIDEBAR", "handler": HANDLER }]))
    });
    assert_eq!(
        block_on(bind(&fake, Home::Sidebar, params(Home::Sidebar), HANDLER)),
        Ok(Bound::Already)
    );
    assert_eq!(methods(&fake), ["placement.bind", "placement.get"]);
    // The same answer for the other home is not confirmed: that home is not bound.
    assert_eq!(
        block_on(bind(&fake, Home::Textarea, params(Home::Textarea), HANDLER)),
        Err(rest(
            400,
            "ERROR_CORE",
            "Не удалось установить обработчик: обработчик уже привязан",
        ))
    );
}

#[test]
fn an_error_core_without_our_binding_stays_an_error() {
    let fake = FakeHost::install_page("en", true);
    let sql = rest(500, "ERROR_CORE", "SQL error");
    let answer = sql.clone();
    fake.on("placement.unbind", |_| Ok(json!({ "count": 0 })));
    fake.on("placement.bind", move |_| Err(answer.clone()));
    fake.on("placement.get", |_| Ok(json!([])));
    assert_eq!(block_on(install(&fake, HANDLER, "Dialog modes")), Err(sql));
    assert_eq!(fake.install_finished(), 0);
}

#[test]
fn a_refused_install_stops_at_the_first_refusal_and_never_finishes() {
    for err in [
        rest(403, "ACCESS_DENIED", "Access denied!"),
        rest(401, "insufficient_scope", ""),
        CallError::Timeout,
    ] {
        let fake = FakeHost::install_page("en", false);
        let answer = err.clone();
        fake.on("placement.unbind", move |_| Err(answer.clone()));
        assert_eq!(
            block_on(install(&fake, HANDLER, "Dialog modes")),
            Err(err.clone())
        );
        assert_eq!(fake.install_finished(), 0, "{err}");
        assert_eq!(methods(&fake), ["placement.unbind"], "{err}");
    }
    // A bind refused after the first home was bound: the second home is not tried.
    let fake = FakeHost::install_page("en", true);
    fake.on("placement.unbind", |_| Ok(json!({ "count": 0 })));
    let refusal = rest(200, "INVALID_ERROR_CONTEXT", "Field context is invalid.");
    let answer = refusal.clone();
    fake.on("placement.bind", move |_| Err(answer.clone()));
    assert_eq!(
        block_on(install(&fake, HANDLER, "Dialog modes")),
        Err(refusal)
    );
    assert_eq!(methods(&fake), ["placement.unbind", "placement.bind"]);
    assert_eq!(fake.install_finished(), 0);
}

#[test]
fn rebind_removes_every_handler_of_the_home_then_binds() {
    for home in Home::ALL {
        let fake = FakeHost::app_page("en", true);
        fake.on("placement.unbind", |_| Ok(json!({ "count": 2 })));
        fake.on("placement.bind", |_| Ok(json!(true)));
        assert_eq!(
            block_on(rebind(&fake, home, params(home), HANDLER)),
            Ok(Bound::New)
        );
        assert_eq!(
            fake.calls(),
            vec![
                unbind_of(home.code()),
                ("placement.bind".to_string(), sent(params(home))),
            ]
        );
        assert_eq!(fake.install_finished(), 0);
    }
}

#[test]
fn a_failed_unbind_stops_the_rebind() {
    let fake = FakeHost::app_page("en", true);
    fake.on("placement.unbind", |_| {
        Err(rest(403, "ACCESS_DENIED", "Access denied!"))
    });
    assert!(block_on(rebind(
        &fake,
        Home::Textarea,
        params(Home::Textarea),
        HANDLER
    ))
    .is_err());
    assert_eq!(methods(&fake), ["placement.unbind"]);
}

#[test]
fn unbind_and_read_send_the_exact_params() {
    let fake = FakeHost::app_page("en", true);
    fake.on("placement.unbind", |_| Ok(json!({ "count": 2 })));
    fake.on("placement.get", |_| Ok(json!([])));
    assert_eq!(block_on(unbind(&fake, Home::Textarea)), Ok(()));
    assert_eq!(
        block_on(bindings(&fake, HANDLER)),
        Ok(Bindings {
            textarea: HomeBinding::NotBound,
            sidebar: HomeBinding::NotBound,
            navigation: HomeBinding::NotBound,
        })
    );
    assert_eq!(
        fake.calls(),
        vec![
            unbind_of("IM_TEXTAREA"),
            ("placement.get".to_string(), json!({})),
        ]
    );
}

#[test]
fn bind_alone_does_not_finish_an_installation() {
    let fake = FakeHost::app_page("en", true);
    fake.on("placement.bind", |_| Ok(json!(true)));
    assert_eq!(
        block_on(bind(&fake, Home::Sidebar, params(Home::Sidebar), HANDLER)),
        Ok(Bound::New)
    );
    assert_eq!(fake.install_finished(), 0);
}

#[test]
fn the_fake_pages_say_where_they_were_opened() {
    let install_page = FakeHost::install_page("de", true);
    assert!(is_install_url(&install_page.page_url()));
    assert_eq!(handler_url(&install_page.page_url()), FakeHost::APP_URL);
    assert!(install_page.is_admin());
    let app = FakeHost::app_page("de", false);
    assert!(!is_install_url(&app.page_url()));
    assert!(!app.is_admin());
}
