//! What a failed call means to the operator (docs/bitrix24.md §1.3, §5), and whether a write's
//! outcome is unknown.

use openline_modes::domain::command::Action;
use openline_modes::domain::error::{
    classify, classify_code, log_line, outcome_unknown, CallError, Problem,
};

fn rest(status: u16, code: &str) -> CallError {
    CallError::Rest {
        status,
        code: code.to_string(),
        description: "desc".to_string(),
    }
}

#[test]
fn every_known_rest_code_maps_to_its_problem() {
    use Problem::*;
    let cases: &[(u16, &str, Problem)] = &[
        // The pin/unpin refusal quirk: empty code and text, HTTP 400 (§1.3 step 4).
        (400, "", NotOperator),
        (0, "", NotOperator),
        (200, "", NotOperator),
        (400, "CHAT_ID_EMPTY", ChatNotFound),
        (400, "CHAT_ID", ChatNotFound),
        (400, "DIALOG_ID_EMPTY", ChatNotFound),
        (400, "NOT_LOAD_CHAT", ChatNotFound),
        (400, "CHAT_TYPE", NotOpenLine),
        (400, "ACCESS_DENIED", NoAccess),
        (403, "ACCESS_DENIED", NoAccess),
        (0, "ACCESS_DENIED", NoAccess),
        (401, "ACCESS_DENIED", PlanRestricted),
        (400, "ACCESS_ERROR", NoAccess),
        (403, "ACCESS_ERROR", NoAccess),
        (400, "USER_ID", AuthLost),
        (400, "IM_LOAD_ERROR", ServerModule),
        (400, "IM_NOT_INSTALLED", ServerModule),
        (401, "expired_token", AuthLost),
        (401, "invalid_token", AuthLost),
        (401, "NO_AUTH_FOUND", AuthLost),
        (401, "authorization_error", AuthLost),
        (401, "user_access_error", AuthLost),
        (401, "APPLICATION_NOT_FOUND", AuthLost),
        (401, "insufficient_scope", MissingScope),
        (403, "insufficient_scope", MissingScope),
        (403, "WRONG_AUTH_TYPE", NoAccess),
        (404, "ERROR_METHOD_NOT_FOUND", PortalTooOld),
        (0, "ERROR_METHOD_NOT_FOUND", PortalTooOld),
        (429, "OPERATION_TIME_LIMIT", TimeLimited),
        (503, "QUERY_LIMIT_EXCEEDED", RateLimited),
        (0, "QUERY_LIMIT_EXCEEDED", RateLimited),
        (401, "OVERLOAD_LIMIT", RateLimited),
        (400, "ERROR_USER_NOT_OPERATOR", NotOperator),
        (500, "INTERNAL_SERVER_ERROR", Unknown),
        (500, "ERROR_CORE", Unknown),
        (400, "ERROR_ARGUMENT", Unknown),
        (400, "SOMETHING_NEW", Unknown),
    ];
    for &(status, code, problem) in cases {
        assert_eq!(
            classify_code(&rest(status, code)),
            problem,
            "{code:?} ({status})"
        );
    }
}

#[test]
fn an_unknown_code_falls_back_to_the_http_status() {
    use Problem::*;
    let cases: &[(u16, &str, Problem)] = &[
        (401, "SOME_OAUTH_THING", AuthLost),
        (401, "", AuthLost),
        (403, "SOME_FORBIDDEN", NoAccess),
        (403, "", NoAccess),
        (404, "", PortalTooOld),
        (404, "NOT_FOUND", PortalTooOld),
        (429, "", TimeLimited),
        (503, "", RateLimited),
        (503, "SERVICE_UNAVAILABLE", RateLimited),
        (500, "", NotOperator),
    ];
    for &(status, code, problem) in cases {
        assert_eq!(
            classify_code(&rest(status, code)),
            problem,
            "{code:?} ({status})"
        );
    }
}

/// Decision: codes match ignoring ASCII case (no two known codes differ only by case).
#[test]
fn codes_match_regardless_of_case() {
    use Problem::*;
    let cases: &[(u16, &str, Problem)] = &[
        (401, "EXPIRED_TOKEN", AuthLost),
        (401, "Invalid_Token", AuthLost),
        (401, "INSUFFICIENT_SCOPE", MissingScope),
        (400, "chat_type", NotOpenLine),
        (400, "access_error", NoAccess),
        (404, "error_method_not_found", PortalTooOld),
    ];
    for &(status, code, problem) in cases {
        assert_eq!(
            classify_code(&rest(status, code)),
            problem,
            "{code:?} ({status})"
        );
    }
}

#[test]
fn codes_are_not_trimmed_or_prefix_matched() {
    assert_eq!(classify_code(&rest(400, " CHAT_TYPE")), Problem::Unknown);
    assert_eq!(classify_code(&rest(400, "CHAT_ID_X")), Problem::Unknown);
}

#[test]
fn host_failures_map_to_their_problem() {
    let cases = [
        (CallError::NoHost, Problem::NoHost),
        (CallError::InitTimeout, Problem::NoAnswer),
        (CallError::Timeout, Problem::NoAnswer),
        (CallError::Thrown("TypeError".into()), Problem::Unknown),
        (CallError::BadResponse("null".into()), Problem::Unknown),
    ];
    for (err, problem) in cases {
        assert_eq!(classify_code(&err), problem, "{err:?}");
    }
}

#[test]
fn only_a_missing_or_garbled_answer_leaves_the_outcome_unknown() {
    let cases = [
        (CallError::Timeout, true),
        (CallError::BadResponse("[null]".into()), true),
        (CallError::NoHost, false),
        (CallError::InitTimeout, false),
        (CallError::Thrown("x".into()), false),
        (rest(400, ""), false),
        (rest(400, "CHAT_TYPE"), false),
        (rest(503, "QUERY_LIMIT_EXCEEDED"), false),
        (rest(401, "expired_token"), false),
    ];
    for (err, unknown) in cases {
        assert_eq!(outcome_unknown(&err), unknown, "{err:?}");
    }
}

#[test]
fn log_line_names_the_action_the_raw_code_and_the_problem_on_one_line() {
    let err = CallError::Rest {
        status: 400,
        code: "CHAT_TYPE".into(),
        description: "This chat is not Open Channel\nsecond line".into(),
    };
    let line = log_line(Action::Pin, &err);
    assert!(line.contains("pin failed"), "{line}");
    assert!(line.contains("CHAT_TYPE"), "{line}");
    assert!(line.contains("400"), "{line}");
    assert!(line.contains("NotOpenLine"), "{line}");
    assert!(!line.contains('\n'), "{line}");

    let empty = log_line(Action::Unpin, &rest(400, ""));
    assert!(
        empty.contains("\"\""),
        "an empty code is visible as \"\": {empty}"
    );
    assert!(empty.contains("NotOperator"), "{empty}");
}

#[test]
fn log_line_is_bounded() {
    let err = CallError::Rest {
        status: 400,
        code: "X".into(),
        description: "d".repeat(100_000),
    };
    assert!(log_line(Action::Load, &err).chars().count() <= 501);
}

#[test]
fn problem_all_lists_every_problem_once() {
    let mut seen = std::collections::HashSet::new();
    for p in Problem::ALL {
        assert!(seen.insert(p), "{p:?} twice");
        // Exhaustive: a new variant must be added to Problem::ALL too.
        match p {
            Problem::NotOperator
            | Problem::NoAccess
            | Problem::NotOpenLine
            | Problem::ChatNotFound
            | Problem::AuthLost
            | Problem::MissingScope
            | Problem::PlanRestricted
            | Problem::PortalTooOld
            | Problem::ServerModule
            | Problem::RateLimited
            | Problem::TimeLimited
            | Problem::NoAnswer
            | Problem::Garbled
            | Problem::NoHost
            | Problem::Unknown => {}
        }
    }
    assert_eq!(seen.len(), 15);
}

/// The action decides what a code-less refusal and a garbled answer mean: "not the operator"
/// is a pin refusal (a whisper, bulk or read failure never talks about pinning), and a write
/// answered with something unexpected is "not confirmed".
#[test]
fn the_action_decides_what_an_empty_code_and_a_garbled_answer_mean() {
    use Action::*;
    use Problem::*;
    let named = rest(400, "ERROR_USER_NOT_OPERATOR");
    let garbled = CallError::BadResponse("not a session id".into());
    let cases: &[(Action, &CallError, Problem)] = &[
        (Pin, &rest(400, ""), NotOperator),
        (Unpin, &rest(400, ""), NotOperator),
        (WhisperOn, &rest(400, ""), Unknown),
        (WhisperOff, &rest(400, ""), Unknown),
        (PinAll, &rest(400, ""), Unknown),
        (UnpinAll, &rest(400, ""), Unknown),
        (Load, &rest(400, ""), Unknown),
        (Pin, &named, NotOperator),
        (WhisperOn, &named, NotOperator),
        (WhisperOff, &named, NotOperator),
        (PinAll, &named, Unknown),
        (Load, &named, Unknown),
        (Pin, &garbled, Garbled),
        (WhisperOff, &garbled, Garbled),
        (PinAll, &garbled, Garbled),
        (Load, &garbled, Unknown),
        (Pin, &CallError::Timeout, NoAnswer),
        (WhisperOn, &rest(400, "ACCESS_DENIED"), NoAccess),
        (Load, &rest(404, "ERROR_METHOD_NOT_FOUND"), PortalTooOld),
    ];
    for &(action, err, problem) in cases {
        assert_eq!(classify(action, err), problem, "{action:?} {err:?}");
    }
}
