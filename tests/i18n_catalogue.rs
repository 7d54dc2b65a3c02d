//! The catalogues: plural rules, completeness in every locale, the exact required texts, and
//! Bitrix24 `LANG` codes.

use std::collections::HashSet;

use openline_modes::domain::command::Action;
use openline_modes::domain::dialog::PlacementProblem;
use openline_modes::domain::error::Problem;
use openline_modes::domain::install::{BindProblem, PlacementChange};
use openline_modes::domain::state::Blocked;
use openline_modes::i18n::{category, text, Locale, Msg, PluralCategory};

/// One sample of every message (every Action × Problem for `Failed`, every Blocked and
/// PlacementProblem, several counts).
fn all_msgs() -> Vec<Msg> {
    let mut all = vec![
        Msg::Title,
        Msg::Loading,
        Msg::Saving,
        Msg::PinLabel,
        Msg::PinHintPinned,
        Msg::PinHintUnpinned,
        Msg::WhisperLabel,
        Msg::WhisperHint,
        Msg::DialogPinned,
        Msg::DialogUnpinned,
        Msg::WhisperTurnedOn,
        Msg::WhisperTurnedOff,
        Msg::BulkTitle,
        Msg::PinAllButton,
        Msg::UnpinAllButton,
        Msg::ConfirmPinAll,
        Msg::ConfirmUnpinAll,
        Msg::Confirm,
        Msg::Cancel,
        Msg::TryAgain,
        Msg::NoHost,
        Msg::NotOpenLine,
        Msg::NoDialogAccess,
        Msg::PortalTooOld,
        Msg::InitTimeout,
        Msg::AppPage,
        Msg::AppAbout,
        Msg::SidebarTitle,
        Msg::SidebarChecking,
        Msg::SidebarBound,
        Msg::SidebarBoundElsewhere,
        Msg::SidebarNotBound,
        Msg::SidebarAdminOnly,
        Msg::AddToSidebar,
        Msg::ReaddToSidebar,
        Msg::RemoveFromSidebar,
        Msg::SidebarAdded,
        Msg::SidebarRemoved,
        Msg::InstallTitle,
        Msg::InstallBinding,
        Msg::InstallDone,
        Msg::InstallStopped,
        Msg::Placement(PlacementProblem::MissingOptions),
        Msg::Placement(PlacementProblem::MissingDialogId),
        Msg::Placement(PlacementProblem::PrivateChat {
            dialog_id: "5".into(),
        }),
        Msg::Placement(PlacementProblem::NotAChatId {
            dialog_id: "chat0".into(),
        }),
    ];
    all.extend(Blocked::ALL.map(Msg::Blocked));
    for n in [0, 1, 2, 5, 11, 21, 22, 25, 101, 111] {
        all.push(Msg::PinnedCount(n));
        all.push(Msg::UnpinnedCount(n));
    }
    for action in Action::ALL {
        for problem in Problem::ALL {
            all.push(Msg::Failed { action, problem });
        }
    }
    for change in PlacementChange::ALL {
        for problem in BindProblem::ALL {
            all.push(Msg::PlacementFailed { change, problem });
        }
    }
    all
}

/// The variant's name. Exhaustive on purpose: a new `Msg` variant stops this test from compiling
/// until it is named here, added to `all_msgs` and counted in `VARIANTS`.
fn variant(msg: &Msg) -> &'static str {
    match msg {
        Msg::Title => "Title",
        Msg::Loading => "Loading",
        Msg::Saving => "Saving",
        Msg::PinLabel => "PinLabel",
        Msg::PinHintPinned => "PinHintPinned",
        Msg::PinHintUnpinned => "PinHintUnpinned",
        Msg::WhisperLabel => "WhisperLabel",
        Msg::WhisperHint => "WhisperHint",
        Msg::Blocked(_) => "Blocked",
        Msg::DialogPinned => "DialogPinned",
        Msg::DialogUnpinned => "DialogUnpinned",
        Msg::WhisperTurnedOn => "WhisperTurnedOn",
        Msg::WhisperTurnedOff => "WhisperTurnedOff",
        Msg::BulkTitle => "BulkTitle",
        Msg::PinAllButton => "PinAllButton",
        Msg::UnpinAllButton => "UnpinAllButton",
        Msg::ConfirmPinAll => "ConfirmPinAll",
        Msg::ConfirmUnpinAll => "ConfirmUnpinAll",
        Msg::Confirm => "Confirm",
        Msg::Cancel => "Cancel",
        Msg::TryAgain => "TryAgain",
        Msg::PinnedCount(_) => "PinnedCount",
        Msg::UnpinnedCount(_) => "UnpinnedCount",
        Msg::Failed { .. } => "Failed",
        Msg::NoHost => "NoHost",
        Msg::Placement(_) => "Placement",
        Msg::NotOpenLine => "NotOpenLine",
        Msg::NoDialogAccess => "NoDialogAccess",
        Msg::PortalTooOld => "PortalTooOld",
        Msg::InitTimeout => "InitTimeout",
        Msg::AppPage => "AppPage",
        Msg::AppAbout => "AppAbout",
        Msg::SidebarTitle => "SidebarTitle",
        Msg::SidebarChecking => "SidebarChecking",
        Msg::SidebarBound => "SidebarBound",
        Msg::SidebarBoundElsewhere => "SidebarBoundElsewhere",
        Msg::SidebarNotBound => "SidebarNotBound",
        Msg::SidebarAdminOnly => "SidebarAdminOnly",
        Msg::AddToSidebar => "AddToSidebar",
        Msg::ReaddToSidebar => "ReaddToSidebar",
        Msg::RemoveFromSidebar => "RemoveFromSidebar",
        Msg::SidebarAdded => "SidebarAdded",
        Msg::SidebarRemoved => "SidebarRemoved",
        Msg::InstallTitle => "InstallTitle",
        Msg::InstallBinding => "InstallBinding",
        Msg::InstallDone => "InstallDone",
        Msg::InstallStopped => "InstallStopped",
        Msg::PlacementFailed { .. } => "PlacementFailed",
    }
}
const VARIANTS: usize = 48;

#[test]
fn the_sample_covers_every_message_variant() {
    let seen: HashSet<&str> = all_msgs().iter().map(variant).collect();
    assert_eq!(seen.len(), VARIANTS);
}

#[test]
fn every_message_has_a_clean_non_empty_text_in_every_locale() {
    for locale in Locale::ALL {
        for msg in all_msgs() {
            let t = text(locale, &msg);
            assert!(!t.trim().is_empty(), "{locale:?} {msg:?}");
            assert_eq!(t.trim(), t, "{locale:?} {msg:?}: stray whitespace");
            assert!(
                !t.contains("  "),
                "{locale:?} {msg:?}: double space in {t:?}"
            );
            assert!(!t.contains('\n'), "{locale:?} {msg:?}");
            assert!(
                !t.contains('{') && !t.contains('#'),
                "{locale:?} {msg:?}: placeholder"
            );
            assert_eq!(locale.text(&msg), t);
        }
    }
}

#[test]
fn every_translation_differs_from_english_and_ukrainian_from_russian() {
    for msg in all_msgs() {
        let en = text(Locale::En, &msg);
        for locale in [Locale::Ru, Locale::De, Locale::Ua] {
            assert_ne!(text(locale, &msg), en, "{locale:?} {msg:?} is untranslated");
        }
        assert_ne!(
            text(Locale::Ua, &msg),
            text(Locale::Ru, &msg),
            "ua = ru for {msg:?}"
        );
    }
}

#[test]
fn russian_and_ukrainian_texts_are_in_cyrillic() {
    for msg in all_msgs() {
        for locale in [Locale::Ru, Locale::Ua] {
            let t = text(locale, &msg);
            assert!(
                t.chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                "{locale:?} {msg:?}: {t}"
            );
        }
    }
}

#[test]
fn each_problem_gets_its_own_advice_for_every_action_and_locale() {
    for locale in Locale::ALL {
        for action in Action::ALL {
            let texts: HashSet<String> = Problem::ALL
                .iter()
                .map(|&problem| text(locale, &Msg::Failed { action, problem }))
                .collect();
            assert_eq!(texts.len(), Problem::ALL.len(), "{locale:?} {action:?}");
        }
    }
}

#[test]
fn each_placement_problem_gets_its_own_advice_for_every_change_and_locale() {
    for locale in Locale::ALL {
        for change in PlacementChange::ALL {
            let texts: HashSet<String> = BindProblem::ALL
                .iter()
                .map(|&problem| text(locale, &Msg::PlacementFailed { change, problem }))
                .collect();
            assert_eq!(texts.len(), BindProblem::ALL.len(), "{locale:?} {change:?}");
        }
        let heads: HashSet<String> = PlacementChange::ALL
            .iter()
            .map(|&change| {
                text(
                    locale,
                    &Msg::PlacementFailed {
                        change,
                        problem: BindProblem::Unknown,
                    },
                )
            })
            .collect();
        assert_eq!(heads.len(), PlacementChange::ALL.len(), "{locale:?}");
    }
}

#[test]
fn install_failures_name_the_way_out() {
    let en = |problem| {
        text(
            Locale::En,
            &Msg::PlacementFailed {
                change: PlacementChange::Install,
                problem,
            },
        )
    };
    assert_eq!(
        en(BindProblem::NotAdmin),
        "The app could not be installed. Only a Bitrix24 administrator can do this. Ask your \
         administrator to open the app."
    );
    assert!(en(BindProblem::MissingScope).contains("placement, im and imopenlines"));
    assert!(en(BindProblem::MissingScope).contains("reinstall"));
    assert!(en(BindProblem::AuthLost).contains("Reload the page"));
    assert!(en(BindProblem::Busy).contains("Wait a minute"));
    // The scope names are API identifiers: the same in every language.
    for locale in Locale::ALL {
        let t = text(
            locale,
            &Msg::PlacementFailed {
                change: PlacementChange::Add,
                problem: BindProblem::MissingScope,
            },
        );
        for scope in ["placement", "im", "imopenlines"] {
            assert!(t.contains(scope), "{locale:?}: {t}");
        }
    }
}

#[test]
fn required_english_texts_are_exact() {
    let cases = [
        (Msg::PinLabel, "Pin dialog"),
        (
            Msg::PinHintPinned,
            "The dialog stays with you; its auto-close moves about a week ahead.",
        ),
        (
            Msg::PinHintUnpinned,
            "The dialog follows the queue rules: it can be redistributed and auto-closed.",
        ),
        (Msg::WhisperLabel, "Whisper mode"),
        (
            Msg::WhisperHint,
            "While it is on, the client does not see your messages; colleagues in the chat still do.",
        ),
        (Msg::BulkTitle, "All my dialogs"),
        (Msg::PinAllButton, "Pin all my dialogs"),
        (Msg::UnpinAllButton, "Unpin all my dialogs"),
        (Msg::ConfirmPinAll, "Pin all your active dialogs to you?"),
        (Msg::ConfirmUnpinAll, "Unpin all your pinned dialogs?"),
        (Msg::Confirm, "Confirm"),
        (Msg::Cancel, "Cancel"),
        (Msg::TryAgain, "Try again"),
        (Msg::PinnedCount(0), "No dialogs needed pinning"),
        (Msg::PinnedCount(1), "1 dialog pinned"),
        (Msg::PinnedCount(3), "3 dialogs pinned"),
        (Msg::PinnedCount(21), "21 dialogs pinned"),
        (Msg::UnpinnedCount(0), "No pinned dialogs to unpin"),
        (Msg::UnpinnedCount(1), "1 dialog unpinned"),
        (Msg::UnpinnedCount(3), "3 dialogs unpinned"),
        (Msg::Blocked(Blocked::OtherOperator), "This dialog is handled by another operator"),
        (Msg::Blocked(Blocked::NoSession), "This dialog has no active session"),
        (
            Msg::NoHost,
            "Bitrix24 is not around this page. Open the widget from an open-line chat in your portal.",
        ),
        (
            Msg::PortalTooOld,
            "This portal does not have the pin and whisper methods yet \
             (imopenlines.session.mode.*). Ask your administrator to update Bitrix24.",
        ),
        (Msg::Loading, "Loading dialog…"),
        (Msg::Saving, "Saving…"),
        (Msg::AppPage, "Open this app from an open-line chat sidebar."),
        (
            Msg::Failed {
                action: Action::Pin,
                problem: Problem::NotOperator,
            },
            "Pinning failed. Only the operator who handles this dialog can pin or unpin it.",
        ),
        (
            Msg::Failed {
                action: Action::Pin,
                problem: Problem::NoAnswer,
            },
            "Pinning was not confirmed. Bitrix24 did not answer in time. The change may or may \
             not have been applied; the switch shows the dialog's current state.",
        ),
    ];
    for (msg, expected) in cases {
        assert_eq!(text(Locale::En, &msg), expected, "{msg:?}");
    }
}

#[test]
fn required_russian_texts_are_exact() {
    let cases = [
        (Msg::PinLabel, "Закрепить диалог"),
        (
            Msg::PinHintPinned,
            "Диалог остаётся за вами, автозакрытие переносится примерно на неделю.",
        ),
        (
            Msg::PinHintUnpinned,
            "Диалог подчиняется правилам очереди: его могут перераспределить и автоматически закрыть.",
        ),
        (Msg::WhisperLabel, "Скрытый режим"),
        (
            Msg::WhisperHint,
            "Пока режим включён, клиент не видит ваших сообщений; коллеги в чате видят.",
        ),
        (Msg::BulkTitle, "Все мои диалоги"),
        (Msg::PinAllButton, "Закрепить все мои диалоги"),
        (Msg::UnpinAllButton, "Открепить все мои диалоги"),
        (Msg::Confirm, "Подтвердить"),
        (Msg::Cancel, "Отмена"),
        (Msg::TryAgain, "Повторить"),
        (Msg::PinnedCount(0), "Нет диалогов, которые нужно закрепить"),
        (Msg::PinnedCount(1), "Закреплён 1 диалог"),
        (Msg::PinnedCount(3), "Закреплено 3 диалога"),
        (Msg::PinnedCount(5), "Закреплено 5 диалогов"),
        (Msg::PinnedCount(11), "Закреплено 11 диалогов"),
        (Msg::PinnedCount(21), "Закреплён 21 диалог"),
        (Msg::PinnedCount(22), "Закреплено 22 диалога"),
        (Msg::UnpinnedCount(0), "Нет закреплённых диалогов"),
        (Msg::UnpinnedCount(1), "Откреплён 1 диалог"),
        (Msg::UnpinnedCount(3), "Откреплено 3 диалога"),
        (Msg::UnpinnedCount(5), "Откреплено 5 диалогов"),
        (Msg::Blocked(Blocked::OtherOperator), "Этот диалог ведёт другой оператор"),
        (Msg::Blocked(Blocked::NoSession), "У этого диалога нет активной сессии"),
    ];
    for (msg, expected) in cases {
        assert_eq!(text(Locale::Ru, &msg), expected, "{msg:?}");
    }
}

#[test]
fn ukrainian_and_german_counts_agree_in_number() {
    let ua = [
        (1, "Закріплено 1 діалог"),
        (3, "Закріплено 3 діалоги"),
        (5, "Закріплено 5 діалогів"),
        (11, "Закріплено 11 діалогів"),
        (21, "Закріплено 21 діалог"),
    ];
    for (n, expected) in ua {
        assert_eq!(text(Locale::Ua, &Msg::PinnedCount(n)), expected);
    }
    assert_eq!(
        text(Locale::De, &Msg::PinnedCount(1)),
        "1 Dialog angeheftet"
    );
    assert_eq!(
        text(Locale::De, &Msg::PinnedCount(21)),
        "21 Dialoge angeheftet"
    );
}

#[test]
fn zero_has_its_own_text_not_a_zero_count() {
    for locale in Locale::ALL {
        for msg in [Msg::PinnedCount(0), Msg::UnpinnedCount(0)] {
            let t = text(locale, &msg);
            assert!(!t.contains('0'), "{locale:?} {msg:?}: {t}");
        }
    }
}

#[test]
fn the_operator_only_rule_is_spelled_out_in_every_locale() {
    let expected = [
        (
            Locale::En,
            "Only the operator who handles this dialog can pin or unpin it.",
        ),
        (
            Locale::Ru,
            "Закрепить или открепить диалог может только оператор, который его ведёт.",
        ),
        (
            Locale::De,
            "Nur der Operator, der diesen Dialog bearbeitet, kann ihn anheften oder lösen.",
        ),
        (
            Locale::Ua,
            "Закріпити або відкріпити діалог може лише оператор, який його веде.",
        ),
    ];
    for (locale, rule) in expected {
        for action in [Action::Pin, Action::Unpin] {
            let t = text(
                locale,
                &Msg::Failed {
                    action,
                    problem: Problem::NotOperator,
                },
            );
            assert!(t.ends_with(rule), "{locale:?} {action:?}: {t}");
        }
    }
}

#[test]
fn no_answer_on_a_write_says_the_outcome_is_unknown_and_never_that_it_was_retried() {
    for action in [
        Action::Pin,
        Action::Unpin,
        Action::WhisperOn,
        Action::WhisperOff,
    ] {
        let t = text(
            Locale::En,
            &Msg::Failed {
                action,
                problem: Problem::NoAnswer,
            },
        );
        assert!(t.contains("may or may not have been applied"), "{t}");
        assert!(
            t.contains("the switch shows the dialog's current state"),
            "{t}"
        );
        assert!(
            !t.contains("failed"),
            "an unknown outcome is not a failure: {t}"
        );
        assert!(!t.to_lowercase().contains("retr"), "{t}");
    }
    for action in [Action::PinAll, Action::UnpinAll] {
        let t = text(
            Locale::En,
            &Msg::Failed {
                action,
                problem: Problem::NoAnswer,
            },
        );
        assert!(t.contains("may or may not have been"), "{t}");
        assert!(!t.to_lowercase().contains("retr"), "{t}");
    }
}

#[test]
fn failure_advice_names_the_way_out() {
    let en = |action, problem| text(Locale::En, &Msg::Failed { action, problem });
    assert!(en(Action::Pin, Problem::AuthLost).contains("Reload the page"));
    assert!(en(Action::Pin, Problem::MissingScope).contains("imopenlines scope"));
    assert!(en(Action::Pin, Problem::MissingScope).contains("reinstall"));
    assert!(en(Action::PinAll, Problem::RateLimited).contains("Wait a minute"));
    assert!(en(Action::PinAll, Problem::TimeLimited).contains("Wait a minute"));
    assert!(en(Action::Load, Problem::Unknown).starts_with("Could not read the dialog state."));
    assert!(en(Action::Load, Problem::Unknown).contains("Something unexpected happened"));
    assert!(en(Action::Unpin, Problem::PortalTooOld).contains("imopenlines.session.mode.*"));
    assert!(en(Action::Load, Problem::PortalTooOld).contains("imopenlines.dialog.get"));
}

#[test]
fn plural_categories_follow_the_cldr_integer_rules() {
    use PluralCategory::*;
    let slavic = [
        (0, Many),
        (1, One),
        (2, Few),
        (5, Many),
        (11, Many),
        (21, One),
        (22, Few),
        (25, Many),
        (101, One),
        (111, Many),
        (12, Many),
        (14, Many),
        (104, Few),
        (112, Many),
    ];
    for (n, cat) in slavic {
        assert_eq!(category(Locale::Ru, n), cat, "ru {n}");
        assert_eq!(category(Locale::Ua, n), cat, "ua {n}");
    }
    let germanic = [
        (0, Other),
        (1, One),
        (2, Other),
        (5, Other),
        (11, Other),
        (21, Other),
        (22, Other),
        (25, Other),
        (101, Other),
        (111, Other),
    ];
    for (n, cat) in germanic {
        assert_eq!(category(Locale::En, n), cat, "en {n}");
        assert_eq!(category(Locale::De, n), cat, "de {n}");
    }
}

#[test]
fn bitrix_lang_codes_pick_the_locale_and_anything_else_is_english() {
    let cases = [
        ("ru", Locale::Ru),
        ("en", Locale::En),
        ("de", Locale::De),
        ("ua", Locale::Ua),
        ("uk", Locale::Ua),
        ("RU", Locale::Ru),
        ("Ua", Locale::Ua),
        ("ru-RU", Locale::Ru),
        ("uk_UA", Locale::Ua),
        ("de-AT", Locale::De),
        ("en-US", Locale::En),
        (" ru ", Locale::Ru),
        ("", Locale::En),
        ("kz", Locale::En),
        ("by", Locale::En),
        ("fr", Locale::En),
        ("la", Locale::En),
        ("rus", Locale::En),
        ("r", Locale::En),
        ("-ru", Locale::En),
    ];
    for (code, locale) in cases {
        assert_eq!(Locale::from_lang(code), locale, "{code:?}");
    }
}

#[test]
fn locale_codes_and_html_lang() {
    let cases = [
        (Locale::En, "en", "en"),
        (Locale::Ru, "ru", "ru"),
        (Locale::De, "de", "de"),
        (Locale::Ua, "ua", "uk"),
    ];
    for (locale, code, html) in cases {
        assert_eq!(locale.code(), code);
        assert_eq!(locale.html_lang(), html);
        assert_eq!(Locale::from_lang(code), locale);
        assert_eq!(Locale::from_lang(html), locale);
    }
    assert_eq!(Locale::default(), Locale::En);
}
