//! English catalogue (also the fallback). Exhaustive: no wildcard arms.

use super::{Advice, Failures, Locale, Msg, NoChat, PluralForms};
use crate::domain::command::Action;
use crate::domain::install::{BindProblem, PlacementChange};
use crate::domain::state::Blocked;

pub(super) fn text(msg: &Msg) -> String {
    match msg {
        Msg::Title => "Dialog modes".into(),
        Msg::Loading => "Loading dialog…".into(),
        Msg::Saving => "Saving…".into(),
        Msg::PinLabel => "Pin dialog".into(),
        Msg::PinHintPinned => {
            "The dialog stays with you; its auto-close moves about a week ahead.".into()
        }
        Msg::PinHintUnpinned => {
            "The dialog follows the queue rules: it can be redistributed and auto-closed.".into()
        }
        Msg::WhisperLabel => "Whisper mode".into(),
        Msg::WhisperHint => {
            "While it is on, the client does not see your messages; colleagues in the chat still do."
                .into()
        }
        Msg::Blocked(Blocked::OtherOperator) => "This dialog is handled by another operator".into(),
        Msg::Blocked(Blocked::NoSession) => "This dialog has no active session".into(),
        Msg::DialogPinned => "The dialog is pinned to you.".into(),
        Msg::DialogUnpinned => "The dialog is unpinned.".into(),
        Msg::WhisperTurnedOn => "Whisper mode is on.".into(),
        Msg::WhisperTurnedOff => "Whisper mode is off.".into(),
        Msg::BulkTitle => "All my dialogs".into(),
        Msg::PinAllButton => "Pin all my dialogs".into(),
        Msg::UnpinAllButton => "Unpin all my dialogs".into(),
        Msg::ConfirmPinAll => "Pin all your active dialogs to you?".into(),
        Msg::ConfirmUnpinAll => "Unpin all your pinned dialogs?".into(),
        Msg::Confirm => "Confirm".into(),
        Msg::Cancel => "Cancel".into(),
        Msg::TryAgain => "Try again".into(),
        Msg::PinnedCount(n) => super::count(
            Locale::En,
            *n,
            PluralForms {
                none: "No dialogs needed pinning",
                one: "{n} dialog pinned",
                few: "{n} dialogs pinned",
                other: "{n} dialogs pinned",
            },
        ),
        Msg::UnpinnedCount(n) => super::count(
            Locale::En,
            *n,
            PluralForms {
                none: "No pinned dialogs to unpin",
                one: "{n} dialog unpinned",
                few: "{n} dialogs unpinned",
                other: "{n} dialogs unpinned",
            },
        ),
        Msg::Failed { action, problem } => FAILURES.failed(*action, *problem),
        Msg::NoHost => NO_HOST.into(),
        Msg::Placement(problem) => super::placement(problem, no_chat),
        Msg::NotOpenLine => "This chat is not an open-line dialog. Pin and whisper mode work only \
                             in open-line chats."
            .into(),
        Msg::NoDialogAccess => {
            "This chat is not an open-line dialog, or you do not have access to it.".into()
        }
        Msg::PortalTooOld => PORTAL_TOO_OLD.into(),
        Msg::InitTimeout => {
            "Bitrix24 did not answer while the widget was starting. Reload the page.".into()
        }
        Msg::AppPage => "Open this app from an open-line chat sidebar.".into(),
        Msg::AppAbout => "Pin open-line dialogs to yourself and turn whisper mode on or off right in the chat: open an open-line chat and find “Dialog modes” under Applications in its sidebar.".into(),
        Msg::SidebarTitle => "Chat sidebar".into(),
        Msg::SidebarChecking => "Checking the chat sidebar…".into(),
        Msg::SidebarBound => "The widget is in the sidebar of open-line chats.".into(),
        Msg::SidebarBoundElsewhere => "The chat sidebar shows the widget from another address (an earlier version). Re-add it to show this version.".into(),
        Msg::SidebarNotBound => "The widget is not in the chat sidebar. Operators will not see it until it is added.".into(),
        Msg::SidebarAdminOnly => "Only a Bitrix24 administrator can add the widget to the chat sidebar or remove it.".into(),
        Msg::AddToSidebar => "Add to the chat sidebar".into(),
        Msg::ReaddToSidebar => "Re-add to the chat sidebar".into(),
        Msg::RemoveFromSidebar => "Remove from the chat sidebar".into(),
        Msg::SidebarAdded => "The widget is now in the sidebar of open-line chats.".into(),
        Msg::SidebarRemoved => "The widget was removed from the chat sidebar.".into(),
        Msg::InstallTitle => "Installing Dialog modes".into(),
        Msg::InstallBinding => "Adding the widget to the sidebar of open-line chats…".into(),
        Msg::InstallDone => "Installation complete. Operators find “Dialog modes” in the sidebar of open-line chats.".into(),
        Msg::InstallStopped => "The installation did not complete.".into(),
        Msg::PlacementFailed { change, problem } => FAILURES.placement_failed(*change, *problem),
    }
}

const NO_HOST: &str =
    "Bitrix24 is not around this page. Open the widget from an open-line chat in your portal.";
const PORTAL_TOO_OLD: &str = "This portal does not have the pin and whisper methods yet \
     (imopenlines.session.mode.*). Ask your administrator to update Bitrix24.";

fn what(action: Action) -> &'static str {
    match action {
        Action::Load => "Could not read the dialog state.",
        Action::Pin => "Pinning failed.",
        Action::Unpin => "Unpinning failed.",
        Action::WhisperOn => "Turning whisper mode on failed.",
        Action::WhisperOff => "Turning whisper mode off failed.",
        Action::PinAll => "Pinning all your dialogs failed.",
        Action::UnpinAll => "Unpinning all your dialogs failed.",
    }
}

fn unconfirmed(action: Action) -> &'static str {
    match action {
        Action::Load => "Could not read the dialog state.",
        Action::Pin => "Pinning was not confirmed.",
        Action::Unpin => "Unpinning was not confirmed.",
        Action::WhisperOn => "Turning whisper mode on was not confirmed.",
        Action::WhisperOff => "Turning whisper mode off was not confirmed.",
        Action::PinAll => "Pinning all your dialogs was not confirmed.",
        Action::UnpinAll => "Unpinning all your dialogs was not confirmed.",
    }
}

fn why(advice: Advice) -> &'static str {
    match advice {
        Advice::AuthLost => "Your Bitrix24 authorization has expired. Reload the page.",
        Advice::ChatNotFound => "Bitrix24 could not find this chat. Reopen the chat and try again.",
        Advice::GarbledAll => "Bitrix24 answered with something unexpected. Some of your dialogs may or may not have been changed; check them in your dialog list before trying again.",
        Advice::GarbledDialog => "Bitrix24 answered with something unexpected. The change may or may not have been applied; the switch shows the dialog's current state.",
        Advice::GarbledRead => "Bitrix24 answered with something unexpected. Try again; if it keeps happening, reload the page.",
        Advice::MissingScope => "The app has no access to open lines. Ask your administrator to reinstall the app with the imopenlines scope.",
        Advice::NoAccess => "You do not have permission for this dialog. Ask your administrator for access to this open line.",
        Advice::NoAnswerAll => "Bitrix24 did not answer in time. Some of your dialogs may or may not have been changed; check them in your dialog list before trying again.",
        Advice::NoAnswerDialog => "Bitrix24 did not answer in time. The change may or may not have been applied; the switch shows the dialog's current state.",
        Advice::NoAnswerRead => "Bitrix24 did not answer in time. Check your connection and try again.",
        Advice::NoHost => NO_HOST,
        Advice::NotOpenLine => "This chat is not an open-line dialog; pin and whisper mode work only there.",
        Advice::NotOperatorOther => "Only the operator who handles this dialog can change it.",
        Advice::NotOperatorPin => "Only the operator who handles this dialog can pin or unpin it.",
        Advice::NotOperatorWhisper => "Only the operator who handles this dialog can switch its whisper mode.",
        Advice::PlanRestricted => "Bitrix24 apps work only on commercial plans. Ask your administrator about the portal's plan.",
        Advice::PortalTooOldRead => "This portal does not have the method the widget reads the dialog with (imopenlines.dialog.get). Ask your administrator to update Bitrix24.",
        Advice::PortalTooOldWrite => PORTAL_TOO_OLD,
        Advice::RateLimited => "Bitrix24 is receiving too many requests right now. Wait a minute and try again.",
        Advice::ServerModule => "The messenger module on the portal did not start. Try again later; if it keeps happening, tell your administrator.",
        Advice::TimeLimited => "The app has used up its Bitrix24 time limit for now. Wait a minute and try again.",
        Advice::Unknown => "Something unexpected happened. Try again; if it keeps happening, reload the page.",
    }
}

fn placement_head(change: PlacementChange) -> &'static str {
    match change {
        PlacementChange::Install => "The app could not be installed.",
        PlacementChange::Check => "Could not check the chat sidebar.",
        PlacementChange::Add => "Could not add the widget to the chat sidebar.",
        PlacementChange::Readd => "Could not re-add the widget to the chat sidebar.",
        PlacementChange::Remove => "Could not remove the widget from the chat sidebar.",
        PlacementChange::InstallCheck => {
            "Could not check whether the app's installation is complete."
        }
    }
}

fn placement_why(problem: BindProblem) -> &'static str {
    match problem {
        BindProblem::NotAdmin => "Only a Bitrix24 administrator can do this. Ask your administrator to open the app.",
        BindProblem::MissingScope => "The app has no access to placements. Give the app the placement, im and imopenlines scopes in Bitrix24 and reinstall it.",
        BindProblem::Rejected => "Bitrix24 refused the sidebar settings; the details are in the browser console. Tell the app's developer.",
        BindProblem::AuthLost => "Your Bitrix24 authorization has expired. Reload the page.",
        BindProblem::NoAnswer => "Bitrix24 did not answer in time. Check your connection and try again.",
        BindProblem::Busy => "Bitrix24 is receiving too many requests right now. Wait a minute and try again.",
        BindProblem::Unknown => "Something unexpected happened. Try again; if it keeps happening, reload the page.",
    }
}

fn no_chat(kind: NoChat) -> &'static str {
    match kind {
        NoChat::NotSaid => {
            "Bitrix24 did not tell the widget which chat is open. Reopen the chat and open the widget from its sidebar."
        }
        NoChat::Private => {
            "This is a private chat. Pin and whisper mode work only in open-line chats."
        }
    }
}

/// The tables this language's failure texts are made of.
const FAILURES: Failures = Failures::new(what, unconfirmed, why, placement_head, placement_why);
