//! The install page and the app page in a browser, over the fake host: what the administrator
//! and the operator see and what is sent. Elements are found by role and visible text.
#![cfg(target_arch = "wasm32")]

mod catalogues;
mod fake;
mod support;

use std::cell::RefCell;
use std::rc::Rc;

use fake::FakeHost;
use openline_modes::controller::verdict::bind_id;
use openline_modes::domain::error::CallError;
use openline_modes::domain::install::Home;
use serde_json::{json, Value};
use support::{text_of, Mounted};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// What the operator reads, written out (not computed with the texts under test).
const APP_ABOUT: &str = "Pin open-line dialogs to yourself and turn whisper mode on or off right in the chat: open an open-line chat and find “Dialog modes” among the apps above the message input (in older messengers, under Applications in the chat sidebar).";
const CHECK_FAILED_NO_ANSWER: &str = "Could not check whether the app's installation is complete. Bitrix24 did not answer in time. Check your connection and try again.";
const HOMES_NONE: &str = "Operators will not find the widget: it is neither above the chat input nor in the chat sidebar. Add it to at least one of them.";
const INSTALL_BINDING: &str = "Adding the widget to open-line chats…";
const INSTALL_DONE: &str = "Installation complete. Operators find “Dialog modes” among the apps above the input of open-line chats (in older messengers, in the chat sidebar).";
const INSTALL_TITLE: &str = "Installing Dialog modes";
const INSTALL_FAILED_BUSY: &str = "The app could not be installed. Bitrix24 is receiving too many requests right now. Wait a minute and try again.";
const INSTALL_FAILED_NOT_ADMIN: &str = "The app could not be installed. Only a Bitrix24 administrator can do this. Ask your administrator to open the app.";
const RU_CHECK_FAILED_BUSY: &str = "Не удалось проверить, завершена ли установка приложения. Битрикс24 сейчас получает слишком много запросов. Подождите минуту и повторите попытку.";
const RU_INSTALL_DONE: &str = "Установка завершена. Операторы найдут «Режимы диалога» среди приложений над полем ввода в чатах открытых линий (в старых версиях мессенджера — в боковой панели чата).";
const UA_HOMES_ADMIN_ONLY: &str =
    "Бачити й змінювати, де оператори знаходять віджет, може лише адміністратор Бітрікс24.";

const BIND: &str = "placement.bind";
const UNBIND: &str = "placement.unbind";
const GET: &str = "placement.get";
const APP_INFO: &str = "app.info";

fn rest_error(status: u16, code: &str, description: &str) -> CallError {
    CallError::Rest {
        status,
        code: code.into(),
        description: description.into(),
    }
}

fn denied() -> CallError {
    rest_error(403, "ACCESS_DENIED", "Access denied!")
}

/// A portal's bindings of this app as `(placement, handler)`, served to the fake host like the
/// sandbox serves them (admin only; unbind per placement, counting each row twice).
#[derive(Clone, Default)]
struct Bindings(Rc<RefCell<Vec<(String, String)>>>);

const TEXTAREA: &str = "IM_TEXTAREA";
const SIDEBAR: &str = "IM_SIDEBAR";

impl Bindings {
    fn with(rows: &[(&str, &str)]) -> Self {
        Self(Rc::new(RefCell::new(
            rows.iter()
                .map(|(p, h)| (p.to_string(), h.to_string()))
                .collect(),
        )))
    }

    /// Both homes bound to the app's address (an installed app).
    fn installed() -> Self {
        Self::with(&[(TEXTAREA, FakeHost::APP_URL), (SIDEBAR, FakeHost::APP_URL)])
    }

    fn serve(&self, fake: &FakeHost, admin: bool) {
        let b = self.clone();
        fake.on(BIND, move |params| {
            if !admin {
                return Err(denied());
            }
            let placement = params["PLACEMENT"].as_str().unwrap_or("").to_owned();
            let handler = params["HANDLER"].as_str().unwrap_or("").to_owned();
            let mut all = b.0.borrow_mut();
            if all.contains(&(placement.clone(), handler.clone())) {
                return Err(rest_error(
                    400,
                    "ERROR_CORE",
                    "Unable to set placement handler: Handler already binded",
                ));
            }
            all.push((placement, handler));
            Ok(json!(true))
        });
        let b = self.clone();
        fake.on(UNBIND, move |params| {
            if !admin {
                return Err(denied());
            }
            let placement = params["PLACEMENT"].as_str().unwrap_or("");
            let before = b.0.borrow().len();
            b.0.borrow_mut().retain(|(p, _)| p != placement);
            Ok(json!({ "count": 2 * (before - b.0.borrow().len()) }))
        });
        let b = self.clone();
        fake.on(GET, move |_| {
            if !admin {
                return Err(denied());
            }
            Ok(Value::Array(
                b.0.borrow()
                    .iter()
                    .map(|(p, h)| json!({ "placement": p, "handler": h }))
                    .collect(),
            ))
        });
        fake.on("imopenlines.session.mode.pinAll", |_| {
            Ok(json!([1101, 1301]))
        });
        fake.on("imopenlines.session.mode.unpinAll", |_| Ok(json!([])));
    }

    /// The rows, sorted.
    fn rows(&self) -> Vec<(String, String)> {
        let mut rows = self.0.borrow().clone();
        rows.sort();
        rows
    }
}

/// `(placement, handler)` rows, sorted, for comparing with [`Bindings::rows`].
fn rows(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut rows: Vec<_> = rows
        .iter()
        .map(|(p, h)| (p.to_string(), h.to_string()))
        .collect();
    rows.sort();
    rows
}

/// Both homes bound to the app's address.
fn both() -> Vec<(String, String)> {
    rows(&[(TEXTAREA, FakeHost::APP_URL), (SIDEBAR, FakeHost::APP_URL)])
}

/// The mounted app (dropping it unmounts it).
type Page = Mounted;

/// Mounts the app over `fake` and waits until nothing changes any more.
async fn open_page(fake: &FakeHost) -> Page {
    let page = Mounted::admin(fake);
    page.settle(fake).await;
    page
}

// ------------------------------------------------------------------ install page

#[wasm_bindgen_test]
async fn an_admin_install_binds_both_homes_with_localized_titles_then_finishes() {
    let fake = FakeHost::install_page("ru", true);
    let portal = Bindings::default();
    portal.serve(&fake, true);
    let page = open_page(&fake).await;

    assert_eq!(page.heading(), "Установка «Режимов диалога»");
    assert_eq!(page.status(), RU_INSTALL_DONE);
    assert_eq!(page.alert(), "");
    let lang_all = json!({
        "en": { "TITLE": "Dialog modes" },
        "ru": { "TITLE": "Режимы диалога" },
        "de": { "TITLE": "Dialogmodi" },
        "ua": { "TITLE": "Режими діалогу" },
        "la": { "TITLE": "Modos de conversación" },
        "br": { "TITLE": "Modos de conversa" },
        "fr": { "TITLE": "Modes de conversation" },
        "it": { "TITLE": "Modalità conversazione" },
        "pl": { "TITLE": "Tryby rozmowy" },
        "tr": { "TITLE": "Konuşma modları" },
        "kz": { "TITLE": "Диалог режимдері" },
        "vn": { "TITLE": "Chế độ hội thoại" },
        "id": { "TITLE": "Mode percakapan" },
        "ms": { "TITLE": "Mod perbualan" },
        "th": { "TITLE": "โหมดบทสนทนา" },
        "ar": { "TITLE": "أوضاع المحادثة" },
        "sc": { "TITLE": "对话模式" },
        "tc": { "TITLE": "對話模式" },
        "ja": { "TITLE": "会話モード" },
        "in": { "TITLE": "बातचीत मोड" },
    });
    // Each home re-bound (this app's handlers removed, then one bind), above the input first.
    assert_eq!(methods(&fake), [UNBIND, BIND, UNBIND, BIND]);
    assert_eq!(
        fake.calls_of(UNBIND),
        vec![
            json!({ "PLACEMENT": TEXTAREA }),
            json!({ "PLACEMENT": SIDEBAR })
        ]
    );
    assert_eq!(
        fake.calls_of(BIND),
        vec![
            json!({
                "PLACEMENT": TEXTAREA,
                "HANDLER": FakeHost::APP_URL,
                "TITLE": "Режимы диалога",
                "OPTIONS": {
                    "iconName": "fa-thumb-tack", "color": "LIGHT_BLUE", "context": "LINES",
                    "role": "USER", "extranet": "N", "width": 400, "height": 540,
                },
                "LANG_ALL": lang_all,
            }),
            json!({
                "PLACEMENT": SIDEBAR,
                "HANDLER": FakeHost::APP_URL,
                "TITLE": "Режимы диалога",
                "OPTIONS": {
                    "iconName": "fa-thumb-tack", "color": "LIGHT_BLUE", "context": "LINES",
                    "role": "USER", "extranet": "N",
                },
                "LANG_ALL": lang_all,
            }),
        ]
    );
    assert_eq!(portal.rows(), both());
    assert_eq!(fake.install_finished(), 1);
    // The install URL says it all: the portal is not asked.
    assert!(fake.calls_of(APP_INFO).is_empty());
}

#[wasm_bindgen_test]
async fn while_binding_the_install_page_says_so_and_finishes_only_after_the_answer() {
    let fake = FakeHost::install_page("en", true);
    Bindings::default().serve(&fake, true);
    fake.hold();
    let page = open_page(&fake).await;
    assert!(page.shows(INSTALL_BINDING));
    assert_eq!(page.all("[aria-busy=true]").len(), 1);
    assert_eq!(fake.install_finished(), 0);
    fake.release_all();
    page.settle(&fake).await;
    assert_eq!(fake.install_finished(), 1);
    assert!(!page.shows(INSTALL_BINDING));
    assert_eq!(page.status(), INSTALL_DONE);
}

#[wasm_bindgen_test]
async fn installing_again_over_existing_bindings_leaves_exactly_one_of_each() {
    let fake = FakeHost::install_page("en", true);
    let portal = Bindings::with(&[
        (SIDEBAR, FakeHost::APP_URL),
        (TEXTAREA, "https://old.example/olm/"),
        (TEXTAREA, FakeHost::APP_URL),
    ]);
    portal.serve(&fake, true);
    let page = open_page(&fake).await;
    assert_eq!(page.status(), INSTALL_DONE);
    assert_eq!(page.alert(), "");
    assert_eq!(fake.install_finished(), 1);
    assert_eq!(portal.rows(), both());
}

#[wasm_bindgen_test]
async fn a_non_admin_install_says_only_an_admin_can_and_try_again_repeats_it() {
    let fake = FakeHost::install_page("en", false);
    let portal = Bindings::default();
    portal.serve(&fake, false);
    let page = open_page(&fake).await;

    assert_eq!(page.alert(), INSTALL_FAILED_NOT_ADMIN);
    assert!(page.shows("The installation did not complete."));
    assert_eq!(page.status(), "");
    assert_eq!(fake.install_finished(), 0);
    assert!(portal.rows().is_empty());
    // The first call is refused, and nothing after it is tried.
    assert_eq!(methods(&fake), [UNBIND]);
    assert!(fake.logs().iter().any(|l| l.contains("ACCESS_DENIED")));

    page.click(&fake, "Try again").await;
    assert_eq!(methods(&fake), [UNBIND, UNBIND]);
    assert_eq!(page.alert(), INSTALL_FAILED_NOT_ADMIN);
    assert_eq!(fake.install_finished(), 0);
}

#[wasm_bindgen_test]
async fn a_missing_placement_scope_and_a_refused_binding_each_say_why() {
    let cases = [
        (
            rest_error(401, "insufficient_scope", ""),
            "Die App konnte nicht installiert werden. Die App hat keinen Zugriff auf Einbettungen. \
             Geben Sie der App in Bitrix24 die Berechtigungen placement, im und imopenlines und \
             installieren Sie sie neu.",
        ),
        (
            rest_error(200, "INVALID_ERROR_CONTEXT", "Field context is invalid."),
            "Die App konnte nicht installiert werden. Bitrix24 hat die Einbettungseinstellungen des \
             Widgets abgelehnt; Details stehen in der Browserkonsole. Informieren Sie den \
             Entwickler der App.",
        ),
    ];
    for (err, why) in cases {
        let fake = FakeHost::install_page("de", true);
        Bindings::default().serve(&fake, true);
        fake.on(BIND, move |_| Err(err.clone()));
        let page = open_page(&fake).await;
        assert_eq!(page.alert(), why);
        assert!(page.buttons().contains(&"Erneut versuchen".to_string()));
        assert_eq!(fake.install_finished(), 0);
    }
}

#[wasm_bindgen_test]
async fn try_again_after_a_failure_can_complete_the_install() {
    let fake = FakeHost::install_page("en", true);
    Bindings::default().serve(&fake, true);
    let fail = Rc::new(RefCell::new(true));
    let f = fail.clone();
    fake.on(BIND, move |_| {
        if *f.borrow() {
            Err(rest_error(503, "QUERY_LIMIT_EXCEEDED", ""))
        } else {
            Ok(json!(true))
        }
    });
    let page = open_page(&fake).await;
    assert_eq!(page.alert(), INSTALL_FAILED_BUSY);
    *fail.borrow_mut() = false;
    page.click(&fake, "Try again").await;
    assert_eq!(page.alert(), "");
    assert_eq!(page.status(), INSTALL_DONE);
    assert_eq!(fake.install_finished(), 1);
}

// ------------------------------------------------------------------ one URL for both

/// The methods called, without the operator's list (`im.recent.get` + `profile`, which the
/// app page reads for everyone: tests/browser_dialogs.rs).
fn methods(fake: &FakeHost) -> Vec<String> {
    fake.calls()
        .into_iter()
        .map(|(m, _)| m)
        .filter(|m| m != "im.recent.get" && m != "profile")
        .collect()
}

#[wasm_bindgen_test]
async fn one_url_for_both_installs_when_app_info_says_the_portal_is_installing() {
    let fake = FakeHost::installing("en", true);
    let portal = Bindings::default();
    portal.serve(&fake, true);
    let page = open_page(&fake).await;
    assert_eq!(page.heading(), INSTALL_TITLE);
    assert_eq!(page.status(), INSTALL_DONE);
    assert_eq!(page.alert(), "");
    assert_eq!(methods(&fake), [APP_INFO, UNBIND, BIND, UNBIND, BIND]);
    assert_eq!(fake.calls_of(APP_INFO), vec![json!({})]);
    // The handler is the page's own address: the one URL registered for both.
    assert_eq!(portal.rows(), both());
    assert_eq!(fake.install_finished(), 1);
}

#[wasm_bindgen_test]
async fn an_installed_app_opens_the_app_page_after_one_app_info() {
    let fake = FakeHost::app_page("en", true);
    Bindings::installed().serve(&fake, true);
    let page = open_page(&fake).await;
    assert_eq!(page.heading(), "Dialog modes");
    assert!(page.shows("The widget is in the apps panel above the input of open-line chats."));
    assert!(page.shows("The widget is in the sidebar of open-line chats."));
    assert_eq!(methods(&fake), [APP_INFO, GET]);
    assert_eq!(page.alert(), "");
    assert_eq!(fake.install_finished(), 0);
}

#[wasm_bindgen_test]
async fn installed_n_installs_and_a_missing_installed_opens_the_app_page() {
    // The database's "N" is "not installed"; an answer without INSTALLED decides nothing, and
    // the install step is not run on a guess.
    let cases = [
        (Some(json!("N")), "Installing Dialog modes"),
        (None, "Dialog modes"),
    ];
    for (installed, heading) in cases {
        let fake = FakeHost::app_page("en", true);
        Bindings::default().serve(&fake, true);
        let answer = installed.clone();
        fake.on(APP_INFO, move |_| {
            let mut info = FakeHost::app_info(json!(null));
            match &answer {
                Some(v) => info["INSTALLED"] = v.clone(),
                None => {
                    info.as_object_mut().unwrap().remove("INSTALLED");
                }
            }
            Ok(info)
        });
        let page = open_page(&fake).await;
        assert_eq!(page.heading(), heading, "{installed:?}");
        assert_eq!(page.alert(), "", "{installed:?}");
        assert_eq!(
            fake.install_finished(),
            usize::from(installed.is_some()),
            "{installed:?}"
        );
        if installed.is_none() {
            assert!(
                fake.logs().iter().any(|l| l.contains("INSTALLED")),
                "{:?}",
                fake.logs()
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_failed_app_info_opens_the_app_page_with_why_and_try_again_can_find_the_install() {
    let fake = FakeHost::app_page("en", true);
    Bindings::default().serve(&fake, true);
    let failing = Rc::new(RefCell::new(true));
    let f = failing.clone();
    fake.on(APP_INFO, move |_| {
        if *f.borrow() {
            Err(CallError::Timeout)
        } else {
            Ok(FakeHost::app_info(json!(false)))
        }
    });
    let page = open_page(&fake).await;
    // The app page works, and the admin is told what could not be checked.
    assert_eq!(page.heading(), "Dialog modes");
    assert!(page.shows(HOMES_NONE));
    assert_eq!(page.alert(), CHECK_FAILED_NO_ANSWER);
    assert!(page.buttons().contains(&"Try again".to_string()));
    assert!(
        fake.logs()
            .iter()
            .any(|l| l.contains("install-check failed")),
        "{:?}",
        fake.logs()
    );
    assert_eq!(fake.install_finished(), 0);

    *failing.borrow_mut() = false;
    page.click(&fake, "Try again").await;
    assert_eq!(page.heading(), INSTALL_TITLE);
    assert_eq!(page.status(), INSTALL_DONE);
    assert_eq!(page.alert(), "");
    assert_eq!(fake.calls_of(APP_INFO).len(), 2);
    assert_eq!(fake.install_finished(), 1);
}

#[wasm_bindgen_test]
async fn try_again_after_a_failed_app_info_on_an_installed_app_clears_the_alert_and_stays() {
    let fake = FakeHost::app_page("ru", true);
    Bindings::installed().serve(&fake, true);
    let failing = Rc::new(RefCell::new(true));
    let f = failing.clone();
    fake.on(APP_INFO, move |_| {
        if *f.borrow() {
            Err(rest_error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"))
        } else {
            Ok(FakeHost::app_info(json!(true)))
        }
    });
    let page = open_page(&fake).await;
    assert_eq!(page.alert(), RU_CHECK_FAILED_BUSY);
    *failing.borrow_mut() = false;
    page.click(&fake, "Повторить").await;
    assert_eq!(page.alert(), "");
    assert!(page.shows("Виджет есть в боковой панели чатов открытых линий."));
    // The same page, not mounted anew: the bindings were read once.
    assert_eq!(methods(&fake), [APP_INFO, GET, APP_INFO]);
    assert_eq!(fake.install_finished(), 0);
}

// ------------------------------------------------------------------ app page

#[wasm_bindgen_test]
async fn the_app_page_says_what_the_app_does_and_where_the_widget_is_bound() {
    let fake = FakeHost::app_page("en", true);
    Bindings::installed().serve(&fake, true);
    let page = open_page(&fake).await;
    assert_eq!(page.heading(), "Dialog modes");
    assert!(page.shows(APP_ABOUT));
    assert!(page.shows("Where operators find the widget"));
    assert!(page.shows("Apps above the chat input"));
    assert!(page.shows("The widget is in the apps panel above the input of open-line chats."));
    assert!(page.shows("Chat sidebar"));
    assert!(page.shows("The widget is in the sidebar of open-line chats."));
    assert!(page
        .shows("The list of dialogs is not in the messenger's navigation (it is off by default)."));
    assert!(!page.shows(HOMES_NONE));
    assert_eq!(fake.calls_of(GET), vec![json!({})]);
    assert_eq!(
        page.buttons(),
        [
            "Re-add above the chat input",
            "Remove from above the chat input",
            "Re-add to the chat sidebar",
            "Remove from the chat sidebar",
            // Off by default: not bound at install.
            "Add to the messenger's navigation",
            "Pin all my dialogs",
            "Unpin all my dialogs"
        ]
    );
    // Opening the app page never binds or finishes anything by itself.
    assert!(fake.calls_of(BIND).is_empty());
    assert!(fake.calls_of(UNBIND).is_empty());
    assert_eq!(fake.install_finished(), 0);
}

#[wasm_bindgen_test]
async fn with_no_home_bound_the_page_says_operators_will_not_find_it_and_adds_one() {
    let fake = FakeHost::app_page("en", true);
    let portal = Bindings::default();
    portal.serve(&fake, true);
    let page = open_page(&fake).await;
    assert!(page.shows(
        "Operators will not find the widget: it is neither above the chat input nor in the \
         chat sidebar. Add it to at least one of them."
    ));
    assert!(page.shows("The widget is not in the apps panel above the chat input."));
    assert!(page.shows("The widget is not in the chat sidebar."));
    assert_eq!(
        page.buttons(),
        [
            "Add above the chat input",
            "Add to the chat sidebar",
            "Add to the messenger's navigation",
            "Pin all my dialogs",
            "Unpin all my dialogs"
        ]
    );

    page.click(&fake, "Add above the chat input").await;
    assert_eq!(portal.rows(), rows(&[(TEXTAREA, FakeHost::APP_URL)]));
    assert_eq!(fake.calls_of(BIND).len(), 1);
    assert_eq!(fake.calls_of(BIND)[0]["OPTIONS"]["width"], json!(400));
    assert!(page.shows("The widget is in the apps panel above the input of open-line chats."));
    assert!(page.shows("The widget is not in the chat sidebar."));
    assert!(!page.shows(HOMES_NONE));
    assert_eq!(
        page.status(),
        "The widget is now in the apps panel above the input of open-line chats."
    );
    assert_eq!(fake.install_finished(), 0);
}

#[wasm_bindgen_test]
async fn an_admin_removes_one_home_the_other_stays_and_focus_stays_on_its_add_button() {
    let fake = FakeHost::app_page("en", true);
    let portal = Bindings::installed();
    portal.serve(&fake, true);
    let page = open_page(&fake).await;
    page.click(&fake, "Remove from above the chat input").await;
    assert_eq!(portal.rows(), rows(&[(SIDEBAR, FakeHost::APP_URL)]));
    assert_eq!(
        fake.calls_of(UNBIND),
        vec![json!({ "PLACEMENT": TEXTAREA })]
    );
    assert!(page.shows("The widget is not in the apps panel above the chat input."));
    assert!(page.shows("The widget is in the sidebar of open-line chats."));
    assert!(!page.shows(HOMES_NONE));
    assert_eq!(
        page.status(),
        "The widget was removed from the apps panel above the chat input."
    );
    // Focus goes through the port: the page asks for that home's add button, which is there.
    let id = bind_id(Home::Textarea);
    assert_eq!(fake.focused(), vec![id.to_owned()]);
    let target = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(id)
        .map(|e| text_of(&e));
    assert_eq!(target.as_deref(), Some("Add above the chat input"));

    // The last home removed: the page says plainly that operators will not find the widget.
    page.click(&fake, "Remove from the chat sidebar").await;
    assert!(portal.rows().is_empty());
    assert!(page.shows(HOMES_NONE));
    assert_eq!(
        page.status(),
        "The widget was removed from the chat sidebar."
    );
}

#[wasm_bindgen_test]
async fn an_older_address_in_a_home_is_replaced_by_re_adding() {
    let fake = FakeHost::app_page("en", true);
    let portal = Bindings::with(&[
        (SIDEBAR, "https://old.example/olm/"),
        (TEXTAREA, FakeHost::APP_URL),
    ]);
    portal.serve(&fake, true);
    let page = open_page(&fake).await;
    assert!(page.shows(
        "The chat sidebar shows the widget from another address (an earlier version). Re-add \
         it to show this version."
    ));
    page.click(&fake, "Re-add to the chat sidebar").await;
    assert_eq!(portal.rows(), both());
    assert!(page.shows("The widget is in the sidebar of open-line chats."));
    assert_eq!(methods(&fake), [APP_INFO, GET, UNBIND, BIND, GET]);
    assert_eq!(fake.calls_of(UNBIND), vec![json!({ "PLACEMENT": SIDEBAR })]);
}

#[wasm_bindgen_test]
async fn a_non_admin_sees_no_sidebar_controls_and_nothing_admin_only_is_called() {
    let fake = FakeHost::app_page("ua", false);
    Bindings::default().serve(&fake, false);
    let page = open_page(&fake).await;
    assert!(page.shows(UA_HOMES_ADMIN_ONLY));
    assert_eq!(
        page.buttons(),
        ["Закріпити всі мої діалоги", "Відкріпити всі мої діалоги"]
    );
    // Only whether the portal is installing the app (any user may ask); nothing admin-only.
    assert_eq!(methods(&fake), [APP_INFO]);
}

#[wasm_bindgen_test]
async fn pin_all_from_the_app_page_is_confirmed_sent_once_and_counted() {
    let fake = FakeHost::app_page("en", false);
    Bindings::default().serve(&fake, false);
    let page = open_page(&fake).await;
    fake.clear_requests(); // the app.info of opening the page
    page.click(&fake, "Pin all my dialogs").await;
    assert!(
        fake.requests().is_empty(),
        "nothing before the confirmation"
    );
    page.click(&fake, "Confirm").await;
    // Sent once, then the operator's list is read again (one batch).
    assert_eq!(
        fake.calls(),
        vec![
            ("imopenlines.session.mode.pinAll".to_string(), json!({})),
            (
                "im.recent.get".to_string(),
                json!({ "ONLY_OPENLINES": "Y" })
            ),
            ("profile".to_string(), json!({})),
        ]
    );
    // The list (empty here) expected none: the count says so.
    assert_eq!(page.status(), "2 dialogs pinned. The list expected none.");
}

#[wasm_bindgen_test]
async fn a_failed_placement_check_says_why_and_try_again_reads_again() {
    let fake = FakeHost::app_page("en", true);
    fake.on(GET, |_| Err(CallError::Timeout));
    let page = open_page(&fake).await;
    assert_eq!(
        page.alert(),
        "Could not check where operators find the widget. Bitrix24 did not answer in time. \
         Check your connection and try again."
    );
    // Regression: "Checking…" stayed on screen for good after a failed read.
    assert!(!page.shows("Checking where operators find the widget…"));
    fake.on(GET, |_| Ok(json!([])));
    page.click(&fake, "Try again").await;
    assert_eq!(page.alert(), "");
    assert!(page.shows("The widget is not in the chat sidebar."));
    assert_eq!(fake.calls_of(GET).len(), 2);
}

// ------------------------------------------------------------------ the real library's shape

/// Regression: a refused call crashed the release build with "memory access out of bounds".
/// The library sets `answer.ex = new ajaxError(status, answer)` on errors, a cycle that the
/// adapter converted deeply until the wasm stack overflowed (seen on a non-admin's bind).
#[wasm_bindgen_test]
async fn a_refused_bind_through_the_library_answer_shape_is_an_error_not_a_crash() {
    use openline_modes::domain::install::{bind_params, Home};
    use openline_modes::host::bx24::Bx24Host;
    use openline_modes::host::Rest;
    js_sys::eval(
        r#"(function () {
          function AjaxError(status, ex) { this.status = status; this.ex = ex; }
          function AjaxResult(answer, status) {
            this.answer = answer; this.status = status;
            if (typeof answer.error !== 'undefined') { answer.ex = new AjaxError(status, answer); }
          }
          AjaxResult.prototype.data = function () { return this.answer.result; };
          AjaxResult.prototype.error = function () { return this.answer.ex; };
          AjaxResult.prototype.error_description = function () { return this.answer.error_description; };
          window.BX24 = {
            callMethod: function (method, params, cb) {
              void params.start;
              setTimeout(function () {
                cb(new AjaxResult({ error: 'ACCESS_DENIED', error_description: 'Access denied!' }, 403));
              }, 5);
            }
          };
        })();"#,
    )
    .unwrap();
    let host = Bx24Host::with_timeouts(1000, 1000);
    let params = bind_params(Home::Sidebar, FakeHost::APP_URL, "Dialog modes", &[]);
    let result = host
        .call(openline_modes::domain::rest::Call::single(
            "placement.bind",
            params,
        ))
        .await;
    js_sys::eval("delete window.BX24;").unwrap();
    assert_eq!(result, Err(denied()));
}

/// The messenger navigation's item: added on its own, with no chat context and no size, and
/// the install never binds it.
#[wasm_bindgen_test]
async fn an_admin_adds_the_list_to_the_messenger_navigation_on_its_own() {
    let fake = FakeHost::app_page("en", true);
    let portal = Bindings::installed();
    portal.serve(&fake, true);
    let page = open_page(&fake).await;
    page.click(&fake, "Add to the messenger's navigation").await;
    assert_eq!(
        page.status(),
        "The list of dialogs is now in the messenger's navigation."
    );
    let binds = fake.calls_of(BIND);
    assert_eq!(binds.len(), 1);
    assert_eq!(binds[0]["PLACEMENT"], "IM_NAVIGATION");
    assert_eq!(
        binds[0]["OPTIONS"],
        json!({ "iconName": "fa-thumb-tack", "role": "USER", "extranet": "N" })
    );
    assert!(page.shows("The list of dialogs is in the messenger's navigation."));
    assert_eq!(
        portal.rows(),
        rows(&[
            (TEXTAREA, FakeHost::APP_URL),
            (SIDEBAR, FakeHost::APP_URL),
            ("IM_NAVIGATION", FakeHost::APP_URL)
        ])
    );
}

/// Opened from the messenger's navigation: the operator's list alone.
#[wasm_bindgen_test]
async fn the_messenger_navigation_opens_the_list_alone() {
    let fake = FakeHost::with_placement("IM_NAVIGATION", json!([]), "en");
    fake.on("im.recent.get", |_| Ok(json!([])));
    fake.on("profile", |_| Ok(json!({ "ID": "1" })));
    let page = open_page(&fake).await;
    assert!(page.shows("My open-line dialogs"));
    assert!(page.shows("You have no open-line dialogs right now"));
    assert!(!page.shows("Where operators find the widget"));
    assert_eq!(
        page.buttons(),
        ["Pin all my dialogs", "Unpin all my dialogs"]
    );
    // No app.info: this is not the app's own page.
    assert!(fake.calls_of("app.info").is_empty());
    // The content area has a size of its own: the list fills it, the frame is never resized.
    assert_eq!(fake.watching(), 0);
}
