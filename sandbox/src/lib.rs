//! A local Bitrix24 portal for serving, demos and end-to-end tests of the openline-modes widget.
//!
//! Two listeners:
//! - the **portal origin**: the open-line chat page that frames the widget the way a portal does
//!   (iframe name, hidden POST form, the parent side of the postMessage protocol), the REST
//!   API (`/rest/<method>.json`) with the server semantics from `docs/bitrix24.md`, a stand-in for
//!   the classic BX24 library (`/api/v1/`) and the scenario API (`/sandbox/*`);
//! - the **app origin**: the widget's static files (Trunk's `dist/`), answering GET *and*
//!   POST like production hosting must, plus a probe page at `/__sandbox/probe.html`.
//!
//! [`start`] binds both (port 0 works) and serves them on the current tokio runtime.

pub mod app;
pub mod params;
pub mod portal;
pub mod recent;
pub mod rest;
pub mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tower_service::Service;

/// Where to listen and what to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// Portal listener address (`127.0.0.1:8090`).
    pub portal: SocketAddr,
    /// App listener address (`127.0.0.1:8080`).
    pub app: SocketAddr,
    /// Directory of the widget build (`dist`).
    pub app_dir: PathBuf,
    /// The handler URL the portal frames; default `http://<app addr>/`.
    pub app_url: Option<String>,
}

/// A running sandbox.
#[derive(Clone)]
pub struct Running {
    /// Bound portal address.
    pub portal: SocketAddr,
    /// Bound app address.
    pub app: SocketAddr,
    /// Shared state (for in-process inspection).
    pub ctx: Ctx,
}

impl Running {
    /// `http://<portal>/`.
    pub fn portal_url(&self) -> String {
        format!("http://{}/", self.portal)
    }
    /// `http://<app>/`.
    pub fn app_url(&self) -> String {
        format!("http://{}/", self.app)
    }
}

/// State shared by all handlers.
pub struct Shared {
    /// The world.
    pub world: Mutex<state::World>,
    /// Static files of the widget.
    pub app_dir: PathBuf,
    /// Default handler URL.
    pub app_url: String,
    /// The app's install URL, framed by the install view while the app is being installed:
    /// the handler URL with `install=1` (how the widget is registered; docs/install.md).
    pub install_url: String,
    /// Bound portal address.
    pub portal_addr: SocketAddr,
}

/// Handle to [`Shared`].
pub type Ctx = Arc<Shared>;

impl Shared {
    /// Locks the world (a poisoned lock is still usable: the world has no invariants that a
    /// panic mid-update could break badly enough to matter for a test portal).
    pub fn world(&self) -> MutexGuard<'_, state::World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Marker extension: close the connection instead of sending this response.
#[derive(Clone, Copy, Debug)]
pub struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose (fail_next drop)")
    }
}
impl std::error::Error for DropConnection {}

/// Binds both listeners and serves them in background tasks.
pub async fn start(cfg: Config) -> std::io::Result<Running> {
    let portal_listener = TcpListener::bind(cfg.portal).await?;
    let app_listener = TcpListener::bind(cfg.app).await?;
    let portal = portal_listener.local_addr()?;
    let app = app_listener.local_addr()?;
    let app_url = cfg
        .app_url
        .clone()
        .unwrap_or_else(|| format!("http://{app}/"));
    let ctx: Ctx = Arc::new(Shared {
        world: Mutex::new(state::World::new(&app_url)),
        app_dir: cfg.app_dir.clone(),
        install_url: format!(
            "{app_url}{}install=1",
            if app_url.contains('?') { '&' } else { '?' }
        ),
        app_url,
        portal_addr: portal,
    });
    // No keep-alive on the portal: a browser silently retries a request whose reused
    // connection closed before any response byte, which would hide a "drop" fault.
    tokio::spawn(serve(portal_listener, portal::router(ctx.clone()), false));
    tokio::spawn(serve(app_listener, app::router(ctx.clone()), true));
    Ok(Running { portal, app, ctx })
}

async fn serve(listener: TcpListener, router: Router, keep_alive: bool) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let router = router.clone();
        tokio::spawn(async move {
            let svc = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let mut router = router.clone();
                async move {
                    let resp = match router.call(req.map(axum::body::Body::new)).await {
                        Ok(r) => r,
                        Err(never) => match never {},
                    };
                    if resp.extensions().get::<DropConnection>().is_some() {
                        Err(DropConnection)
                    } else {
                        Ok(resp)
                    }
                }
            });
            let _ = http1::Builder::new()
                .keep_alive(keep_alive)
                .serve_connection(TokioIo::new(stream), svc)
                .await;
        });
    }
}
