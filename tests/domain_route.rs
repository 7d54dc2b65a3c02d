//! Where a page load goes (`domain::route`): one pure decision from the placement the portal
//! reports and, for the app's own page, the install URL.

use openline_modes::domain::dialog::PlacementOptions;
use openline_modes::domain::dialog::{ChatId, PlacementProblem};
use openline_modes::domain::install::Home;
use openline_modes::domain::route::{route, Route};
use serde_json::{json, Value};

/// The route of a placement whose options arrive as this JSON (decoded as the edge decodes them).
fn route_of(code: &str, options: &Value, page_url: &str) -> Route {
    let options: PlacementOptions = serde_json::from_value(options.clone()).expect("any JSON");
    route(code, &options, page_url)
}

const PAGE: &str = "https://widget.example/olm/?DOMAIN=b.example&APP_SID=1";
const INSTALL: &str = "https://widget.example/olm/?install=1&DOMAIN=b.example&APP_SID=1";

fn chat(n: u64) -> ChatId {
    match route_of(
        "IM_SIDEBAR",
        &json!({ "dialogId": format!("chat{n}") }),
        PAGE,
    ) {
        Route::Widget(_, chat) => chat,
        other => panic!("chat{n}: {other:?}"),
    }
}

#[test]
fn each_placement_goes_where_it_should() {
    let dialog = json!({ "dialogId": "chat12" });
    let rows: Vec<(&str, Value, &str, Route)> = vec![
        // Both homes of the widget, whatever the page's address: the same widget.
        (
            "IM_TEXTAREA",
            dialog.clone(),
            PAGE,
            Route::Widget(Home::Textarea, chat(12)),
        ),
        (
            "IM_SIDEBAR",
            dialog.clone(),
            PAGE,
            Route::Widget(Home::Sidebar, chat(12)),
        ),
        (
            "im_textarea",
            dialog.clone(),
            INSTALL,
            Route::Widget(Home::Textarea, chat(12)),
        ),
        // A home whose options name no group chat.
        (
            "IM_TEXTAREA",
            json!([]),
            PAGE,
            Route::NoChat(Home::Textarea, PlacementProblem::MissingOptions),
        ),
        (
            "IM_SIDEBAR",
            json!({ "dialogId": "5" }),
            PAGE,
            Route::NoChat(
                Home::Sidebar,
                PlacementProblem::PrivateChat {
                    dialog_id: "5".into(),
                },
            ),
        ),
        // The app's own page: the install URL says install; otherwise the portal is asked.
        ("DEFAULT", json!([]), INSTALL, Route::Install),
        ("DEFAULT", json!([]), PAGE, Route::AppPage),
        ("default", json!(null), "", Route::AppPage),
        // Anything else.
        // The messenger navigation has no chat: the operator's list.
        ("IM_NAVIGATION", json!({}), PAGE, Route::Dialogs),
        ("im_navigation", json!(null), INSTALL, Route::Dialogs),
        ("IM_CONTEXT_MENU", json!({}), PAGE, Route::Elsewhere),
        (
            "CRM_LEAD_DETAIL_TAB",
            json!({ "ID": "5" }),
            PAGE,
            Route::Elsewhere,
        ),
        ("", dialog, PAGE, Route::Elsewhere),
    ];
    for (code, options, url, want) in rows {
        assert_eq!(
            route_of(code, &options, url),
            want,
            "{code} {options} {url}"
        );
    }
}

#[test]
fn only_the_popup_above_the_chat_input_has_a_fixed_size() {
    let dialog = json!({ "dialogId": "chat12" });
    assert!(route_of("IM_TEXTAREA", &dialog, PAGE).fixed_size());
    assert!(route_of("IM_TEXTAREA", &json!({}), PAGE).fixed_size());
    assert!(!route_of("IM_SIDEBAR", &dialog, PAGE).fixed_size());
    assert!(!route_of("DEFAULT", &json!([]), PAGE).fixed_size());
    // The messenger's content area has a size: the list fills it and scrolls inside.
    assert!(route_of("IM_NAVIGATION", &json!({}), PAGE).fixed_size());
    assert!(!route_of("IM_CONTEXT_MENU", &json!({}), PAGE).fixed_size());
    assert_eq!(route_of("DEFAULT", &json!([]), INSTALL).home(), None);
}
