//! Use-cases over the port: read the dialog's true state, send one write, change the widget's
//! place in the portal; and ([`verdict`]) every decision about what the user sees after them.
//! No retries here: a write is sent exactly once per call, and what to do after a failure is
//! the operator's choice. Every failure is logged here, once, for engineers.

pub mod verdict;

use std::rc::Rc;

use crate::domain::command::{parse_session_ids, Action, Command};
use crate::domain::dialog::ChatId;
use crate::domain::error::{log_line, CallError};
use crate::domain::install::{
    self, Bindings, Bound, DefaultPage, Home, HomeBinding, Installation, PlacementChange,
};
use crate::domain::recent::{self, DialogList};
use crate::domain::reply::Reply;
use crate::domain::rest::{Call, Params};
use crate::domain::state::{
    parse_dialog, parse_profile, permissions, state_batch, CurrentUser, DialogState, Permissions,
    DIALOG_KEY, ME_KEY,
};
use crate::host::{BatchResults, Host};
use crate::i18n::{Catalogue, Locale, Msg, Texts};
use verdict::HomeChange;

/// The dialog as the portal has it now, who is looking, and what they may do.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Pinned, whisper, owner, session, as read from the portal.
    pub state: DialogState,
    /// The operator using the widget.
    pub me: CurrentUser,
    /// What the operator may toggle, and why not.
    pub permissions: Permissions,
}

/// What a successful write reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Pin, unpin or whisper: the portal said yes.
    Done,
    /// Pin all / unpin all: the sessions that changed.
    Sessions(Vec<u64>),
}

/// Reads the dialog and the current user in one round trip (`batch`).
pub async fn load(host: &dyn Host, chat: ChatId) -> Result<Snapshot, CallError> {
    let read = async {
        let mut results = host.batch(state_batch(chat)).await?;
        // The dialog's error first: it says more about this dialog than the profile's.
        let dialog = take(&mut results, DIALOG_KEY)?.dialog()?;
        let me = take(&mut results, ME_KEY)?.profile()?;
        let state = parse_dialog(chat, &dialog)?;
        let me = parse_profile(&me)?;
        Ok(Snapshot {
            permissions: permissions(&state, &me),
            state,
            me,
        })
    };
    logged(host, read.await, |err| log_line(Action::Load, err))
}

/// Reads the operator's open-line dialogs and who is looking, in one round trip (`batch` of
/// `im.recent.get {ONLY_OPENLINES: "Y"}` and `profile`). Entries left out are logged.
pub async fn load_list(host: &dyn Host) -> Result<DialogList, CallError> {
    let read = host.batch(recent::list_batch()).await;
    list_of(host, read.and_then(|mut results| take_list(&mut results)))
}

/// The list's answers out of a batch: the list's error first (it says more than the profile's).
fn take_list(results: &mut BatchResults) -> Result<DialogList, CallError> {
    let items = take(results, recent::LIST_KEY)?.recent()?;
    let me = parse_profile(&take(results, ME_KEY)?.profile()?)?;
    Ok(recent::parse_list(&items, me))
}

/// `read`, its failure and its skipped entries logged.
fn list_of(host: &dyn Host, read: Result<DialogList, CallError>) -> Result<DialogList, CallError> {
    let list = logged(host, read, |err| log_line(Action::Load, err))?;
    if list.skipped > 0 {
        host.log(&format!(
            "openline-modes: im.recent.get: {} entries are not open-line dialogs (or null)",
            list.skipped
        ));
    }
    Ok(list)
}

/// Sends one command, once.
pub async fn execute(host: &dyn Host, command: Command) -> Result<Outcome, CallError> {
    let write = async {
        let result = host.call(command.call()).await?;
        match command {
            Command::PinAll | Command::UnpinAll => {
                Ok(Outcome::Sessions(parse_session_ids(&result.sessions()?)?))
            }
            _ => Ok(Outcome::Done),
        }
    };
    logged(host, write.await, |err| log_line(command.action(), err))
}

/// What the view reports once the state was read again after a write.
pub struct AfterReRead {
    /// How the re-read ended.
    pub reread: verdict::ReRead,
    /// The state on screen now.
    pub shown: Option<DialogState>,
    /// The controls have given way to a message.
    pub replaced: bool,
}

/// One write from click to verdict: sends `command` once ([`execute`]); then, as
/// [`verdict::after_answer`] decides, stops or says `now` at once and lets the view re-read
/// (`reread`); returns what [`verdict::after_write`] says of it all.
pub async fn write<F>(
    host: &dyn Host,
    command: Command,
    now: impl FnOnce(&verdict::Verdict),
    reread: impl FnOnce() -> F,
) -> verdict::Verdict
where
    F: std::future::Future<Output = AfterReRead>,
{
    let written = execute(host, command).await;
    match verdict::after_answer(command, &written) {
        verdict::AfterAnswer::Stop(verdict) => verdict,
        verdict::AfterAnswer::ReRead { now: said } => {
            now(&said);
            let after = reread().await;
            verdict::after_write(
                command,
                &written,
                after.reread,
                after.shown.as_ref(),
                after.replaced,
            )
        }
    }
}

/// `result`, with its failure logged for engineers as `line` words it.
fn logged<T>(
    host: &dyn Host,
    result: Result<T, CallError>,
    line: impl FnOnce(&CallError) -> String,
) -> Result<T, CallError> {
    if let Err(err) = &result {
        host.log(&line(err));
    }
    result
}

fn take(results: &mut BatchResults, key: &str) -> Result<Reply, CallError> {
    results
        .remove(key)
        .unwrap_or_else(|| Err(CallError::BadResponse(format!("batch lost {key}"))))
}

/// Whether `state` already is what `command` asks for: `Some(true)` reached, `Some(false)` not,
/// `None` for commands about other dialogs (pin all / unpin all).
///
/// Used after every write's re-read: a "success" the portal did not apply (its queue lock can
/// make it answer `true` and change nothing, docs/bitrix24.md §1.3) is reported as a failure,
/// and an unknown outcome that did apply needs no "Try again".
pub fn reached(command: Command, state: &DialogState) -> Option<bool> {
    match command {
        Command::Pin(_) => Some(state.pinned),
        Command::Unpin(_) => Some(!state.pinned),
        Command::WhisperOn(_) => Some(state.whisper),
        Command::WhisperOff(_) => Some(!state.whisper),
        Command::PinAll | Command::UnpinAll => None,
    }
}

/// Reads how the app sits in every home (`placement.get`, admin only).
pub async fn bindings(host: &dyn Host, handler: &str) -> Result<Bindings, CallError> {
    let result = host
        .call(Call::single(install::GET_METHOD, Params::None {}))
        .await?;
    Ok(install::bindings(&result.placements()?, handler))
}

/// `placement.bind` params for `home` at `handler`: the title in the administrator's language
/// (`title`), and in every language the widget speaks in `LANG_ALL` ([`titles`]).
pub async fn bind_params(host: &dyn Host, home: Home, handler: &str, title: &str) -> Params {
    install::bind_params(home, handler, title, &titles(host).await)
}

/// Binds the widget to `home` with `params` ([`bind_params`] for `handler`). "Already bound" is
/// success: recognised by its text, or, when the portal words it differently (`ERROR_CORE` is
/// also its code for SQL errors), confirmed by `placement.get`.
pub async fn bind(
    host: &dyn Host,
    home: Home,
    params: Params,
    handler: &str,
) -> Result<Bound, CallError> {
    let answer = host.call(Call::single(install::BIND_METHOD, params)).await;
    match install::bind_outcome(answer.and_then(Reply::bind)) {
        Err(err @ CallError::Rest { .. }) if is_core_error(&err) => {
            match bindings(host, handler).await {
                Ok(read) if *read.of(home) == HomeBinding::Bound => Ok(Bound::Already),
                _ => Err(err),
            }
        }
        other => other,
    }
}

/// The install page's whole job: re-bind every home in a chat ([`Home::IN_CHAT`]; the
/// navigation item is off by default) (so a second install, or one over an earlier address,
/// leaves exactly one binding of each), then `installFinish` (which makes the
/// portal mark the app installed and reload; a no-op outside install mode). Nothing is
/// finished when a bind fails, so the portal keeps the app "not fully installed".
/// `title` is the administrator's language's title.
pub async fn install(host: &dyn Host, handler: &str, title: &str) -> Result<(), CallError> {
    let titles = titles(host).await;
    let bind_all = async {
        for home in Home::IN_CHAT {
            let params = install::bind_params(home, handler, title, &titles);
            rebind(host, home, params, handler).await?;
        }
        Ok(())
    };
    logged(host, bind_all.await, |err| {
        install::bind_log_line(PlacementChange::Install, err)
    })?;
    host.install_finish();
    Ok(())
}

/// The app page's read of the bindings: [`bindings`], logged (bindings to other addresses
/// too, for whoever moves the app).
pub async fn check_homes(host: &dyn Host, handler: &str) -> Result<Bindings, CallError> {
    let read = bindings(host, handler).await;
    if let Ok(read) = &read {
        for home in Home::ALL {
            if let HomeBinding::BoundElsewhere(others) = read.of(home) {
                host.log(&format!(
                    "openline-modes: {} is bound to other addresses: {}",
                    home.code(),
                    others.join(", ")
                ));
            }
        }
    }
    logged(host, read, |err| {
        install::bind_log_line(PlacementChange::Check, err)
    })
}

/// One change of the app page to one home of the widget, sent once, logged. `title` is the
/// administrator's language's title (for a bind).
pub async fn change_home(
    host: &dyn Host,
    change: HomeChange,
    handler: &str,
    title: &str,
) -> Result<(), CallError> {
    let home = change.home();
    let result = match change {
        HomeChange::Add(_) => {
            let params = bind_params(host, home, handler, title).await;
            bind(host, home, params, handler).await.map(|_| ())
        }
        HomeChange::Readd(_) => {
            let params = bind_params(host, home, handler, title).await;
            rebind(host, home, params, handler).await.map(|_| ())
        }
        HomeChange::Remove(_) => unbind(host, home).await,
    };
    logged(host, result, |err| {
        install::bind_log_line(change.placement(), err)
    })
}

/// Which page the app's own placement (`DEFAULT`, not opened through the install URL) shows:
/// one `app.info`, read by [`install::default_page`]. A failure or an unreadable `INSTALLED`
/// is logged for engineers.
pub async fn default_page(host: &dyn Host) -> DefaultPage {
    let answer = host
        .call(Call::single(install::APP_INFO_METHOD, Params::None {}))
        .await
        .and_then(Reply::app_info);
    page_of(host, answer)
}

/// The app's own page in one round trip: whether the portal is installing the app
/// ([`default_page`]'s `app.info`) and the operator's list ([`load_list`]), in one `batch`,
/// so an operator who opens the app sees their dialogs after one request.
pub async fn open_app_page(host: &dyn Host) -> (DefaultPage, Result<DialogList, CallError>) {
    let mut calls = vec![Call::new(
        APP_INFO_KEY,
        install::APP_INFO_METHOD,
        Params::None {},
    )];
    calls.extend(recent::list_batch());
    match host.batch(calls).await {
        Ok(mut results) => {
            let info = take(&mut results, APP_INFO_KEY).and_then(Reply::app_info);
            let list = take_list(&mut results);
            (page_of(host, info), list_of(host, list))
        }
        Err(err) => (page_of(host, Err(err.clone())), list_of(host, Err(err))),
    }
}

/// The key of `app.info` in [`open_app_page`]'s batch.
const APP_INFO_KEY: &str = "info";

/// Which page `app.info`'s answer opens ([`install::default_page`]); a failure or an unreadable
/// `INSTALLED` is logged.
fn page_of(host: &dyn Host, answer: Result<install::AppInfo, CallError>) -> DefaultPage {
    match &answer {
        Err(err) => host.log(&install::bind_log_line(PlacementChange::InstallCheck, err)),
        Ok(result) if install::installation(result) == Installation::Unknown => {
            host.log("openline-modes: app.info has no readable INSTALLED; opening the app page")
        }
        Ok(_) => {}
    }
    install::default_page(&answer)
}

/// Removes every binding of the app in `home`, then binds this address (moves the widget to a
/// new deployment, refreshes its title and options, leaves exactly one binding).
pub async fn rebind(
    host: &dyn Host,
    home: Home,
    params: Params,
    handler: &str,
) -> Result<Bound, CallError> {
    unbind(host, home).await?;
    bind(host, home, params, handler).await
}

/// Removes the widget from `home` (every handler of this app there; other apps stay).
pub async fn unbind(host: &dyn Host, home: Home) -> Result<(), CallError> {
    host.call(Call::single(
        install::UNBIND_METHOD,
        install::unbind_params(home),
    ))
    .await
    .map(|_| ())
}

fn is_core_error(err: &CallError) -> bool {
    matches!(err, CallError::Rest { code, .. } if code.eq_ignore_ascii_case(install::ALREADY_BOUND_CODE))
}

/// The texts for `locale`: its catalogue from the host (`i18n/<id>.json`, usually fetched while
/// the library started: index.html), English when it is English or the catalogue cannot be had
/// (logged). Plural rules and digits are the browser's for the language the texts are in, so a
/// count never mixes English words with Arabic rules.
pub async fn texts(host: &dyn Host, locale: Locale) -> Texts {
    let own = match locale {
        Locale::En => None,
        _ => catalogue(host, locale).await,
    };
    let shown = if own.is_some() { locale } else { Locale::En };
    Texts::new(locale, own.map(Rc::new), host.numbers(shown))
}

/// The catalogue of `locale`, `None` (logged) when the host has none or it is not a catalogue.
async fn catalogue(host: &dyn Host, locale: Locale) -> Option<Catalogue> {
    match host.catalogue(locale).await {
        Ok(texts) => Some(Catalogue::from(texts)),
        Err(e) => {
            host.log(&format!("catalogue {}: {e}, English it is", locale.code()));
            None
        }
    }
}

/// The widget's title in every language, for `placement.bind`'s `LANG_ALL`: each from its
/// catalogue, fetched together; English where one cannot be had.
pub async fn titles(host: &dyn Host) -> Vec<(&'static str, String)> {
    let english = &Texts::new(Locale::En, None, host.numbers(Locale::En));
    let each = Locale::ALL.map(|locale| async move {
        let title = match locale {
            Locale::En => None,
            _ => catalogue(host, locale).await,
        }
        .and_then(|c| c.text("title").map(str::to_owned))
        .unwrap_or_else(|| english.text(&Msg::Title));
        (locale.code(), title)
    });
    futures::future::join_all(each).await
}
