//! The decision table: what the user sees for every command × write outcome × re-read, and for
//! every read result. Pure functions of `controller::verdict`, run natively.

use openline_modes::controller::verdict::{
    after_answer, after_placement, after_read, after_write, retry_focus, AfterAnswer, Focus,
    HomeChange, Phase, ReRead, ReadOrder, Retry, Say, Verdict,
};
use openline_modes::controller::{Outcome, Snapshot};
use openline_modes::domain::command::{Action, Command};
use openline_modes::domain::dialog::ChatId;
use openline_modes::domain::error::{CallError, Problem};
use openline_modes::domain::install::{Home, PlacementChange};
use openline_modes::domain::state::{CurrentUser, DialogKind, DialogState, Permissions};
use openline_modes::i18n::Msg;

fn chat() -> ChatId {
    ChatId::new(12).unwrap()
}

fn state(pinned: bool, whisper: bool) -> DialogState {
    DialogState {
        chat: chat(),
        pinned,
        whisper,
        owner: Some(1),
        session_id: Some(343),
        kind: DialogKind::OpenLine,
        title: "Anna".into(),
    }
}

fn snapshot(state: DialogState) -> Snapshot {
    Snapshot {
        state,
        me: CurrentUser { id: 1 },
        permissions: Permissions {
            pin: Ok(()),
            whisper: Ok(()),
        },
    }
}

fn rest(status: u16, code: &str) -> CallError {
    CallError::Rest {
        status,
        code: code.into(),
        description: String::new(),
    }
}

fn failed(action: Action, problem: Problem) -> Msg {
    Msg::Failed { action, problem }
}

/// The four switch commands, each with the state that shows it took and one that shows it did
/// not.
fn switches() -> Vec<(Command, DialogState, DialogState)> {
    let c = chat();
    vec![
        (Command::Pin(c), state(true, false), state(false, false)),
        (Command::Unpin(c), state(false, false), state(true, false)),
        (
            Command::WhisperOn(c),
            state(false, true),
            state(false, false),
        ),
        (
            Command::WhisperOff(c),
            state(false, false),
            state(false, true),
        ),
    ]
}

fn done_msg(command: Command) -> Msg {
    match command {
        Command::Pin(_) => Msg::DialogPinned,
        Command::Unpin(_) => Msg::DialogUnpinned,
        Command::WhisperOn(_) => Msg::WhisperTurnedOn,
        Command::WhisperOff(_) => Msg::WhisperTurnedOff,
        Command::PinAll | Command::UnpinAll => unreachable!(),
    }
}

/// One row: the write's answer, how the re-read ended, the state shown, what is said.
type WriteRow<'a> = (
    &'a Result<Outcome, CallError>,
    ReRead,
    Option<&'a DialogState>,
    (Say, Option<Retry>),
);

/// One row: the read's result, the phase now, after an action, the phase next, whether a
/// state is shown, what is said.
type ReadRow = (
    Result<Snapshot, CallError>,
    Phase,
    bool,
    Phase,
    bool,
    (Say, Option<Retry>),
);

fn alert(msg: Msg, retry: Option<Retry>) -> (Say, Option<Retry>) {
    (Say::Alert(msg), retry)
}

fn said(v: &Verdict) -> (Say, Option<Retry>) {
    (v.say.clone(), v.retry)
}

#[test]
fn a_switch_write_is_judged_on_the_state_shown_after_it() {
    for (command, took, not) in switches() {
        let a = command.action();
        let retry = Some(Retry::Command(command));
        let yes = Ok(Outcome::Done);
        let timeout = Err(CallError::Timeout);
        let garbled = Err(CallError::BadResponse("x".into()));
        let refused = Err(rest(400, "ACCESS_DENIED"));
        // (written, re-read, state shown, what is said)
        let rows: Vec<WriteRow> = vec![
            (
                &yes,
                ReRead::Fresh,
                Some(&took),
                (Say::Status(done_msg(command)), None),
            ),
            // The overlap: a newer read answered first; its state still judges this write.
            (
                &yes,
                ReRead::Superseded,
                Some(&took),
                (Say::Status(done_msg(command)), None),
            ),
            (
                &yes,
                ReRead::Fresh,
                Some(&not),
                alert(failed(a, Problem::Unknown), retry),
            ),
            (
                &yes,
                ReRead::Superseded,
                Some(&not),
                alert(failed(a, Problem::Unknown), retry),
            ),
            // Could not read back: the read's own alert speaks; no contradicting "pinned".
            (&yes, ReRead::Failed, Some(&not), (Say::Nothing, None)),
            (&yes, ReRead::Failed, Some(&took), (Say::Nothing, None)),
            // Unknown outcome: "not confirmed"; "Try again" only when the state shows it did
            // not happen or cannot tell.
            (
                &timeout,
                ReRead::Fresh,
                Some(&not),
                alert(failed(a, Problem::NoAnswer), retry),
            ),
            (
                &timeout,
                ReRead::Superseded,
                Some(&took),
                alert(failed(a, Problem::NoAnswer), None),
            ),
            (
                &timeout,
                ReRead::Fresh,
                Some(&took),
                alert(failed(a, Problem::NoAnswer), None),
            ),
            (
                &timeout,
                ReRead::Failed,
                Some(&took),
                alert(failed(a, Problem::NoAnswer), retry),
            ),
            (
                &garbled,
                ReRead::Fresh,
                Some(&not),
                alert(failed(a, Problem::Garbled), retry),
            ),
            (
                &garbled,
                ReRead::Superseded,
                Some(&took),
                alert(failed(a, Problem::Garbled), None),
            ),
            (
                &refused,
                ReRead::Fresh,
                Some(&not),
                alert(failed(a, Problem::NoAccess), retry),
            ),
            (
                &refused,
                ReRead::Failed,
                None,
                alert(failed(a, Problem::NoAccess), retry),
            ),
        ];
        for (written, reread, shown, want) in rows {
            let got = after_write(command, written, reread, shown, false);
            assert_eq!(
                said(&got),
                want,
                "{command:?} {written:?} {reread:?} {shown:?}"
            );
            assert_eq!(got.replace, None);
        }
    }
}

#[test]
fn a_write_whose_re_read_replaced_the_controls_says_nothing_more() {
    for (command, _, not) in switches() {
        for written in [
            Ok(Outcome::Done),
            Err(rest(400, "CHAT_TYPE")),
            Err(CallError::Timeout),
        ] {
            for reread in [ReRead::Fresh, ReRead::Superseded, ReRead::Failed] {
                let got = after_write(command, &written, reread, Some(&not), true);
                assert_eq!(
                    got,
                    Verdict::nothing(),
                    "{command:?} {written:?} {reread:?}"
                );
            }
        }
    }
}

#[test]
fn an_empty_refusal_talks_about_pinning_only_for_pin_and_unpin() {
    let c = chat();
    let empty = Err(rest(400, ""));
    let cases = [
        (Command::Pin(c), Problem::NotOperator),
        (Command::Unpin(c), Problem::NotOperator),
        (Command::WhisperOn(c), Problem::Unknown),
        (Command::WhisperOff(c), Problem::Unknown),
        (Command::PinAll, Problem::Unknown),
        (Command::UnpinAll, Problem::Unknown),
    ];
    for (command, problem) in cases {
        let got = after_write(
            command,
            &empty,
            ReRead::Fresh,
            Some(&state(false, false)),
            false,
        );
        assert_eq!(
            got.say,
            Say::Alert(failed(command.action(), problem)),
            "{command:?}"
        );
    }
}

#[test]
fn bulk_writes_report_their_count_or_their_failure_with_try_again() {
    for command in [Command::PinAll, Command::UnpinAll] {
        let a = command.action();
        let count = |n| match command {
            Command::PinAll => Msg::PinnedCount(n),
            _ => Msg::UnpinnedCount(n),
        };
        for reread in [ReRead::Fresh, ReRead::Failed, ReRead::Skipped] {
            let ok = after_write(
                command,
                &Ok(Outcome::Sessions(vec![5, 6, 7])),
                reread,
                None,
                false,
            );
            assert_eq!(
                said(&ok),
                (Say::Status(count(3)), None),
                "{command:?} {reread:?}"
            );
            let none = after_write(command, &Ok(Outcome::Sessions(vec![])), reread, None, false);
            assert_eq!(said(&none), (Say::Status(count(0)), None));
            let lost = after_write(command, &Err(CallError::Timeout), reread, None, false);
            assert_eq!(
                said(&lost),
                alert(failed(a, Problem::NoAnswer), Some(Retry::Command(command)))
            );
        }
    }
}

#[test]
fn the_answer_decides_whether_to_stop_or_re_read_and_what_to_say_at_once() {
    for (command, _, _) in
        switches()
            .into_iter()
            .chain([(Command::PinAll, state(false, false), state(false, false))])
    {
        let a = command.action();
        // The method is missing: the controls give way, announced, no "Try again", no re-read.
        let AfterAnswer::Stop(stop) =
            after_answer(command, &Err(rest(404, "ERROR_METHOD_NOT_FOUND")))
        else {
            panic!("{command:?}: a missing method must stop");
        };
        assert_eq!(stop.replace, Some(Msg::PortalTooOld));
        assert_eq!(said(&stop), (Say::Alert(Msg::PortalTooOld), None));
        // Unknown outcomes are announced at the write's deadline, without "Try again" yet.
        for (err, problem) in [
            (CallError::Timeout, Problem::NoAnswer),
            (CallError::BadResponse("x".into()), Problem::Garbled),
        ] {
            let AfterAnswer::ReRead { now } = after_answer(command, &Err(err)) else {
                panic!("{command:?}: an unknown outcome re-reads");
            };
            assert_eq!(said(&now), alert(failed(a, problem), None));
        }
        // A refusal or a success re-reads quietly.
        for written in [Ok(Outcome::Done), Err(rest(400, "ACCESS_DENIED"))] {
            assert_eq!(
                after_answer(command, &written),
                AfterAnswer::ReRead {
                    now: Verdict::nothing()
                }
            );
        }
    }
}

#[test]
fn a_read_shows_the_state_or_says_why_not() {
    let other = DialogState {
        kind: DialogKind::Other("CHAT".into()),
        ..state(false, false)
    };
    let load = |p| failed(Action::Load, p);
    // (result, phase now, after an action, phase next, shows a state, what is said)
    let rows: Vec<ReadRow> = vec![
        (
            Ok(snapshot(state(true, false))),
            Phase::Loading,
            false,
            Phase::Ready,
            true,
            (Say::Nothing, None),
        ),
        (
            Ok(snapshot(other.clone())),
            Phase::Loading,
            false,
            Phase::Cannot(Msg::NotOpenLine),
            false,
            (Say::Nothing, None),
        ),
        (
            Ok(snapshot(other.clone())),
            Phase::Ready,
            true,
            Phase::Cannot(Msg::NotOpenLine),
            false,
            alert(Msg::NotOpenLine, None),
        ),
        // Already saying it: not announced twice.
        (
            Ok(snapshot(other)),
            Phase::Cannot(Msg::NotOpenLine),
            true,
            Phase::Cannot(Msg::NotOpenLine),
            false,
            (Say::Nothing, None),
        ),
        (
            Err(rest(400, "ACCESS_ERROR")),
            Phase::Loading,
            false,
            Phase::Cannot(Msg::NoDialogAccess),
            false,
            (Say::Nothing, None),
        ),
        (
            Err(rest(400, "ACCESS_ERROR")),
            Phase::Unreadable,
            true,
            Phase::Cannot(Msg::NoDialogAccess),
            false,
            alert(Msg::NoDialogAccess, None),
        ),
        // Access lost after the state was shown: keep it, say why, offer a re-read.
        (
            Err(rest(400, "ACCESS_ERROR")),
            Phase::Ready,
            true,
            Phase::Ready,
            false,
            alert(load(Problem::NoAccess), Some(Retry::Read)),
        ),
        (
            Err(rest(400, "CHAT_TYPE")),
            Phase::Ready,
            true,
            Phase::Cannot(Msg::NotOpenLine),
            false,
            alert(Msg::NotOpenLine, None),
        ),
        (
            Err(rest(404, "ERROR_METHOD_NOT_FOUND")),
            Phase::Loading,
            false,
            Phase::Cannot(load(Problem::PortalTooOld)),
            false,
            (Say::Nothing, None),
        ),
        (
            Err(CallError::NoHost),
            Phase::Ready,
            true,
            Phase::Cannot(Msg::NoHost),
            false,
            alert(Msg::NoHost, None),
        ),
        (
            Err(CallError::Timeout),
            Phase::Loading,
            false,
            Phase::Unreadable,
            false,
            alert(load(Problem::NoAnswer), Some(Retry::Read)),
        ),
        (
            Err(CallError::Timeout),
            Phase::Ready,
            true,
            Phase::Ready,
            false,
            alert(load(Problem::NoAnswer), Some(Retry::Read)),
        ),
        // A read's garbled answer or empty refusal is not "not the operator" nor "not confirmed".
        (
            Err(CallError::BadResponse("x".into())),
            Phase::Loading,
            false,
            Phase::Unreadable,
            false,
            alert(load(Problem::Unknown), Some(Retry::Read)),
        ),
        (
            Err(rest(400, "")),
            Phase::Ready,
            true,
            Phase::Ready,
            false,
            alert(load(Problem::Unknown), Some(Retry::Read)),
        ),
    ];
    for (result, phase, after_action, next, shows, want) in rows {
        let label = format!("{result:?} {phase:?} {after_action}");
        let got = after_read(result, &phase, after_action);
        assert_eq!(got.phase, next, "{label}");
        assert_eq!(got.show.is_some(), shows, "{label}");
        assert_eq!(said(&got.verdict), want, "{label}");
    }
}

#[test]
fn placement_changes_say_what_happened_and_where_focus_goes() {
    for home in Home::ALL {
        let remove = HomeChange::Remove(home);
        let removed = after_placement(remove.placement(), &Ok(()), Some(remove.done()));
        assert_eq!(removed.say, Say::Status(Msg::HomeRemoved(home)));
        assert_eq!(
            removed.focus,
            Some(Focus::BindButton(home)),
            "the remove button is gone; its home's add button is not"
        );
        let add = HomeChange::Add(home);
        let added = after_placement(add.placement(), &Ok(()), Some(add.done()));
        assert_eq!(added.say, Say::Status(Msg::HomeAdded(home)));
        assert_eq!(added.focus, None);
        assert_eq!(HomeChange::Readd(home).done(), Msg::HomeAdded(home));
    }
    let failed = after_placement(
        PlacementChange::Install,
        &Err(rest(403, "ACCESS_DENIED")),
        None,
    );
    assert_eq!(
        failed.retry,
        Some(Retry::Placement(PlacementChange::Install))
    );
    assert!(matches!(
        failed.say,
        Say::Alert(Msg::PlacementFailed { .. })
    ));
}

#[test]
fn try_again_keeps_the_keyboard_on_what_it_repeats() {
    let c = chat();
    assert_eq!(
        retry_focus(Retry::Command(Command::Pin(c))),
        Some(Focus::Control(Command::Pin(c)))
    );
    assert_eq!(
        retry_focus(Retry::Command(Command::PinAll)),
        Some(Focus::Control(Command::PinAll))
    );
    assert_eq!(
        retry_focus(Retry::Read),
        None,
        "the skeleton takes no focus"
    );
    for home in Home::ALL {
        for change in [
            PlacementChange::Add(home),
            PlacementChange::Readd(home),
            PlacementChange::Remove(home),
        ] {
            assert_eq!(
                retry_focus(Retry::Placement(change)),
                Some(Focus::BindButton(home)),
                "{change:?}"
            );
        }
    }
    assert_eq!(
        retry_focus(Retry::Placement(PlacementChange::Check)),
        Some(Focus::HomesState)
    );
    assert_eq!(
        retry_focus(Retry::Placement(PlacementChange::Install)),
        Some(Focus::InstallTitle)
    );
}

#[test]
fn the_add_button_re_adds_where_the_widget_is_bound_at_all() {
    for home in Home::ALL {
        assert_eq!(HomeChange::bind(home, false), HomeChange::Add(home));
        assert_eq!(HomeChange::bind(home, true), HomeChange::Readd(home));
        for change in [
            HomeChange::Add(home),
            HomeChange::Readd(home),
            HomeChange::Remove(home),
        ] {
            assert_eq!(change.home(), home);
            // "Try again" after a failed change repeats exactly that change.
            assert_eq!(HomeChange::of(change.placement()), Some(change));
        }
    }
    for change in [
        PlacementChange::Install,
        PlacementChange::Check,
        PlacementChange::InstallCheck,
    ] {
        assert_eq!(HomeChange::of(change), None);
    }
}

#[test]
fn reads_are_shown_newest_success_first_and_a_failure_never_makes_a_success_stale() {
    use ReRead::{Failed, Fresh};
    // (tickets started, then answers in this order as (ticket, ok)) → what each answer gets.
    type Row = (u64, Vec<(u64, bool)>, Vec<Option<ReRead>>);
    let rows: Vec<Row> = vec![
        // In order.
        (
            2,
            vec![(1, true), (2, true)],
            vec![Some(Fresh), Some(Fresh)],
        ),
        // A newer success first: the older one is old news.
        (2, vec![(2, true), (1, true)], vec![Some(Fresh), None]),
        // A newer success first: an older failure is old news too.
        (2, vec![(2, true), (1, false)], vec![Some(Fresh), None]),
        // Regression (fault 1): a newer read that *fails* first does not make the older,
        // successful one stale; the write behind it is judged on its state.
        (
            2,
            vec![(2, false), (1, true)],
            vec![Some(Failed), Some(Fresh)],
        ),
        // A failure, then a newer success, then the oldest answer: only the success counts.
        (
            3,
            vec![(2, false), (3, true), (1, true)],
            vec![Some(Failed), Some(Fresh), None],
        ),
        // Two failures are both shown (each says why); a later success after them is fresh.
        (
            3,
            vec![(1, false), (2, false), (3, true)],
            vec![Some(Failed), Some(Failed), Some(Fresh)],
        ),
    ];
    for (started, answers, want) in rows {
        let mut order = ReadOrder::default();
        let tickets: Vec<u64> = (0..started).map(|_| order.start()).collect();
        assert_eq!(tickets, (1..=started).collect::<Vec<_>>());
        let got: Vec<Option<ReRead>> = answers
            .iter()
            .map(|&(ticket, ok)| order.settle(ticket, ok))
            .collect();
        assert_eq!(got, want, "{answers:?}");
    }
}
