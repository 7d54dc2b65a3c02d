//! German catalogue. Exhaustive: no wildcard arms.
//!
//! Terms follow the German Bitrix24 UI: open lines are "Kommunikationskanäle"; pinning is
//! "anheften", unpinning "lösen"; whisper mode is "Flüstermodus".

use super::{Advice, Failures, Locale, Msg, NoChat, PluralForms};
use crate::domain::command::Action;
use crate::domain::install::{BindProblem, PlacementChange};
use crate::domain::state::Blocked;

pub(super) fn text(msg: &Msg) -> String {
    match msg {
        Msg::Title => "Dialogmodi".into(),
        Msg::Loading => "Dialog wird geladen…".into(),
        Msg::Saving => "Wird gespeichert…".into(),
        Msg::PinLabel => "Dialog anheften".into(),
        Msg::PinHintPinned => "Der Dialog bleibt bei Ihnen; sein automatisches Schließen \
                               verschiebt sich um etwa eine Woche."
            .into(),
        Msg::PinHintUnpinned => "Der Dialog folgt den Regeln der Warteschlange: Er kann neu \
                                 verteilt und automatisch geschlossen werden."
            .into(),
        Msg::WhisperLabel => "Flüstermodus".into(),
        Msg::WhisperHint => "Solange er aktiv ist, sieht der Kunde Ihre Nachrichten nicht; \
                             Kollegen im Chat sehen sie weiterhin."
            .into(),
        Msg::Blocked(Blocked::OtherOperator) => {
            "Dieser Dialog wird von einem anderen Operator bearbeitet".into()
        }
        Msg::Blocked(Blocked::NoSession) => "Dieser Dialog hat keine aktive Sitzung".into(),
        Msg::DialogPinned => "Der Dialog ist an Sie angeheftet.".into(),
        Msg::DialogUnpinned => "Der Dialog ist nicht mehr angeheftet.".into(),
        Msg::WhisperTurnedOn => "Der Flüstermodus ist an.".into(),
        Msg::WhisperTurnedOff => "Der Flüstermodus ist aus.".into(),
        Msg::BulkTitle => "Alle meine Dialoge".into(),
        Msg::PinAllButton => "Alle meine Dialoge anheften".into(),
        Msg::UnpinAllButton => "Alle meine Dialoge lösen".into(),
        Msg::ConfirmPinAll => "Alle Ihre aktiven Dialoge an Sie anheften?".into(),
        Msg::ConfirmUnpinAll => "Alle Ihre angehefteten Dialoge lösen?".into(),
        Msg::Confirm => "Bestätigen".into(),
        Msg::Cancel => "Abbrechen".into(),
        Msg::TryAgain => "Erneut versuchen".into(),
        Msg::PinnedCount(n) => super::count(
            Locale::De,
            *n,
            PluralForms {
                none: "Keine Dialoge mussten angeheftet werden",
                one: "{n} Dialog angeheftet",
                few: "{n} Dialoge angeheftet",
                other: "{n} Dialoge angeheftet",
            },
        ),
        Msg::UnpinnedCount(n) => super::count(
            Locale::De,
            *n,
            PluralForms {
                none: "Keine angehefteten Dialoge zum Lösen",
                one: "{n} Dialog gelöst",
                few: "{n} Dialoge gelöst",
                other: "{n} Dialoge gelöst",
            },
        ),
        Msg::Failed { action, problem } => FAILURES.failed(*action, *problem),
        Msg::NoHost => NO_HOST.into(),
        Msg::Placement(problem) => super::placement(problem, no_chat),
        Msg::NotOpenLine => "Dieser Chat ist kein Dialog eines Kommunikationskanals. Anheften und \
                             Flüstermodus funktionieren nur in Kommunikationskanal-Chats."
            .into(),
        Msg::NoDialogAccess => "Dieser Chat ist kein Dialog eines Kommunikationskanals, oder Sie \
                                haben keinen Zugriff darauf."
            .into(),
        Msg::PortalTooOld => PORTAL_TOO_OLD.into(),
        Msg::InitTimeout => {
            "Bitrix24 hat beim Start des Widgets nicht geantwortet. Laden Sie die Seite neu.".into()
        }
        Msg::AppPage => {
            "Öffnen Sie diese App aus der Seitenleiste eines Kommunikationskanal-Chats.".into()
        }
        Msg::AppAbout => "Heften Sie Dialoge der Kommunikationskanäle an sich an und schalten Sie den Flüstermodus direkt im Chat ein oder aus: Öffnen Sie einen Kommunikationskanal-Chat; „Dialogmodi“ finden Sie unter „Anwendungen“ in seiner Seitenleiste.".into(),
        Msg::SidebarTitle => "Chat-Seitenleiste".into(),
        Msg::SidebarChecking => "Chat-Seitenleiste wird geprüft…".into(),
        Msg::SidebarBound => "Das Widget ist in der Seitenleiste der Kommunikationskanal-Chats.".into(),
        Msg::SidebarBoundElsewhere => "Die Chat-Seitenleiste zeigt das Widget von einer anderen Adresse (einer früheren Version). Fügen Sie es erneut hinzu, um diese Version anzuzeigen.".into(),
        Msg::SidebarNotBound => "Das Widget ist nicht in der Chat-Seitenleiste. Operatoren sehen es erst, wenn es hinzugefügt wurde.".into(),
        Msg::SidebarAdminOnly => "Nur ein Bitrix24-Administrator kann das Widget zur Chat-Seitenleiste hinzufügen oder daraus entfernen.".into(),
        Msg::AddToSidebar => "Zur Chat-Seitenleiste hinzufügen".into(),
        Msg::ReaddToSidebar => "Erneut zur Chat-Seitenleiste hinzufügen".into(),
        Msg::RemoveFromSidebar => "Aus der Chat-Seitenleiste entfernen".into(),
        Msg::SidebarAdded => "Das Widget ist jetzt in der Seitenleiste der Kommunikationskanal-Chats.".into(),
        Msg::SidebarRemoved => "Das Widget wurde aus der Chat-Seitenleiste entfernt.".into(),
        Msg::InstallTitle => "Dialogmodi wird installiert".into(),
        Msg::InstallBinding => "Das Widget wird zur Seitenleiste der Kommunikationskanal-Chats hinzugefügt…".into(),
        Msg::InstallDone => "Installation abgeschlossen. Operatoren finden „Dialogmodi“ in der Seitenleiste der Kommunikationskanal-Chats.".into(),
        Msg::InstallStopped => "Die Installation wurde nicht abgeschlossen.".into(),
        Msg::PlacementFailed { change, problem } => FAILURES.placement_failed(*change, *problem),
    }
}

const NO_HOST: &str = "Bitrix24 ist auf dieser Seite nicht vorhanden. Öffnen Sie das Widget aus \
                       einem Kommunikationskanal-Chat in Ihrem Portal.";
const PORTAL_TOO_OLD: &str = "Dieses Portal hat die Methoden zum Anheften und für den \
     Flüstermodus noch nicht (imopenlines.session.mode.*). Bitten Sie Ihren Administrator, \
     Bitrix24 zu aktualisieren.";

fn what(action: Action) -> &'static str {
    match action {
        Action::Load => "Der Zustand des Dialogs konnte nicht gelesen werden.",
        Action::Pin => "Anheften fehlgeschlagen.",
        Action::Unpin => "Lösen fehlgeschlagen.",
        Action::WhisperOn => "Einschalten des Flüstermodus fehlgeschlagen.",
        Action::WhisperOff => "Ausschalten des Flüstermodus fehlgeschlagen.",
        Action::PinAll => "Anheften aller Ihrer Dialoge fehlgeschlagen.",
        Action::UnpinAll => "Lösen aller Ihrer Dialoge fehlgeschlagen.",
    }
}

fn unconfirmed(action: Action) -> &'static str {
    match action {
        Action::Load => "Der Zustand des Dialogs konnte nicht gelesen werden.",
        Action::Pin => "Anheften nicht bestätigt.",
        Action::Unpin => "Lösen nicht bestätigt.",
        Action::WhisperOn => "Einschalten des Flüstermodus nicht bestätigt.",
        Action::WhisperOff => "Ausschalten des Flüstermodus nicht bestätigt.",
        Action::PinAll => "Anheften aller Ihrer Dialoge nicht bestätigt.",
        Action::UnpinAll => "Lösen aller Ihrer Dialoge nicht bestätigt.",
    }
}

fn why(advice: Advice) -> &'static str {
    match advice {
        Advice::AuthLost => "Ihre Bitrix24-Anmeldung ist abgelaufen. Laden Sie die Seite neu.",
        Advice::ChatNotFound => "Bitrix24 hat diesen Chat nicht gefunden. Öffnen Sie den Chat erneut und versuchen Sie es noch einmal.",
        Advice::GarbledAll => "Bitrix24 hat unerwartet geantwortet. Einige Ihrer Dialoge wurden vielleicht geändert, vielleicht auch nicht; prüfen Sie sie in Ihrer Dialogliste, bevor Sie es erneut versuchen.",
        Advice::GarbledDialog => "Bitrix24 hat unerwartet geantwortet. Die Änderung wurde vielleicht übernommen, vielleicht auch nicht; der Schalter zeigt den aktuellen Zustand des Dialogs.",
        Advice::GarbledRead => "Bitrix24 hat unerwartet geantwortet. Versuchen Sie es erneut; wenn es wieder passiert, laden Sie die Seite neu.",
        Advice::MissingScope => "Die App hat keinen Zugriff auf Kommunikationskanäle. Bitten Sie Ihren Administrator, die App mit dem Bereich imopenlines neu zu installieren.",
        Advice::NoAccess => "Sie haben keine Berechtigung für diesen Dialog. Bitten Sie Ihren Administrator um Zugriff auf diesen Kommunikationskanal.",
        Advice::NoAnswerAll => "Bitrix24 hat nicht rechtzeitig geantwortet. Einige Ihrer Dialoge wurden vielleicht geändert, vielleicht auch nicht; prüfen Sie sie in Ihrer Dialogliste, bevor Sie es erneut versuchen.",
        Advice::NoAnswerDialog => "Bitrix24 hat nicht rechtzeitig geantwortet. Die Änderung wurde vielleicht übernommen, vielleicht auch nicht; der Schalter zeigt den aktuellen Zustand des Dialogs.",
        Advice::NoAnswerRead => "Bitrix24 hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        Advice::NoHost => NO_HOST,
        Advice::NotOpenLine => "Dieser Chat ist kein Dialog eines Kommunikationskanals; Anheften und Flüstermodus funktionieren nur dort.",
        Advice::NotOperatorOther => "Nur der Operator, der diesen Dialog bearbeitet, kann ihn ändern.",
        Advice::NotOperatorPin => "Nur der Operator, der diesen Dialog bearbeitet, kann ihn anheften oder lösen.",
        Advice::NotOperatorWhisper => "Nur der Operator, der diesen Dialog bearbeitet, kann den Flüstermodus umschalten.",
        Advice::PlanRestricted => "Bitrix24-Apps funktionieren nur in kommerziellen Tarifen. Fragen Sie Ihren Administrator nach dem Tarif des Portals.",
        Advice::PortalTooOldRead => "Diesem Portal fehlt die Methode, mit der das Widget den Dialog liest (imopenlines.dialog.get). Bitten Sie Ihren Administrator, Bitrix24 zu aktualisieren.",
        Advice::PortalTooOldWrite => PORTAL_TOO_OLD,
        Advice::RateLimited => "Bitrix24 erhält gerade zu viele Anfragen. Warten Sie eine Minute und versuchen Sie es erneut.",
        Advice::ServerModule => "Das Messenger-Modul des Portals ist nicht gestartet. Versuchen Sie es später erneut; wenn es wieder passiert, informieren Sie Ihren Administrator.",
        Advice::TimeLimited => "Die App hat ihr Zeitlimit in Bitrix24 vorerst ausgeschöpft. Warten Sie eine Minute und versuchen Sie es erneut.",
        Advice::Unknown => "Etwas Unerwartetes ist passiert. Versuchen Sie es erneut; wenn es wieder passiert, laden Sie die Seite neu.",
    }
}

fn placement_head(change: PlacementChange) -> &'static str {
    match change {
        PlacementChange::Install => "Die App konnte nicht installiert werden.",
        PlacementChange::Check => "Die Chat-Seitenleiste konnte nicht geprüft werden.",
        PlacementChange::Add => "Das Widget konnte nicht zur Chat-Seitenleiste hinzugefügt werden.",
        PlacementChange::Readd => {
            "Das Widget konnte nicht erneut zur Chat-Seitenleiste hinzugefügt werden."
        }
        PlacementChange::Remove => {
            "Das Widget konnte nicht aus der Chat-Seitenleiste entfernt werden."
        }
        PlacementChange::InstallCheck => {
            "Es konnte nicht geprüft werden, ob die Installation der App abgeschlossen ist."
        }
    }
}

fn placement_why(problem: BindProblem) -> &'static str {
    match problem {
        BindProblem::NotAdmin => "Das kann nur ein Bitrix24-Administrator. Bitten Sie Ihren Administrator, die App zu öffnen.",
        BindProblem::MissingScope => "Die App hat keinen Zugriff auf Einbettungen. Geben Sie der App in Bitrix24 die Berechtigungen placement, im und imopenlines und installieren Sie sie neu.",
        BindProblem::Rejected => "Bitrix24 hat die Einstellungen der Seitenleiste abgelehnt; Details stehen in der Browserkonsole. Informieren Sie den Entwickler der App.",
        BindProblem::AuthLost => "Ihre Bitrix24-Autorisierung ist abgelaufen. Laden Sie die Seite neu.",
        BindProblem::NoAnswer => "Bitrix24 hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        BindProblem::Busy => "Bitrix24 erhält gerade zu viele Anfragen. Warten Sie eine Minute und versuchen Sie es erneut.",
        BindProblem::Unknown => "Etwas Unerwartetes ist passiert. Versuchen Sie es erneut; wenn es wieder passiert, laden Sie die Seite neu.",
    }
}

fn no_chat(kind: NoChat) -> &'static str {
    match kind {
        NoChat::NotSaid => {
            "Bitrix24 hat dem Widget nicht mitgeteilt, welcher Chat geöffnet ist. Öffnen Sie den Chat erneut und starten Sie das Widget aus seiner Seitenleiste."
        }
        NoChat::Private => {
            "Dies ist ein privater Chat. Anheften und Flüstermodus funktionieren nur in Kommunikationskanal-Chats."
        }
    }
}

/// The tables this language's failure texts are made of.
const FAILURES: Failures = Failures::new(what, unconfirmed, why, placement_head, placement_why);
