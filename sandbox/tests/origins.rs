//! The app origin (static files for GET and POST) and the portal page / library endpoints.
mod common;

use common::start;
use serde_json::{json, Value};

#[tokio::test]
async fn the_app_origin_answers_a_form_post_to_the_handler_url_with_index_html() {
    let sb = start().await;
    let resp = sb
        .http
        .post(sb.app("/?DOMAIN=127.0.0.1%3A8090&PROTOCOL=0&LANG=en&APP_SID=abc"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("AUTH_ID=x&AUTH_EXPIRES=3600&PLACEMENT=IM_SIDEBAR")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(resp.text().await.unwrap().contains("widget index"));
}

#[tokio::test]
async fn the_app_origin_serves_files_with_their_content_types() {
    let sb = start().await;
    for (path, ctype) in [
        ("/app_bg.wasm", "application/wasm"),
        ("/app.js?v=1", "text/javascript; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
    ] {
        let resp = sb.http.get(sb.app(path)).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(resp.headers()["content-type"], ctype, "{path}");
        assert_eq!(resp.headers()["cache-control"], "no-store", "{path}");
    }
}

#[tokio::test]
async fn a_path_without_a_file_is_the_app_but_a_missing_asset_is_404() {
    let sb = start().await;
    let resp = sb.http.post(sb.app("/some/route")).send().await.unwrap();
    assert!(resp.text().await.unwrap().contains("widget index"));
    assert_eq!(
        sb.http
            .get(sb.app("/missing.js"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let escaped = sb
        .http
        .get(sb.app("/%2e%2e/%2e%2e/etc/passwd"))
        .send()
        .await
        .unwrap();
    assert!(
        !escaped.text().await.unwrap().contains("root:"),
        "no way out of the app dir"
    );
}

#[tokio::test]
async fn the_probe_page_loads_the_library_from_the_portal_origin() {
    let sb = start().await;
    let html = sb
        .http
        .get(sb.app("/__sandbox/probe.html"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(&format!("http://{}/api/v1/", sb.run.portal)),
        "{html}"
    );
}

#[tokio::test]
async fn the_library_is_served_as_javascript_at_both_paths() {
    let sb = start().await;
    for path in ["/api/v1/", "/api/v1/index.js"] {
        let resp = sb.http.get(sb.portal(path)).send().await.unwrap();
        assert_eq!(
            resp.headers()["content-type"],
            "text/javascript; charset=utf-8"
        );
        let js = resp.text().await.unwrap();
        // Exactly the stand-in that e2e-conformance/ checks against the recording.
        assert_eq!(js, include_str!("../src/assets/bx24.js"));
    }
}

#[tokio::test]
async fn the_portal_page_embeds_its_config_without_letting_a_name_close_the_script() {
    let sb = start().await;
    let url = sb.portal(
        "/?dialog=chat18&view=sidebar&lang=ru&options=%7B%22x%22%3A%22%3C%2Fscript%3E%22%7D",
    );
    let html = sb.http.get(url).send().await.unwrap().text().await.unwrap();
    assert_eq!(html.matches("</script>").count(), 2, "{html}");
    // The current messenger (the default) opens the widget above the chat input.
    assert!(html.contains(r#""placement":"IM_TEXTAREA""#), "{html}");
    assert!(html.contains(r#""lang":"ru""#));
    assert!(
        html.contains(r#""placement_options":"{\"x\":\"\u003c/script>\"}""#),
        "{html}"
    );
}

#[tokio::test]
async fn the_portal_page_picks_the_placement_from_the_view() {
    let sb = start().await;
    let page = |q: &'static str| {
        let http = sb.http.clone();
        let url = sb.portal(q);
        async move { http.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let app = page("/?view=app").await;
    assert!(
        app.contains(r#""placement":"DEFAULT""#) && app.contains(r#""placement_options":null"#)
    );
    let install = page("/?view=install").await;
    assert!(install.contains(r#""install":true"#) && install.contains(r#""first_run":true"#));
    let finished = page("/?view=install&install_finished=Y").await;
    assert!(finished.contains(r#""install":false"#));
    // The app being installed is framed at its install URL; once installed, at its handler.
    let app_url = sb.app("/");
    assert!(
        install.contains(&format!(r#""app_url":"{app_url}?install=1""#)),
        "{install}"
    );
    assert!(
        finished.contains(&format!(r#""app_url":"{app_url}""#)),
        "{finished}"
    );
    assert!(app.contains(&format!(r#""app_url":"{app_url}""#)), "{app}");
    let none = page("/?options=").await;
    assert!(none.contains(r#""placement_options":null"#));
    let sidebar = page("/?dialog=chat13&user=2").await;
    assert!(sidebar.contains(r#""placement_options":"{\"dialogId\":\"chat13\"}""#));
    // `init=silent` (only that value) makes the page ignore `getInitData`.
    assert!(sidebar.contains(r#""init_silent":false"#), "{sidebar}");
    assert!(page("/?init=silent")
        .await
        .contains(r#""init_silent":true"#));
    assert!(page("/?init=loud").await.contains(r#""init_silent":false"#));
    assert_eq!(sb.state().await["current_user"], 2);
}

#[tokio::test]
async fn the_messenger_decides_the_home_and_shows_only_what_is_bound_for_the_chat() {
    let sb = start().await;
    // Current (the default): the apps above the input, ours first, in the portal language.
    let current = sb.page_config("/?dialog=chat11&lang=ru").await;
    assert_eq!(current["messenger"], "current");
    assert_eq!(current["placement"], "IM_TEXTAREA");
    let apps: Vec<(bool, String, Value, Value)> = current["apps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["ours"].as_bool().unwrap(),
                a["title"].as_str().unwrap().to_owned(),
                a["width"].clone(),
                a["height"].clone(),
            )
        })
        .collect();
    assert_eq!(
        apps,
        [
            (true, "Режимы диалога".to_owned(), json!(400), json!(540)),
            (false, "Quick replies".to_owned(), json!(300), json!(200)),
        ]
    );
    assert_eq!(current["app_url"], sb.app("/"));
    // A group chat: our binding says LINES, so only the other app (context ALL) is there.
    let group = sb.page_config("/?dialog=chat16&lang=en").await;
    let ours: Vec<&Value> = group["apps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["ours"] == json!(true))
        .collect();
    assert!(ours.is_empty(), "{group}");
    assert_eq!(group["apps"].as_array().unwrap().len(), 1);
    // Classic (sticky once chosen): the sidebar's app, framed as IM_SIDEBAR.
    let classic = sb.page_config("/?dialog=chat11&messenger=classic").await;
    assert_eq!(classic["placement"], "IM_SIDEBAR");
    assert_eq!(classic["apps"].as_array().unwrap().len(), 1);
    assert_eq!(sb.state().await["messenger"], "classic");
    let again = sb.page_config("/?dialog=chat11").await;
    assert_eq!(again["placement"], "IM_SIDEBAR");
    // Not installed: our items are nowhere (the other app's stay).
    sb.reset_with(json!({"installed": false})).await;
    let uninstalled = sb.page_config("/?dialog=chat11").await;
    assert_eq!(uninstalled["messenger"], "current");
    let titles: Vec<&str> = uninstalled["apps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Quick replies"]);
    // The reset body and the scenario API choose the messenger too.
    sb.reset_with(json!({"messenger": "classic"})).await;
    assert_eq!(sb.state().await["messenger"], "classic");
    sb.scenario(json!({"messenger": "current"})).await;
    assert_eq!(sb.state().await["messenger"], "current");
}
