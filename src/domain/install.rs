//! Installing the widget into a portal: its homes in the messenger (`IM_TEXTAREA` above the
//! chat input, `IM_SIDEBAR` in the chat sidebar), their exact `placement.*` params, reading what
//! is bound, and what a failed bind means to the administrator
//! (docs/bitrix24.md §3 "placement.bind rules", §8 "Install mode is not exposed by the classic
//! API").
//!
//! **How the app knows it is being installed.** The classic library keeps `INSTALL` to itself
//! (`BX24.installFinish()` silently does nothing outside install mode). Two signals stand in:
//!
//! 1. the *install URL*: an app registered with its own address plus `?install=1` as the
//!    installation path (the portal posts to that URL with its own parameters appended, so the
//!    query survives). [`is_install_url`] reads it, and nothing needs to be asked;
//! 2. otherwise the portal itself: `app.info` answers `INSTALLED: false` while an app with a UI
//!    has not called `installFinish` yet ([`installation`], [`default_page`]). So an app
//!    registered with **one URL** for handler and installation path installs too.
//!
//! Only the app's own page (`DEFAULT`) asks; the widget never does. Each binding's handler is
//! the page's address without query or fragment ([`handler_url`]). The install step re-binds
//! every [`Home`] (this app's handlers there removed, then this one bound), so however often it
//! runs it leaves exactly one binding of each; "already bound" is success, and `installFinish`
//! is harmless when the page was opened outside install mode.

use super::envelope::Head;
use super::error::{classify_code, CallError, Problem};
use super::rest::{BindOptions, BindParams, LangTitle, Params};
use super::wire::{self, List, Loose};

/// A messenger placement the widget lives in. Where each renders in which messenger
/// generation: docs/bitrix24.md §3 "Where the messenger shows each placement".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Home {
    /// `IM_TEXTAREA`: the apps panel above the chat input, opening the widget in a popup of the
    /// binding's `width` × `height` pixels. The only home an open-line chat has in the current
    /// messenger (im v2 gives open-line chats no Applications block in the sidebar).
    Textarea,
    /// `IM_SIDEBAR`: the Applications block of the chat sidebar (older messengers).
    Sidebar,
    /// `IM_NAVIGATION`: an item of the messenger's navigation, opening the app page's list of
    /// the operator's open-line dialogs in the messenger's content area (no chat). Off by
    /// default: an administrator adds it on the app page.
    Navigation,
}

/// The widget's popup above the chat input, in CSS pixels: the `IM_TEXTAREA` binding's
/// `OPTIONS.width` / `height`. The messenger hands them to its popup as pixels (the server's
/// default is 100 × 100); why this size: docs/install.md "The popup above the chat input".
pub const TEXTAREA_SIZE: (u32, u32) = (400, 540);

// The order the app page lists them.
every_variant!(Home: Textarea, Sidebar, Navigation);

impl Home {
    /// The widget's homes in a chat, which the install binds (in this order): operators find
    /// the widget in at least one of them.
    pub const IN_CHAT: [Home; 2] = [Home::Textarea, Home::Sidebar];

    /// The placement code.
    pub fn code(self) -> &'static str {
        match self {
            Home::Textarea => TEXTAREA,
            Home::Sidebar => SIDEBAR,
            Home::Navigation => NAVIGATION,
        }
    }

    /// Whether it opens in a chat (with the chat in its options).
    pub fn in_chat(self) -> bool {
        Home::IN_CHAT.contains(&self)
    }

    /// The home a placement code names (any case); `None` for every other placement.
    pub fn from_code(code: &str) -> Option<Home> {
        Home::ALL
            .into_iter()
            .find(|home| home.code().eq_ignore_ascii_case(code.trim()))
    }

    /// A stable lower-case name, for catalogue keys, element ids and logs.
    pub fn key(self) -> &'static str {
        match self {
            Home::Textarea => "textarea",
            Home::Sidebar => "sidebar",
            Home::Navigation => "navigation",
        }
    }

    /// Whether the frame has a fixed size the widget must fit (`IM_TEXTAREA`'s popup) rather
    /// than following the content's height with `resizeWindow` (`IM_SIDEBAR`; the navigation's
    /// content area).
    pub fn fixed_size(self) -> bool {
        match self {
            Home::Textarea => true,
            Home::Sidebar | Home::Navigation => false,
        }
    }

    /// `OPTIONS` of the binding: in a chat only in open-line chats (`context: LINES`), for
    /// every user (`role: USER`; non-admins see only USER items), not for extranet users; the
    /// icon (a Font Awesome 4 name) of the item, in a chat its color too, and above the chat
    /// input the popup's size. The navigation declares only `iconName`, `role` and `extranet`
    /// (docs/bitrix24.md §3: the server drops every other key).
    pub fn options(self) -> BindOptions {
        let size = match self {
            Home::Textarea => Some(TEXTAREA_SIZE),
            Home::Sidebar | Home::Navigation => None,
        };
        BindOptions {
            icon_name: ICON_NAME,
            color: self.in_chat().then_some(COLOR),
            context: self.in_chat().then_some("LINES"),
            role: "USER",
            extranet: "N",
            width: size.map(|(w, _)| w),
            height: size.map(|(_, h)| h),
        }
    }
}

/// The placement of the chat sidebar's "Applications" block.
pub const SIDEBAR: &str = "IM_SIDEBAR";
/// The placement of the apps panel above the chat input.
pub const TEXTAREA: &str = "IM_TEXTAREA";
/// The placement of the messenger's navigation.
pub const NAVIGATION: &str = "IM_NAVIGATION";
/// `placement.bind`: admin only; re-binding the same handler fails with [`ALREADY_BOUND_CODE`].
pub const BIND_METHOD: &str = "placement.bind";
/// `placement.unbind`: without `HANDLER` it removes every handler of the app for the placement.
pub const UNBIND_METHOD: &str = "placement.unbind";
/// `placement.get`: the app's bindings (admin only).
pub const GET_METHOD: &str = "placement.get";
/// The query parameter of the install URL (`…/?install=1`).
pub const INSTALL_PARAM: &str = "install";
/// The code of "Unable to set placement handler: Handler already binded" (and of SQL errors:
/// only the text tells them apart).
pub const ALREADY_BOUND_CODE: &str = "ERROR_CORE";
/// The icon of the widget's item: a Font Awesome 4 name.
pub const ICON_NAME: &str = "fa-thumb-tack";
/// The color of the widget's item, from the messenger's palette (`RegistrationValidator`).
pub const COLOR: &str = "LIGHT_BLUE";

/// `placement.bind` params for `home`: `TITLE` in the installing administrator's language
/// and `LANG_ALL` with one `{TITLE}` per `(Bitrix24 language code, title)` in `titles`.
pub fn bind_params(home: Home, handler: &str, title: &str, titles: &[(&str, String)]) -> Params {
    Params::Bind(BindParams {
        placement: home.code(),
        handler: handler.to_owned(),
        title: title.to_owned(),
        options: home.options(),
        lang_all: titles
            .iter()
            .map(|(code, title)| {
                let title = title.clone();
                ((*code).to_owned(), LangTitle { title })
            })
            .collect(),
    })
}

/// `placement.unbind` params: every handler of this app in `home` (so a rebind also removes a
/// binding left behind by an earlier address of the app). The portal removes only the calling
/// app's bindings: other apps in the same placement stay.
pub fn unbind_params(home: Home) -> Params {
    Params::Placement {
        placement: home.code(),
    }
}

/// The handler URL of the page at `href`: the address without query and fragment.
///
/// `https://h.example/olm/?install=1&DOMAIN=x#top` → `https://h.example/olm/`.
pub fn handler_url(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_owned()
}

/// Whether the page at `href` was opened through the install URL: its query has `install`
/// set to `1`, `y`, `yes` or `true` (any case). The portal's own parameters (`DOMAIN`,
/// `APP_SID` …) may come before or after it; the fragment is ignored.
pub fn is_install_url(href: &str) -> bool {
    let href = &href[..href.find('#').unwrap_or(href.len())];
    let Some(start) = href.find('?') else {
        return false;
    };
    let query = &href[start + 1..];
    query.split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        key == INSTALL_PARAM && wire::one_of(value, &["1", "y", "yes", "true"])
    })
}

/// `app.info`: the app's record in this portal, `INSTALLED` among it. Any user may call it.
pub const APP_INFO_METHOD: &str = "app.info";

/// What `app.info` says about the installation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Installation {
    /// `INSTALLED` is false: the portal is installing the app and waits for `installFinish`.
    Installing,
    /// `INSTALLED` is true.
    Installed,
    /// No readable `INSTALLED` (missing, `null`, an unexpected value, or not an object).
    Unknown,
}

record! {
    /// `app.info`'s result: `INSTALLED` is all the app reads.
    pub struct AppInfo {
        /// `INSTALLED`.
        installed: "INSTALLED",
    }
}

/// Reads `INSTALLED` from an `app.info` result (key in any case). The portal sends a
/// JSON boolean; `"N"`/`"Y"` (the database's spelling), `0`/`1`, `"0"`/`"1"` and
/// `"false"`/`"true"` (any case) are read the same way. Anything else is
/// [`Installation::Unknown`].
pub fn installation(app_info: &AppInfo) -> Installation {
    let flag = match &app_info.installed {
        Loose::Bool(b) => Some(*b),
        Loose::Int(0) => Some(false),
        Loose::Int(1) => Some(true),
        Loose::Text(s) => {
            let s = s.trim();
            if wire::one_of(s, &["n", "0", "false"]) {
                Some(false)
            } else if wire::one_of(s, &["y", "1", "true"]) {
                Some(true)
            } else {
                None
            }
        }
        _ => None,
    };
    match flag {
        Some(false) => Installation::Installing,
        Some(true) => Installation::Installed,
        None => Installation::Unknown,
    }
}

/// Which page a `DEFAULT` open that is not the install URL shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultPage {
    /// The portal is installing the app: the install page (bind, then `installFinish`).
    Install,
    /// The app's own page.
    App,
    /// `app.info` failed: the app's own page, with the failure and "Try again" (which asks
    /// again and may still lead to the install page).
    AppUnchecked(BindProblem),
}

/// Decides from the `app.info` answer. Only an explicit "not installed" runs the install step:
/// an unreadable `INSTALLED` opens the app page (running the install page outside install mode
/// would leave every later visit on "Installation complete", and non-administrators on "only an
/// administrator can install"). A failed call opens the app page too, with its reason: most
/// opens of `DEFAULT` are visits to an installed app, the page works there, and the alert's
/// "Try again" reaches the install page when the portal is installing after all.
pub fn default_page(app_info: &Result<AppInfo, CallError>) -> DefaultPage {
    match app_info {
        Ok(result) => match installation(result) {
            Installation::Installing => DefaultPage::Install,
            Installation::Installed | Installation::Unknown => DefaultPage::App,
        },
        Err(err) => DefaultPage::AppUnchecked(classify_install_check(err)),
    }
}

/// What a failed `app.info` means. Like [`classify_bind`], except that what belongs to
/// placements cannot apply (`app.info` needs no scope and no administrator): those are
/// [`BindProblem::Unknown`].
pub fn classify_install_check(err: &CallError) -> BindProblem {
    match classify_bind(err) {
        BindProblem::NotAdmin | BindProblem::MissingScope | BindProblem::Rejected => {
            BindProblem::Unknown
        }
        other => other,
    }
}

/// Two handler URLs name the same page (a trailing slash and the case of scheme and host do
/// not matter; the path does).
pub fn same_handler(a: &str, b: &str) -> bool {
    fn norm(url: &str) -> String {
        let url = url.trim().trim_end_matches('/');
        match url.find("://") {
            Some(i) => {
                let rest = &url[i + 3..];
                let host_end = rest.find('/').unwrap_or(rest.len());
                format!(
                    "{}://{}{}",
                    url[..i].to_ascii_lowercase(),
                    rest[..host_end].to_ascii_lowercase(),
                    &rest[host_end..]
                )
            }
            None => url.to_owned(),
        }
    }
    norm(a) == norm(b)
}

/// How the app sits in one home, from `placement.get`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HomeBinding {
    /// Bound exactly once, to this page's address.
    Bound,
    /// Bound to other addresses (an earlier deployment), alone or beside this one: the widget
    /// there may not be this version, or shows twice. Holds those other handlers. "Re-add"
    /// leaves exactly one binding, this one.
    BoundElsewhere(Vec<String>),
    /// Not in this home.
    NotBound,
}

/// How the app sits in every home, from one `placement.get`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bindings {
    /// Above the chat input.
    pub textarea: HomeBinding,
    /// In the chat sidebar.
    pub sidebar: HomeBinding,
    /// In the messenger's navigation.
    pub navigation: HomeBinding,
}

impl Bindings {
    /// How the app sits in `home`.
    pub fn of(&self, home: Home) -> &HomeBinding {
        match home {
            Home::Textarea => &self.textarea,
            Home::Sidebar => &self.sidebar,
            Home::Navigation => &self.navigation,
        }
    }

    /// No home in a chat has the widget: operators will not find it.
    pub fn none(&self) -> bool {
        Home::IN_CHAT
            .into_iter()
            .all(|home| *self.of(home) == HomeBinding::NotBound)
    }
}

record! {
    /// One row of `placement.get` (keys in any case; the rest is not read).
    pub struct PlacementRow {
        /// The placement code.
        placement: "placement",
        /// The bound address.
        handler: "handler",
    }
}

/// Reads a `placement.get` result: a list of `{placement, handler, …}`. `{}` (the library's
/// empty body) and `[]` are "nothing bound"; an object with numeric keys (PHP's list with
/// gaps) is read as its values ([`List`]). Rows of other placements are skipped.
pub fn bindings(result: &List<PlacementRow>, handler: &str) -> Bindings {
    // (home, handler) of every row of one of the widget's homes; other placements are skipped.
    let rows: Vec<(Home, &str)> = result
        .0
        .iter()
        .filter_map(|row| {
            let home = Home::from_code(row.placement.as_str()?)?;
            Some((home, row.handler.as_str().unwrap_or("")))
        })
        .collect();
    let binding = |home: Home| {
        let bound: Vec<&str> = rows
            .iter()
            .filter(|(h, _)| *h == home)
            .map(|(_, handler)| *handler)
            .collect();
        let others: Vec<String> = bound
            .iter()
            .filter(|h| !same_handler(h, handler))
            .map(|h| (*h).to_owned())
            .collect();
        if !others.is_empty() {
            HomeBinding::BoundElsewhere(others)
        } else if bound.is_empty() {
            HomeBinding::NotBound
        } else {
            HomeBinding::Bound
        }
    };
    Bindings {
        textarea: binding(Home::Textarea),
        sidebar: binding(Home::Sidebar),
        navigation: binding(Home::Navigation),
    }
}

/// What a successful bind did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// A new binding was made.
    New,
    /// The portal already had this handler in that home ("Handler already binded").
    Already,
}

/// Whether `err` is the portal's "Unable to set placement handler: Handler already binded"
/// (`ERROR_CORE`, HTTP 400). The code alone also covers SQL errors, so the text decides; a
/// translated text is caught by the caller re-reading `placement.get`.
pub fn is_already_bound(err: &CallError) -> bool {
    match err {
        CallError::Rest {
            code, description, ..
        } if code.eq_ignore_ascii_case(ALREADY_BOUND_CODE) => {
            let d = description.to_ascii_lowercase();
            d.contains("already bind") || d.contains("already bound")
        }
        _ => false,
    }
}

/// The outcome of `placement.bind`: the call's outcome (its result read as an answer
/// [`Head`]), with "already bound" as success and an `error` key inside a "successful" answer
/// as a refusal (the validation errors come with HTTP 200; the library reports them as
/// errors, a differently built host might not).
pub fn bind_outcome(result: Result<Head, CallError>) -> Result<Bound, CallError> {
    let result = result.and_then(|head| match head.failure(200) {
        Some(err) => Err(err),
        None => Ok(()),
    });
    match result {
        Ok(()) => Ok(Bound::New),
        Err(err) if is_already_bound(&err) => Ok(Bound::Already),
        Err(err) => Err(err),
    }
}

/// What a failed `placement.*` call means to the administrator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BindProblem {
    /// Only a portal administrator may bind placements (`ACCESS_DENIED` 403 "Access denied!").
    NotAdmin,
    /// The app was registered without the `placement` scope (`insufficient_scope`), or the
    /// portal does not offer the placement to it (`ERROR_PLACEMENT_NOT_FOUND`).
    MissingScope,
    /// The portal refused the binding itself: option validation (`EMPTY_ERROR_ICON_NAME`,
    /// `INVALID_ERROR_*`, HTTP 200), `ERROR_ARGUMENT`, `ERROR_CORE`, `WRONG_AUTH_TYPE`, REST not
    /// available on the plan (401 `ACCESS_DENIED`), or any other refusal with a code.
    Rejected,
    /// The authorization is gone (`expired_token`, `NO_AUTH_FOUND`, other 401): reload.
    AuthLost,
    /// No answer before the deadline.
    NoAnswer,
    /// Rate or time limit (`QUERY_LIMIT_EXCEEDED` 503, `OPERATION_TIME_LIMIT` 429).
    Busy,
    /// Anything else (no host, a thrown exception, a garbled answer, a 5xx).
    Unknown,
}

every_variant!(BindProblem: NotAdmin, MissingScope, Rejected, AuthLost, NoAnswer, Busy, Unknown);

/// What `err` from a `placement.*` call means. Placement-specific codes first (an answer with
/// HTTP 200 and an `error` key is a validation refusal), then the general classification
/// ([`classify`]): no access → [`BindProblem::NotAdmin`], and so on.
pub fn classify_bind(err: &CallError) -> BindProblem {
    if let CallError::Rest { status, code, .. } = err {
        let is = |known: &str| code.eq_ignore_ascii_case(known);
        if is("ERROR_PLACEMENT_NOT_FOUND") || is("insufficient_scope") {
            return BindProblem::MissingScope;
        }
        if is("WRONG_AUTH_TYPE")
            || is("ERROR_ARGUMENT")
            || is("ERROR_CORE")
            || code.starts_with("EMPTY_ERROR_")
            || code.starts_with("INVALID_ERROR_")
            || (*status == 200 && !code.is_empty())
        {
            return BindProblem::Rejected;
        }
    }
    match classify_code(err) {
        Problem::NoAccess => BindProblem::NotAdmin,
        Problem::MissingScope => BindProblem::MissingScope,
        Problem::AuthLost => BindProblem::AuthLost,
        Problem::NoAnswer => BindProblem::NoAnswer,
        Problem::RateLimited | Problem::TimeLimited => BindProblem::Busy,
        // An empty code on a placement call is a refusal without a reason.
        Problem::PlanRestricted | Problem::NotOperator => BindProblem::Rejected,
        Problem::NotOpenLine
        | Problem::ChatNotFound
        | Problem::PortalTooOld
        | Problem::ServerModule
        | Problem::NoHost
        | Problem::Garbled
        | Problem::Unknown => BindProblem::Unknown,
    }
}

/// A change to the app's place in the portal, or the read of it (for messages, logs, retry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlacementChange {
    /// The install page: bind every home, then `installFinish`.
    Install,
    /// Reading the bindings (`placement.get`).
    Check,
    /// Adding the widget to a home (`placement.bind`).
    Add(Home),
    /// Removing every binding of the app in a home, then binding this address.
    Readd(Home),
    /// Removing the widget from a home (`placement.unbind`).
    Remove(Home),
    /// Asking the portal whether it is installing the app (`app.info`).
    InstallCheck,
}

impl PlacementChange {
    /// Every change, in declaration order, each home's after each other.
    pub fn all() -> Vec<PlacementChange> {
        let mut all = vec![PlacementChange::Install, PlacementChange::Check];
        for home in Home::ALL {
            all.extend([
                PlacementChange::Add(home),
                PlacementChange::Readd(home),
                PlacementChange::Remove(home),
            ]);
        }
        all.push(PlacementChange::InstallCheck);
        all
    }

    /// A stable lower-case name for console logs (`placement-add-textarea`).
    pub fn name(self) -> String {
        match self {
            PlacementChange::Install => "install".into(),
            PlacementChange::Check => "placement-check".into(),
            PlacementChange::Add(home) => format!("placement-add-{}", home.key()),
            PlacementChange::Readd(home) => format!("placement-readd-{}", home.key()),
            PlacementChange::Remove(home) => format!("placement-remove-{}", home.key()),
            PlacementChange::InstallCheck => "install-check".into(),
        }
    }
}

/// What `err` from the call behind `change` means ([`classify_install_check`] for
/// [`PlacementChange::InstallCheck`], else [`classify_bind`]).
pub fn classify_change(change: PlacementChange, err: &CallError) -> BindProblem {
    match change {
        PlacementChange::InstallCheck => classify_install_check(err),
        PlacementChange::Install
        | PlacementChange::Check
        | PlacementChange::Add(_)
        | PlacementChange::Readd(_)
        | PlacementChange::Remove(_) => classify_bind(err),
    }
}

/// One console line for a failed placement call, like [`super::error::log_line`]:
/// `openline-modes: install failed: REST error "ACCESS_DENIED" (403): Access denied! [NotAdmin]`.
pub fn bind_log_line(change: PlacementChange, err: &CallError) -> String {
    super::error::console_line(&change.name(), err, &classify_change(change, err))
}
