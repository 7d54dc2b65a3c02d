//! Errors of a host call, owned and printable anywhere, and their user-facing classification.

use std::fmt;

use super::action::Action;

/// Why a call to the host (the BX24 library) did not produce a result.
///
/// Built at the JS edge (`src/host/bx24.rs`) or by the fake host; owned, `Send + Sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// No Bitrix24 around the page: `BX24` is missing or `null` (opened outside a portal).
    NoHost,
    /// The library never answered `BX24.init` (the parent did not reply to `getInitData`).
    InitTimeout,
    /// No callback before our deadline: the library never calls back on 5xx or network errors,
    /// so for a write the outcome is **unknown**.
    Timeout,
    /// The library threw synchronously (e.g. bad params); the message is for logs only.
    Thrown(String),
    /// The portal answered with an `error` key (possibly an empty string).
    Rest {
        /// HTTP status from the result object (`0` when unknown).
        status: u16,
        /// `error` as sent; `""` is a real failure (the pin refusal quirk, docs/bitrix24.md §1.3).
        code: String,
        /// `error_description` as sent; plain text, never rendered as HTML.
        description: String,
    },
    /// The answer arrived but was not what the method promises (for logs only).
    BadResponse(String),
}

impl CallError {
    /// `method`'s result could not be decoded into what the method promises: `why`, for logs.
    pub fn undecodable(method: &str, why: impl fmt::Display) -> CallError {
        CallError::BadResponse(format!("{method}: {why}"))
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::NoHost => write!(f, "no BX24 host"),
            CallError::InitTimeout => write!(f, "BX24.init did not answer"),
            CallError::Timeout => write!(f, "no answer before the deadline"),
            CallError::Thrown(m) => write!(f, "BX24 threw: {m}"),
            CallError::Rest {
                status,
                code,
                description,
            } => write!(f, "REST error {code:?} ({status}): {description}"),
            CallError::BadResponse(m) => write!(f, "unexpected answer: {m}"),
        }
    }
}

impl std::error::Error for CallError {}

/// What a failure means to the operator: one user-facing kind per distinct advice.
///
/// Made by [`classify`]; turned into text by `crate::i18n` (exhaustive matches).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// The empty error code: pin/unpin refused after the access check passed, most likely
    /// because the current user is not the session's operator (docs/bitrix24.md §1.3).
    NotOperator,
    /// No permission for this chat or action (`ACCESS_DENIED` 400/403, `ACCESS_ERROR`,
    /// `WRONG_AUTH_TYPE`, other 403).
    NoAccess,
    /// The chat is not an open-line chat (`CHAT_TYPE`).
    NotOpenLine,
    /// The chat id is empty, invalid or unknown (`CHAT_ID_EMPTY`, `CHAT_ID`, …).
    ChatNotFound,
    /// The user's authorization is gone (`expired_token`, `invalid_token`, `NO_AUTH_FOUND`,
    /// `USER_ID`, other 401…): reload the page.
    AuthLost,
    /// The app was installed without the `imopenlines` scope (`insufficient_scope`).
    MissingScope,
    /// REST is available only on commercial plans (`ACCESS_DENIED` with 401).
    PlanRestricted,
    /// The portal lacks the method (`ERROR_METHOD_NOT_FOUND`, 404).
    PortalTooOld,
    /// The im or pull module failed to load on the server (`IM_LOAD_ERROR`).
    ServerModule,
    /// Too many requests (`QUERY_LIMIT_EXCEEDED`, 503, `OVERLOAD_LIMIT`).
    RateLimited,
    /// The app's operating-time budget is used up (`OPERATION_TIME_LIMIT`, 429).
    TimeLimited,
    /// No answer before the deadline (or `BX24.init` never answered).
    NoAnswer,
    /// A write was answered, but not with what the method promises: it may or may not have
    /// been applied (a read's garbled answer is [`Problem::Unknown`]).
    Garbled,
    /// No Bitrix24 around the page.
    NoHost,
    /// Anything else (a thrown exception, a garbled answer, an unknown code).
    Unknown,
}

every_variant!(
    Problem:
    NotOperator,
    NoAccess,
    NotOpenLine,
    ChatNotFound,
    AuthLost,
    MissingScope,
    PlanRestricted,
    PortalTooOld,
    ServerModule,
    RateLimited,
    TimeLimited,
    NoAnswer,
    Garbled,
    NoHost,
    Unknown,
);

/// What `err` means to the operator when it ended `action`.
///
/// On top of [`classify_code`]: a refusal "not the operator" belongs to pin and whisper only
/// (the empty code is the pin refusal, docs/bitrix24.md §1.3; a whisper, bulk or read failure
/// with an empty code is a refusal without a reason, [`Problem::Unknown`]); a garbled answer to
/// a write leaves its outcome unknown ([`Problem::Garbled`]).
pub fn classify(action: Action, err: &CallError) -> Problem {
    let named_not_operator =
        matches!(err, CallError::Rest { code, .. } if code.eq_ignore_ascii_case(NOT_OPERATOR_CODE));
    match (classify_code(err), action) {
        (Problem::NotOperator, Action::Pin | Action::Unpin) => Problem::NotOperator,
        (Problem::NotOperator, Action::WhisperOn | Action::WhisperOff) if named_not_operator => {
            Problem::NotOperator
        }
        (Problem::NotOperator, _) => Problem::Unknown,
        (Problem::Unknown, _) if action.is_write() && matches!(err, CallError::BadResponse(_)) => {
            Problem::Garbled
        }
        (problem, _) => problem,
    }
}

/// Only the undocumented v2 controller reports "not the operator" by name (docs/bitrix24.md §1.5).
const NOT_OPERATOR_CODE: &str = "ERROR_USER_NOT_OPERATOR";

/// What `err` means whatever the call was (placement calls use it too).
///
/// Codes are matched ignoring ASCII case (Bitrix codes are upper case, OAuth codes lower case;
/// no two known codes differ only by case, so this costs nothing and survives a proxy that
/// changes case). Known codes win; then the HTTP status decides (401 → [`Problem::AuthLost`],
/// 403 → [`Problem::NoAccess`], 404 → [`Problem::PortalTooOld`], 429 → [`Problem::TimeLimited`],
/// 503 → [`Problem::RateLimited`]); then an empty code is [`Problem::NotOperator`] (the pin
/// refusal quirk is HTTP 400, but any empty code is a refusal without a reason); anything else
/// is [`Problem::Unknown`].
pub fn classify_code(err: &CallError) -> Problem {
    match err {
        CallError::NoHost => Problem::NoHost,
        CallError::InitTimeout | CallError::Timeout => Problem::NoAnswer,
        CallError::Thrown(_) | CallError::BadResponse(_) => Problem::Unknown,
        CallError::Rest { status, code, .. } => classify_rest(*status, code),
    }
}

fn classify_rest(status: u16, code: &str) -> Problem {
    let is = |known: &str| code.eq_ignore_ascii_case(known);
    if is("CHAT_ID_EMPTY") || is("CHAT_ID") || is("DIALOG_ID_EMPTY") || is("NOT_LOAD_CHAT") {
        Problem::ChatNotFound
    } else if is("CHAT_TYPE") {
        Problem::NotOpenLine
    } else if is("ACCESS_DENIED") {
        // 401 ACCESS_DENIED is "REST is available only on commercial plans"; 400 is the
        // open-line permission check, 403 the generic AccessException.
        if status == 401 {
            Problem::PlanRestricted
        } else {
            Problem::NoAccess
        }
    } else if is("ACCESS_ERROR") || is("WRONG_AUTH_TYPE") {
        Problem::NoAccess
    } else if is(NOT_OPERATOR_CODE) {
        Problem::NotOperator
    } else if is("USER_ID")
        || is("expired_token")
        || is("invalid_token")
        || is("NO_AUTH_FOUND")
        || is("authorization_error")
        || is("user_access_error")
    {
        Problem::AuthLost
    } else if is("insufficient_scope") {
        Problem::MissingScope
    } else if is("IM_LOAD_ERROR") || is("IM_NOT_INSTALLED") {
        Problem::ServerModule
    } else if is("ERROR_METHOD_NOT_FOUND") {
        Problem::PortalTooOld
    } else if is("OPERATION_TIME_LIMIT") {
        Problem::TimeLimited
    } else if is("QUERY_LIMIT_EXCEEDED") || is("OVERLOAD_LIMIT") {
        Problem::RateLimited
    } else {
        match status {
            401 => Problem::AuthLost,
            403 => Problem::NoAccess,
            404 => Problem::PortalTooOld,
            429 => Problem::TimeLimited,
            503 => Problem::RateLimited,
            _ if code.is_empty() => Problem::NotOperator,
            _ => Problem::Unknown,
        }
    }
}

/// `true` when a write may or may not have happened: [`CallError::Timeout`] (the library never
/// calls back on 5xx or network errors) and [`CallError::BadResponse`] (the portal answered
/// without an error, but not with what the method promises). Never retry such a write
/// automatically; re-read the state and show it.
///
/// `false` for REST errors (the server refused), [`CallError::NoHost`],
/// [`CallError::InitTimeout`] and [`CallError::Thrown`] (nothing was sent).
pub fn outcome_unknown(err: &CallError) -> bool {
    match err {
        CallError::Timeout | CallError::BadResponse(_) => true,
        CallError::NoHost
        | CallError::InitTimeout
        | CallError::Thrown(_)
        | CallError::Rest { .. } => false,
    }
}

/// One console line: `openline-modes: pin failed: REST error "CHAT_TYPE" (400): … [NotOpenLine]`.
///
/// Carries the raw code and description for support. It cannot contain an auth token:
/// [`CallError`] never carries one. Cut to 500 characters, on one line.
pub fn log_line(action: Action, err: &CallError) -> String {
    console_line(action.name(), err, &classify(action, err))
}

/// `openline-modes: <what> failed: <err> [<kind>]` with control characters blanked (one line)
/// and cut to 500 characters: the one format of every failure the widget logs.
pub(crate) fn console_line(what: &str, err: &CallError, kind: &dyn std::fmt::Debug) -> String {
    let line = format!("openline-modes: {what} failed: {err} [{kind:?}]");
    let line: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    super::text::cut(&line, 500)
}
