//! Shared helpers: an in-process sandbox on port 0 and a tiny REST client.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};

/// The token every reset starts with.
pub const TOKEN: &str = sandbox::state::SEED_TOKEN;

/// A running sandbox plus an HTTP client.
pub struct Sb {
    pub run: sandbox::Running,
    pub http: reqwest::Client,
    pub dir: PathBuf,
}

impl Drop for Sb {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Starts a sandbox whose app dir holds a few files.
pub async fn start() -> Sb {
    let dir = std::env::temp_dir().join(format!("sandbox-test-{}", sandbox::state::random_hex()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>widget index</title>",
    )
    .unwrap();
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("app.js"), "export default 1;").unwrap();
    std::fs::write(dir.join("assets/style.css"), "body{}").unwrap();
    let run = sandbox::start(sandbox::Config {
        portal: "127.0.0.1:0".parse().unwrap(),
        app: "127.0.0.1:0".parse().unwrap(),
        app_dir: dir.clone(),
        app_url: None,
    })
    .await
    .expect("sandbox starts");
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    Sb { run, http, dir }
}

/// `a=b&c=d` from pairs.
pub fn form(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

impl Sb {
    pub fn portal(&self, path: &str) -> String {
        format!("http://{}{}", self.run.portal, path)
    }
    pub fn app(&self, path: &str) -> String {
        format!("http://{}{}", self.run.app, path)
    }

    /// POSTs a raw body to `/rest/<method>.json` the way BX24 does (text/plain).
    pub async fn raw(&self, method: &str, body: String) -> (u16, Value) {
        let resp = self
            .http
            .post(self.portal(&format!("/rest/{method}.json")))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .body(body)
            .send()
            .await
            .expect("response");
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Calls a method with the seed token and the given params.
    pub async fn call(&self, method: &str, params: &[(&str, &str)]) -> (u16, Value) {
        self.call_as(TOKEN, method, params).await
    }

    /// Calls a method with `token`.
    pub async fn call_as(
        &self,
        token: &str,
        method: &str,
        params: &[(&str, &str)],
    ) -> (u16, Value) {
        let mut pairs = vec![("auth", token)];
        pairs.extend_from_slice(params);
        self.raw(method, form(&pairs)).await
    }

    /// The portal page's config (`<script id="portal-config">`) for `query`, parsed.
    pub async fn page_config(&self, query: &str) -> Value {
        let html = self
            .http
            .get(self.portal(query))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let start = html.find(r#"id="portal-config">"#).unwrap() + r#"id="portal-config">"#.len();
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end]).unwrap()
    }

    /// What the portal page does when the app calls `BX24.installFinish()`.
    #[allow(dead_code)] // not every suite installs
    pub async fn install_finish(&self) {
        self.http
            .post(self.portal("/sandbox/install-finish"))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
    }

    pub async fn state(&self) -> Value {
        self.http
            .get(self.portal("/sandbox/state"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub async fn scenario(&self, body: Value) -> Value {
        let r = self
            .http
            .post(self.portal("/sandbox/scenario"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "scenario {body} -> {}", r.status());
        r.json().await.unwrap()
    }

    pub async fn reset(&self) {
        self.reset_with(json!({})).await;
    }

    /// `POST /sandbox/reset` with this body; the HTTP status.
    pub async fn reset_with(&self, body: Value) -> u16 {
        self.http
            .post(self.portal("/sandbox/reset"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    pub async fn calls(&self) -> Vec<Value> {
        self.http
            .get(self.portal("/sandbox/calls"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// The chat as `/sandbox/state` shows it.
    pub async fn chat(&self, id: i64) -> Value {
        let s = self.state().await;
        s["chats"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap()
    }

    /// Switches the current user and returns their token.
    pub async fn become_user(&self, user: i64) -> String {
        let s = self.scenario(json!({"user": user})).await;
        s["auth"]["access_token"].as_str().unwrap().to_string()
    }
}

/// Number of messages in a chat snapshot.
pub fn message_count(chat: &Value) -> usize {
    chat["messages"].as_array().unwrap().len()
}

/// Codes of the system messages in a chat snapshot.
pub fn system_codes(chat: &Value) -> Vec<String> {
    chat["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["system"] == true)
        .map(|m| m["code"].as_str().unwrap().to_string())
        .collect()
}

/// Sorted ints of a JSON array.
pub fn sorted_ids(v: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect();
    ids.sort();
    ids
}
