//! The app origin: the widget's static files for GET and POST (a portal opens the handler
//! URL with a form POST), plus the built-in probe page used by the protocol e2e spec.

use std::path::{Component, Path, PathBuf};

use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::Ctx;

const PROBE_HTML: &str = include_str!("assets/probe.html");

/// Routes of the app origin: everything goes to [`serve_file`].
pub fn router(ctx: Ctx) -> Router {
    Router::new().fallback(serve_file).with_state(ctx)
}

/// Content type by file extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn resolve(root: &Path, uri_path: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for part in Path::new(uri_path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

async fn serve_file(State(ctx): State<Ctx>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::POST && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = uri.path();
    if path == "/__sandbox/probe.html" {
        let html = PROBE_HTML.replace("{{PORTAL}}", &ctx.portal_addr.to_string());
        return file_response("text/html; charset=utf-8", html.into_bytes());
    }
    let Some(candidate) = resolve(&ctx.app_dir, path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let file = if candidate.is_file() {
        candidate
    } else {
        // A path with an extension is a missing asset (404); anything else is the app.
        let last = path.rsplit('/').next().unwrap_or("");
        if last.contains('.') {
            return StatusCode::NOT_FOUND.into_response();
        }
        ctx.app_dir.join("index.html")
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => file_response(content_type(&file), bytes),
        Err(_) => (
            StatusCode::NOT_FOUND,
            format!(
                "sandbox: no {} (build the widget first: trunk build)",
                file.display()
            ),
        )
            .into_response(),
    }
}

fn file_response(ctype: &'static str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, ctype),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
