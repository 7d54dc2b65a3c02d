//! `IM_NAVIGATION`: what `placement.bind` accepts and stores for it, and where the portal page
//! and `/sandbox/state` show it (docs/bitrix24.md §3, docs/sandbox.md "Two messengers").
mod common;

use common::start;
use serde_json::json;

const NAV_HANDLER: &str = "https://widget.example/?page=dialogs";

/// An `IM_NAVIGATION` bind with `options` as `OPTIONS[k]=v` pairs.
fn nav(options: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut p = vec![
        ("PLACEMENT", "IM_NAVIGATION"),
        ("HANDLER", NAV_HANDLER),
        ("LANG_ALL[en][TITLE]", "My dialogs"),
        ("LANG_ALL[ru][TITLE]", "Мои диалоги"),
    ];
    p.extend_from_slice(options);
    p
}

#[tokio::test]
async fn navigation_needs_an_icon_key_before_im_validates_anything() {
    let sb = start().await;
    let token = sb.become_user(3).await;
    // rest prepareOptions: a required option missing from OPTIONS is ArgumentNullException.
    let (status, body) = sb
        .call_as(&token, "placement.bind", &nav(&[("OPTIONS[role]", "USER")]))
        .await;
    assert_eq!(
        (status, body),
        (
            400,
            json!({"error": "ERROR_ARGUMENT", "error_description": "Argument 'iconName' is null or empty"})
        )
    );
    let (status, body) = sb.call_as(&token, "placement.bind", &nav(&[])).await;
    assert_eq!(
        (status, body["error"].clone()),
        (400, json!("ERROR_ARGUMENT"))
    );
    // OPTIONS that is not an array at all.
    let (status, body) = sb
        .call_as(&token, "placement.bind", &nav(&[("OPTIONS", "fa-list")]))
        .await;
    assert_eq!(
        (status, body),
        (
            400,
            json!({"error": "ERROR_ARGUMENT", "error_description": "The value of an argument 'options' must be of type array"})
        )
    );
    assert_eq!(sb.state().await["app"]["navigation_visible"], json!(false));
}

#[tokio::test]
async fn navigation_validates_icon_extranet_and_role_with_http_200_errors() {
    let sb = start().await;
    let token = sb.become_user(3).await;
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (nav(&[("OPTIONS[iconName]", "")]), "INVALID_ERROR_ICON_NAME"),
        (
            nav(&[("OPTIONS[iconName]", "123")]),
            "INVALID_ERROR_ICON_NAME",
        ),
        (
            nav(&[
                ("OPTIONS[iconName]", "fa-list"),
                ("OPTIONS[extranet]", "yes"),
            ]),
            "INVALID_ERROR_EXTRANET",
        ),
        (
            nav(&[("OPTIONS[iconName]", "fa-list"), ("OPTIONS[role]", "BOSS")]),
            "INVALID_ERROR_ROLE",
        ),
        // Every validator runs and the last failing one wins.
        (
            nav(&[("OPTIONS[iconName]", "1"), ("OPTIONS[role]", "x")]),
            "INVALID_ERROR_ROLE",
        ),
    ];
    for (params, code) in cases {
        let (status, body) = sb.call_as(&token, "placement.bind", &params).await;
        assert_eq!(status, 200, "{params:?}");
        assert_eq!(body["error"], json!(code), "{params:?} -> {body}");
    }
    // context and color are not IM_NAVIGATION options: never validated, never stored.
    let (status, body) = sb
        .call_as(
            &token,
            "placement.bind",
            &nav(&[
                ("OPTIONS[iconName]", "fa-list"),
                ("OPTIONS[context]", "NOT-A-CONTEXT"),
                ("OPTIONS[color]", "NOT-A-COLOR"),
                ("OPTIONS[width]", "-5"),
            ]),
        )
        .await;
    assert_eq!(
        (status, body["result"].clone()),
        (200, json!(true)),
        "{body}"
    );
    let (_, body) = sb.call_as(&token, "placement.get", &[]).await;
    let row = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["placement"] == "IM_NAVIGATION")
        .cloned()
        .unwrap();
    assert_eq!(
        row["options"],
        json!({"iconName": "fa-list", "extranet": "N", "role": "USER"})
    );
    assert_eq!(row["handler"], json!(NAV_HANDLER));
}

#[tokio::test]
async fn a_bound_navigation_item_is_visible_until_it_is_unbound() {
    let sb = start().await;
    assert_eq!(sb.state().await["app"]["navigation_visible"], json!(false));
    let token = sb.become_user(3).await;
    let (_, body) = sb
        .call_as(
            &token,
            "placement.bind",
            &nav(&[("OPTIONS[iconName]", "fa-list")]),
        )
        .await;
    assert_eq!(body["result"], json!(true), "{body}");
    let s = sb.state().await;
    assert_eq!(s["app"]["navigation_visible"], json!(true));
    // The chat homes are untouched.
    assert_eq!(s["app"]["textarea_visible"], json!(true));
    assert_eq!(s["app"]["sidebar_visible"], json!(true));
    let (_, body) = sb
        .call_as(
            &token,
            "placement.unbind",
            &[("PLACEMENT", "IM_NAVIGATION")],
        )
        .await;
    assert_eq!(body["result"], json!({"count": 2}));
    let s = sb.state().await;
    assert_eq!(s["app"]["navigation_visible"], json!(false));
    assert_eq!(s["app"]["textarea_visible"], json!(true));
}

#[tokio::test]
async fn an_admin_only_item_shows_to_admins_and_nothing_shows_before_install_finish() {
    let sb = start().await;
    sb.reset_with(json!({"installed": false})).await;
    let token = sb.become_user(3).await;
    sb.call_as(
        &token,
        "placement.bind",
        &nav(&[("OPTIONS[iconName]", "fa-list"), ("OPTIONS[role]", "ADMIN")]),
    )
    .await;
    // Bound, but the app is not installed yet.
    assert_eq!(sb.state().await["app"]["navigation_visible"], json!(false));
    sb.install_finish().await;
    assert_eq!(sb.state().await["app"]["navigation_visible"], json!(true));
    // role=ADMIN: user 1 is no administrator (im Application::checkRole).
    sb.become_user(1).await;
    assert_eq!(sb.state().await["app"]["navigation_visible"], json!(false));
    let cfg = sb.page_config("/?user=1").await;
    assert_eq!(cfg["nav_apps"], json!([]));
}

#[tokio::test]
async fn the_chat_page_lists_navigation_items_in_both_messengers_and_no_other_view_does() {
    let sb = start().await;
    let cfg = sb.page_config("/").await;
    assert_eq!(cfg["nav_apps"], json!([]), "unbound: no item");
    let token = sb.become_user(3).await;
    sb.call_as(
        &token,
        "placement.bind",
        &nav(&[("OPTIONS[iconName]", "fa-list")]),
    )
    .await;
    for messenger in ["current", "classic"] {
        let cfg = sb
            .page_config(&format!("/?user=1&lang=ru&messenger={messenger}"))
            .await;
        let items = cfg["nav_apps"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{messenger}: {items:?}");
        let item = &items[0];
        assert_eq!(item["ours"], json!(true));
        assert_eq!(
            item["title"],
            json!("Мои диалоги"),
            "title in the portal language"
        );
        assert_eq!(item["icon"], json!("fa-list"));
        assert_eq!(item["handler"], json!(NAV_HANDLER));
        // The chat's own frame is unchanged by the navigation item.
        let chat_placement = if messenger == "current" {
            "IM_TEXTAREA"
        } else {
            "IM_SIDEBAR"
        };
        assert_eq!(cfg["placement"], json!(chat_placement));
    }
    for view in ["app", "install"] {
        let cfg = sb.page_config(&format!("/?view={view}")).await;
        assert_eq!(cfg["nav_apps"], json!([]), "{view}");
    }
}
