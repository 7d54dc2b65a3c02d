//! `sandbox --portal 127.0.0.1:8090 --app 127.0.0.1:8080 --app-dir dist [--app-url URL]`

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: sandbox [--portal ADDR] [--app ADDR] [--app-dir DIR] [--app-url URL]
  --portal ADDR   portal origin (page, REST, /api/v1/, /sandbox/*)   default 127.0.0.1:8090
  --app ADDR      app origin (static files of --app-dir, GET and POST) default 127.0.0.1:8080
  --app-dir DIR   the widget build                                     default dist
  --app-url URL   handler URL the portal frames                        default http://<app>/";

fn parse(args: &[String]) -> Result<sandbox::Config, String> {
    let mut cfg = sandbox::Config {
        portal: "127.0.0.1:8090".parse().map_err(|e| format!("{e}"))?,
        app: "127.0.0.1:8080".parse().map_err(|e| format!("{e}"))?,
        app_dir: PathBuf::from("dist"),
        app_url: None,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (flag.as_str(), None),
        };
        if name == "-h" || name == "--help" {
            return Err(String::new());
        }
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))?,
        };
        let addr = |v: &str| {
            v.parse::<SocketAddr>()
                .map_err(|e| format!("{name} {v}: {e}"))
        };
        match name {
            "--portal" => cfg.portal = addr(&value)?,
            "--app" => cfg.app = addr(&value)?,
            "--app-dir" => cfg.app_dir = PathBuf::from(value),
            "--app-url" => cfg.app_url = Some(value),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(cfg)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cfg = match parse(&args) {
        Ok(cfg) => cfg,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("sandbox: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let running = match sandbox::start(cfg).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sandbox: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Scripts wait for exactly this line.
    println!(
        "sandbox: portal {} app {}",
        running.portal_url(),
        running.app_url()
    );
    let _ = std::io::stdout().flush();
    let _ = tokio::signal::ctrl_c().await;
    ExitCode::SUCCESS
}
