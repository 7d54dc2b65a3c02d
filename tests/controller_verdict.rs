//! The decision table: what the user sees for every command × write outcome × re-read, and for
//! every read result. Pure functions of `controller::verdict`, run natively.

use openline_modes::app::FrameFit;
use openline_modes::controller::verdict::{
    after_answer, after_placement, after_read, after_write, confirm_question, pin_switch,
    retry_focus, whisper_switch, AfterAnswer, Binding, Control, Focus, HomeChange, HomeView,
    InstallStep, Phase, ReRead, ReadOrder, Retry, Say, SwitchView, Verdict,
};
use openline_modes::controller::{Outcome, Snapshot};
use openline_modes::domain::command::{Action, Command};
use openline_modes::domain::dialog::ChatId;
use openline_modes::domain::error::{CallError, Problem};
use openline_modes::domain::install::{Bindings, Home, HomeBinding, PlacementChange};
use openline_modes::domain::route::Route;
use openline_modes::domain::state::{Blocked, CurrentUser, DialogKind, DialogState, Permissions};
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

// ---------------------------------------------------------------------------------------------
// What the views render: each decided here, so the views only show it.
// ---------------------------------------------------------------------------------------------

fn switch(checked: bool, busy: bool, line: Msg, click: Option<Command>) -> SwitchView {
    SwitchView {
        checked,
        busy,
        disabled: false,
        line,
        click,
    }
}

#[test]
fn a_switch_shows_the_portal_state_and_a_click_sends_its_opposite() {
    let c = chat();
    let unpinned = snapshot(state(false, false));
    let pinned = snapshot(state(true, true));
    assert_eq!(
        pin_switch(&unpinned, false),
        switch(false, false, Msg::PinHintUnpinned, Some(Command::Pin(c)))
    );
    assert_eq!(
        pin_switch(&pinned, false),
        switch(true, false, Msg::PinHintPinned, Some(Command::Unpin(c)))
    );
    assert_eq!(
        whisper_switch(&unpinned, false),
        switch(false, false, Msg::WhisperHint, Some(Command::WhisperOn(c)))
    );
    assert_eq!(
        whisper_switch(&pinned, false),
        switch(true, false, Msg::WhisperHint, Some(Command::WhisperOff(c)))
    );
}

#[test]
fn a_busy_switch_says_saving_and_ignores_clicks() {
    let s = snapshot(state(true, false));
    assert_eq!(pin_switch(&s, true), switch(true, true, Msg::Saving, None));
    assert_eq!(
        whisper_switch(&s, true),
        switch(false, true, Msg::Saving, None)
    );
}

#[test]
fn a_blocked_switch_says_why_and_ignores_clicks() {
    let mut s = snapshot(state(false, false));
    s.permissions = Permissions {
        pin: Err(Blocked::OtherOperator),
        whisper: Err(Blocked::NoSession),
    };
    let blocked = |line: Msg| SwitchView {
        checked: false,
        busy: false,
        disabled: true,
        line,
        click: None,
    };
    assert_eq!(
        pin_switch(&s, false),
        blocked(Msg::Blocked(Blocked::OtherOperator))
    );
    assert_eq!(
        whisper_switch(&s, false),
        blocked(Msg::Blocked(Blocked::NoSession))
    );
    // While busy (a write sent before the block was read), "Saving…" says what is happening.
    assert_eq!(pin_switch(&s, true).line, Msg::Saving);
}

#[test]
fn each_switch_has_its_own_write_in_flight_and_the_bulk_buttons_share_one() {
    let c = chat();
    assert_eq!(Control::of(Command::Pin(c)), Control::Pin);
    assert_eq!(Control::of(Command::Unpin(c)), Control::Pin);
    assert_eq!(Control::of(Command::WhisperOn(c)), Control::Whisper);
    assert_eq!(Control::of(Command::WhisperOff(c)), Control::Whisper);
    assert_eq!(Control::of(Command::PinAll), Control::Bulk);
    assert_eq!(Control::of(Command::UnpinAll), Control::Bulk);
}

#[test]
fn focus_goes_to_the_element_of_each_control() {
    let c = chat();
    let cases = [
        (Focus::Control(Command::Pin(c)), "olm-pin"),
        (Focus::Control(Command::Unpin(c)), "olm-pin"),
        (Focus::Control(Command::WhisperOn(c)), "olm-whisper"),
        (Focus::Control(Command::WhisperOff(c)), "olm-whisper"),
        (Focus::Control(Command::PinAll), "olm-pin-all"),
        (Focus::Control(Command::UnpinAll), "olm-unpin-all"),
        (Focus::BindButton(Home::Textarea), "olm-textarea-bind"),
        (Focus::BindButton(Home::Sidebar), "olm-sidebar-bind"),
        (Focus::HomesState, "olm-homes-title"),
        (Focus::InstallTitle, "olm-install-title"),
    ];
    for (focus, id) in cases {
        assert_eq!(focus.element_id(), id, "{focus:?}");
    }
}

#[test]
fn pin_all_and_unpin_all_each_ask_their_own_question() {
    assert_eq!(confirm_question(Command::PinAll), Msg::ConfirmPinAll);
    assert_eq!(confirm_question(Command::UnpinAll), Msg::ConfirmUnpinAll);
}

#[test]
fn try_again_after_a_failed_first_read_shows_the_placeholder_and_nothing_else_changes() {
    assert_eq!(Phase::Unreadable.rereading(), Phase::Loading);
    for phase in [
        Phase::Loading,
        Phase::Ready,
        Phase::Cannot(Msg::NotOpenLine),
    ] {
        assert_eq!(phase.rereading(), phase);
    }
}

#[test]
fn coming_back_to_the_chat_reads_again_only_over_the_controls() {
    assert!(Phase::Ready.rereads_on_return());
    for phase in [
        Phase::Loading,
        Phase::Unreadable,
        Phase::Cannot(Msg::NoHost),
    ] {
        assert!(!phase.rereads_on_return(), "{phase:?}");
    }
    assert!(Phase::Cannot(Msg::NoHost).replaced());
    assert!(!Phase::Ready.replaced());
}

#[test]
fn the_state_shown_mark_is_placed_when_a_state_first_replaces_the_placeholder() {
    let ok = || Ok(snapshot(state(false, false)));
    let read = after_read(ok(), &Phase::Loading, false);
    assert!(read.first_shown(&Phase::Loading));
    assert_eq!(read.reread(), ReRead::Fresh);
    let again = after_read(ok(), &Phase::Ready, true);
    assert!(
        !again.first_shown(&Phase::Ready),
        "a re-read is not a first showing"
    );
    let failed = after_read(Err(CallError::Timeout), &Phase::Loading, false);
    assert!(!failed.first_shown(&Phase::Loading));
    assert_eq!(failed.reread(), ReRead::Failed);
    // A state that is not an open line shows no state: the write waiting on it could not
    // tell from it whether it took.
    let mut other = snapshot(state(false, false));
    other.state.kind = DialogKind::Other("chat".into());
    assert_eq!(
        after_read(Ok(other), &Phase::Ready, true).reread(),
        ReRead::Failed
    );
}

fn read(textarea: HomeBinding, sidebar: HomeBinding) -> Binding {
    Binding::Read(Bindings {
        textarea,
        sidebar,
        navigation: HomeBinding::NotBound,
    })
}

#[test]
fn the_line_above_the_homes_says_who_may_see_them_and_warns_when_none_has_the_widget() {
    assert_eq!(Binding::AdminOnly.line(), Some(Msg::HomesAdminOnly));
    assert_eq!(Binding::Checking.line(), Some(Msg::HomesChecking));
    assert_eq!(Binding::Unreadable.line(), None, "the alert says why");
    let none = read(HomeBinding::NotBound, HomeBinding::NotBound);
    assert_eq!(none.line(), Some(Msg::HomesNone));
    assert!(none.warns());
    let one = read(HomeBinding::Bound, HomeBinding::NotBound);
    assert_eq!(one.line(), None);
    for quiet in [
        one.clone(),
        Binding::AdminOnly,
        Binding::Checking,
        Binding::Unreadable,
    ] {
        assert!(!quiet.warns(), "{quiet:?}");
    }
    assert_eq!(Binding::Unreadable.rechecking(), Binding::Checking);
    assert_eq!(one.rechecking(), one, "a re-read keeps what is shown");
}

#[test]
fn a_home_row_offers_add_where_unbound_and_re_add_and_remove_where_bound_at_all() {
    let home = Home::Sidebar;
    for known in [Binding::AdminOnly, Binding::Checking, Binding::Unreadable] {
        assert_eq!(known.home(home), None, "{known:?}: no buttons");
    }
    let elsewhere = HomeBinding::BoundElsewhere(vec!["https://old.example/".into()]);
    let cases = [
        (
            HomeBinding::NotBound,
            HomeView {
                line: Msg::HomeNotBound(home),
                add: HomeChange::Add(home),
                add_label: Msg::AddTo(home),
                remove: None,
            },
        ),
        (
            HomeBinding::Bound,
            HomeView {
                line: Msg::HomeBound(home),
                add: HomeChange::Readd(home),
                add_label: Msg::ReaddTo(home),
                remove: Some(HomeChange::Remove(home)),
            },
        ),
        (
            elsewhere,
            HomeView {
                line: Msg::HomeBoundElsewhere(home),
                add: HomeChange::Readd(home),
                add_label: Msg::ReaddTo(home),
                remove: Some(HomeChange::Remove(home)),
            },
        ),
    ];
    for (binding, expected) in cases {
        let known = read(HomeBinding::NotBound, binding.clone());
        assert_eq!(known.home(home), Some(expected), "{binding:?}");
    }
}

#[test]
fn the_install_page_says_it_is_binding_or_stopped_and_nothing_once_done() {
    assert_eq!(InstallStep::Binding.line(), Some(Msg::InstallBinding));
    assert_eq!(InstallStep::Stopped.line(), Some(Msg::InstallStopped));
    assert_eq!(InstallStep::Done.line(), None, "the status region says so");
}

#[test]
fn the_popup_above_the_chat_input_keeps_its_size_and_other_frames_follow_the_content() {
    let c = chat();
    assert_eq!(FrameFit::of(None), FrameFit::Unknown);
    assert_eq!(
        FrameFit::of(Some(&Route::Widget(Home::Textarea, c))),
        FrameFit::Fixed
    );
    assert_eq!(
        FrameFit::of(Some(&Route::Widget(Home::Sidebar, c))),
        FrameFit::Follow
    );
    assert_eq!(FrameFit::of(Some(&Route::AppPage)), FrameFit::Follow);
}

#[test]
fn a_bulk_count_that_differs_from_the_lists_forecast_says_what_was_expected() {
    use openline_modes::controller::verdict::{against_forecast, Say, Verdict};
    let status = |msg: Msg| Verdict {
        say: Say::Status(msg),
        retry: None,
        replace: None,
        focus: None,
    };
    // As forecast: the count alone.
    assert_eq!(
        against_forecast(status(Msg::PinnedCount(3)), 3),
        status(Msg::PinnedCount(3))
    );
    // Not as forecast: both.
    assert_eq!(
        against_forecast(status(Msg::PinnedCount(2)), 3),
        status(Msg::AgainstForecast {
            done: Box::new(Msg::PinnedCount(2)),
            expected: 3
        })
    );
    assert_eq!(
        against_forecast(status(Msg::UnpinnedCount(0)), 1),
        status(Msg::AgainstForecast {
            done: Box::new(Msg::UnpinnedCount(0)),
            expected: 1
        })
    );
    // A failure is not a count: it stays as it is.
    let failed = Verdict {
        say: Say::Alert(Msg::Failed {
            action: Action::PinAll,
            problem: Problem::Unknown,
        }),
        retry: Some(openline_modes::controller::verdict::Retry::Command(
            Command::PinAll,
        )),
        replace: None,
        focus: None,
    };
    assert_eq!(against_forecast(failed.clone(), 3), failed);
}

#[test]
fn a_failed_read_of_the_list_says_why_and_offers_to_read_again() {
    use openline_modes::controller::verdict::{list_read, Retry, Say};
    assert_eq!(list_read(&Ok(())).say, Say::Nothing);
    let verdict = list_read::<()>(&Err(CallError::Timeout));
    assert_eq!(
        verdict.say,
        Say::Alert(Msg::Failed {
            action: Action::Load,
            problem: Problem::NoAnswer
        })
    );
    assert_eq!(verdict.retry, Some(Retry::Read));
}

#[test]
fn a_row_of_the_list_shows_its_channel_stage_and_operator_and_switches_like_the_sidebar() {
    use openline_modes::controller::verdict::{row_view, RowView};
    use openline_modes::domain::recent::{DialogList, DialogRow, Stage};
    let row = |channel: &str, mine: bool, pin: Result<(), Blocked>| DialogRow {
        state: state(true, false),
        stage: Stage::InWork,
        session: 343,
        channel: channel.into(),
        mine,
        permissions: Permissions {
            pin,
            whisper: Ok(()),
        },
    };
    let list = |row: DialogRow| DialogList {
        rows: vec![row],
        me: CurrentUser { id: 1 },
        skipped: 0,
    };
    let (view, snapshot) = row_view(&list(row("viber", true, Ok(()))), chat()).unwrap();
    assert_eq!(
        view,
        RowView {
            title: state(true, false).title,
            channel: Some(Msg::Channel("viber".into())),
            stage: Stage::InWork,
            responsible: Msg::Responsible(true),
        }
    );
    // The switches read it as the sidebar does: pinned, and a click unpins.
    assert_eq!(
        pin_switch(&snapshot, false).click,
        Some(Command::Unpin(chat()))
    );
    // No channel said: nothing shown; someone else's dialog: no pin.
    let (view, snapshot) =
        row_view(&list(row("", false, Err(Blocked::OtherOperator))), chat()).unwrap();
    assert_eq!(view.channel, None);
    assert_eq!(view.responsible, Msg::Responsible(false));
    assert_eq!(pin_switch(&snapshot, false).click, None);
    // Not listed: no row.
    assert!(row_view(&list(row("viber", true, Ok(()))), ChatId::new(99).unwrap()).is_none());
}

#[test]
fn the_bulk_question_on_the_list_counts_what_the_forecast_will_change() {
    use openline_modes::controller::verdict::forecast_question;
    use openline_modes::domain::recent::{DialogList, DialogRow, Stage};
    let row = |pinned: bool, session: u64| DialogRow {
        state: state(pinned, false),
        stage: Stage::InWork,
        session,
        channel: String::new(),
        mine: true,
        permissions: Permissions {
            pin: Ok(()),
            whisper: Ok(()),
        },
    };
    let list = DialogList {
        rows: vec![row(false, 1), row(false, 2), row(true, 3)],
        me: CurrentUser { id: 1 },
        skipped: 0,
    };
    assert_eq!(
        forecast_question(Some(&list), Command::PinAll),
        Msg::ConfirmPinAllCount(2)
    );
    assert_eq!(
        forecast_question(Some(&list), Command::UnpinAll),
        Msg::ConfirmUnpinAllCount(1)
    );
    // Before the list is read: none.
    assert_eq!(
        forecast_question(None, Command::PinAll),
        Msg::ConfirmPinAllCount(0)
    );
}
