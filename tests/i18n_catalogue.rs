//! The catalogues (`i18n/<id>.json`): every message renders from every catalogue without a
//! missing key, the exact required texts, and Bitrix24 `LANG` codes. Counts by the real CLDR
//! rules (`Intl`) are in `tests/browser_i18n.rs`; keys, placeholders and plural forms of every
//! file are checked by `scripts/i18n-check.mjs` (`e2e/catalogues.spec.ts`).

mod catalogues;
mod fake;

use std::collections::HashSet;

use catalogues::{catalogue, Say};
use openline_modes::domain::command::Action;
use openline_modes::domain::dialog::PlacementProblem;
use openline_modes::domain::error::Problem;
use openline_modes::domain::install::{BindProblem, Home, PlacementChange};
use openline_modes::domain::recent::Stage;
use openline_modes::domain::state::Blocked;
use openline_modes::i18n::{Catalogue, Column, Locale, Msg};

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
        Msg::PageLoadFailed,
        Msg::AppAbout,
        Msg::HomesTitle,
        Msg::HomesChecking,
        Msg::HomesNone,
        Msg::HomesAdminOnly,
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
    all.extend([Msg::DialogsTitle, Msg::DialogsLoading]);
    all.extend(Column::ALL.map(Msg::Column));
    all.extend(Stage::ALL.map(Msg::Stage));
    all.extend([Msg::Responsible(true), Msg::Responsible(false)]);
    for channel in ["livechat", "network", "telegrambot", "somethingnew"] {
        all.push(Msg::Channel(channel.into()));
    }
    all.extend([
        Msg::PinRow("Alice - Open Channel".into()),
        Msg::WhisperRow("Alice - Open Channel".into()),
    ]);
    for home in Home::ALL {
        all.extend([
            Msg::HomeTitle(home),
            Msg::HomeAbout(home),
            Msg::HomeBound(home),
            Msg::HomeBoundElsewhere(home),
            Msg::HomeNotBound(home),
            Msg::AddTo(home),
            Msg::ReaddTo(home),
            Msg::RemoveFrom(home),
            Msg::HomeAdded(home),
            Msg::HomeRemoved(home),
        ]);
    }
    for n in [0, 1, 2, 5, 11, 21, 22, 25, 101, 111] {
        all.push(Msg::PinnedCount(n));
        all.push(Msg::UnpinnedCount(n));
        all.push(Msg::DialogsCount(n));
        all.push(Msg::ConfirmPinAllCount(n));
        all.push(Msg::ConfirmUnpinAllCount(n));
        all.push(Msg::AgainstForecast {
            done: Box::new(Msg::PinnedCount(n)),
            expected: n + 1,
        });
    }
    for action in Action::ALL {
        for problem in Problem::ALL {
            all.push(Msg::Failed { action, problem });
        }
    }
    for change in PlacementChange::all() {
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
        Msg::PageLoadFailed => "PageLoadFailed",
        Msg::AppAbout => "AppAbout",
        Msg::HomesTitle => "HomesTitle",
        Msg::HomesChecking => "HomesChecking",
        Msg::HomesNone => "HomesNone",
        Msg::HomesAdminOnly => "HomesAdminOnly",
        Msg::HomeTitle(_) => "HomeTitle",
        Msg::HomeAbout(_) => "HomeAbout",
        Msg::HomeBound(_) => "HomeBound",
        Msg::HomeBoundElsewhere(_) => "HomeBoundElsewhere",
        Msg::HomeNotBound(_) => "HomeNotBound",
        Msg::AddTo(_) => "AddTo",
        Msg::ReaddTo(_) => "ReaddTo",
        Msg::RemoveFrom(_) => "RemoveFrom",
        Msg::HomeAdded(_) => "HomeAdded",
        Msg::HomeRemoved(_) => "HomeRemoved",
        Msg::InstallTitle => "InstallTitle",
        Msg::InstallBinding => "InstallBinding",
        Msg::InstallDone => "InstallDone",
        Msg::InstallStopped => "InstallStopped",
        Msg::PlacementFailed { .. } => "PlacementFailed",
        Msg::DialogsTitle => "DialogsTitle",
        Msg::DialogsLoading => "DialogsLoading",
        Msg::DialogsCount(_) => "DialogsCount",
        Msg::Column(_) => "Column",
        Msg::Stage(_) => "Stage",
        Msg::Responsible(_) => "Responsible",
        Msg::Channel(_) => "Channel",
        Msg::PinRow(_) => "PinRow",
        Msg::WhisperRow(_) => "WhisperRow",
        Msg::ConfirmPinAllCount(_) => "ConfirmPinAllCount",
        Msg::ConfirmUnpinAllCount(_) => "ConfirmUnpinAllCount",
        Msg::AgainstForecast { .. } => "AgainstForecast",
    }
}
const VARIANTS: usize = 64;

#[test]
fn the_sample_covers_every_message_variant() {
    let seen: HashSet<&str> = all_msgs().iter().map(variant).collect();
    assert_eq!(seen.len(), VARIANTS);
}

#[test]
fn every_message_has_a_clean_non_empty_text_in_every_locale() {
    for locale in Locale::ALL {
        for msg in all_msgs() {
            let t = locale.text(&msg);
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

/// Messages written in a language: everything but the name of a messenger (a brand) or of a
/// connector the widget does not know (its id), which are the same in every language.
fn in_a_language() -> Vec<Msg> {
    all_msgs()
        .into_iter()
        .filter(|m| !matches!(m, Msg::Channel(id) if id != "livechat" && id != "network"))
        .collect()
}

#[test]
fn every_translation_differs_from_english_and_ukrainian_from_russian_in_every_locale() {
    // The same word in both languages ("Канал", "Статус", "Оператор", "Онлайн-чат").
    let same_in_ua_and_ru = [
        Msg::Column(Column::Channel),
        Msg::Column(Column::Status),
        Msg::Column(Column::Operator),
        Msg::Channel("livechat".into()),
    ];
    for msg in in_a_language() {
        let en = Locale::En.text(&msg);
        for locale in &Locale::ALL[1..] {
            assert_ne!(locale.text(&msg), en, "{locale:?} {msg:?} is untranslated");
        }
        if !same_in_ua_and_ru.contains(&msg) {
            assert_ne!(
                Locale::Ua.text(&msg),
                Locale::Ru.text(&msg),
                "ua = ru for {msg:?}"
            );
        }
    }
}

#[test]
fn a_messenger_keeps_its_brand_name_and_an_unknown_connector_its_id_in_every_language() {
    for locale in Locale::ALL {
        assert_eq!(locale.text(&Msg::Channel("telegrambot".into())), "Telegram");
        assert_eq!(
            locale.text(&Msg::Channel("somethingnew".into())),
            "somethingnew"
        );
    }
}

#[test]
fn russian_ukrainian_and_kazakh_texts_are_in_cyrillic() {
    for msg in in_a_language() {
        for locale in [Locale::Ru, Locale::Ua, Locale::Kz] {
            let t = locale.text(&msg);
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
                .map(|&problem| locale.text(&Msg::Failed { action, problem }))
                .collect();
            assert_eq!(texts.len(), Problem::ALL.len(), "{locale:?} {action:?}");
        }
    }
}

#[test]
fn each_placement_problem_gets_its_own_advice_for_every_change_and_locale() {
    for locale in Locale::ALL {
        for change in PlacementChange::all() {
            let texts: HashSet<String> = BindProblem::ALL
                .iter()
                .map(|&problem| locale.text(&Msg::PlacementFailed { change, problem }))
                .collect();
            assert_eq!(texts.len(), BindProblem::ALL.len(), "{locale:?} {change:?}");
        }
        let heads: HashSet<String> = PlacementChange::all()
            .into_iter()
            .map(|change| {
                locale.text(&Msg::PlacementFailed {
                    change,
                    problem: BindProblem::Unknown,
                })
            })
            .collect();
        assert_eq!(heads.len(), PlacementChange::all().len(), "{locale:?}");
    }
}

#[test]
fn install_failures_name_the_way_out() {
    let en = |problem| {
        Locale::En.text(&Msg::PlacementFailed {
            change: PlacementChange::Install,
            problem,
        })
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
        let t = locale.text(&Msg::PlacementFailed {
            change: PlacementChange::Add(Home::Textarea),
            problem: BindProblem::MissingScope,
        });
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
        (Msg::AppPage, "Open this app from an open-line chat."),
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
        assert_eq!(Locale::En.text(&msg), expected, "{msg:?}");
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
        (Msg::UnpinnedCount(0), "Нет закреплённых диалогов"),
        (Msg::UnpinnedCount(1), "Откреплён 1 диалог"),
        (Msg::Blocked(Blocked::OtherOperator), "Этот диалог ведёт другой оператор"),
        (Msg::Blocked(Blocked::NoSession), "У этого диалога нет активной сессии"),
    ];
    for (msg, expected) in cases {
        assert_eq!(Locale::Ru.text(&msg), expected, "{msg:?}");
    }
}

#[test]
fn zero_has_its_own_text_not_a_zero_count() {
    for locale in Locale::ALL {
        for msg in [Msg::PinnedCount(0), Msg::UnpinnedCount(0)] {
            let t = locale.text(&msg);
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
            let t = locale.text(&Msg::Failed {
                action,
                problem: Problem::NotOperator,
            });
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
        let t = Locale::En.text(&Msg::Failed {
            action,
            problem: Problem::NoAnswer,
        });
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
        let t = Locale::En.text(&Msg::Failed {
            action,
            problem: Problem::NoAnswer,
        });
        assert!(t.contains("may or may not have been"), "{t}");
        assert!(!t.to_lowercase().contains("retr"), "{t}");
    }
}

#[test]
fn failure_advice_names_the_way_out() {
    let en = |action, problem| Locale::En.text(&Msg::Failed { action, problem });
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
fn bitrix_lang_ids_and_browser_tags_pick_the_locale_and_anything_else_is_english() {
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
        ("la", Locale::La),
        ("es", Locale::La),
        ("es-MX", Locale::La),
        ("br", Locale::Br),
        ("pt-BR", Locale::Br),
        ("pt", Locale::Br),
        ("kz", Locale::Kz),
        ("kk", Locale::Kz),
        ("vn", Locale::Vn),
        ("vi-VN", Locale::Vn),
        ("in", Locale::In),
        ("hi", Locale::In),
        ("sc", Locale::Sc),
        ("zh", Locale::Sc),
        ("zh-CN", Locale::Sc),
        ("zh-Hans", Locale::Sc),
        ("tc", Locale::Tc),
        ("zh-TW", Locale::Tc),
        ("zh-Hant-HK", Locale::Tc),
        ("zh_HK", Locale::Tc),
        ("ar-SA", Locale::Ar),
        ("ja-JP", Locale::Ja),
        ("", Locale::En),
        ("by", Locale::En),
        ("rus", Locale::En),
        ("r", Locale::En),
        ("-ru", Locale::En),
        ("xx-ru", Locale::En),
    ];
    for (code, locale) in cases {
        assert_eq!(Locale::from_lang(code), locale, "{code:?}");
    }
}

#[test]
fn every_portal_language_has_its_id_tag_and_direction() {
    let cases = [
        (Locale::En, "en", "en"),
        (Locale::Ru, "ru", "ru"),
        (Locale::De, "de", "de"),
        (Locale::Ua, "ua", "uk"),
        (Locale::La, "la", "es"),
        (Locale::Br, "br", "pt-BR"),
        (Locale::Fr, "fr", "fr"),
        (Locale::It, "it", "it"),
        (Locale::Pl, "pl", "pl"),
        (Locale::Tr, "tr", "tr"),
        (Locale::Kz, "kz", "kk"),
        (Locale::Vn, "vn", "vi"),
        (Locale::Id, "id", "id"),
        (Locale::Ms, "ms", "ms"),
        (Locale::Th, "th", "th"),
        (Locale::Ar, "ar", "ar"),
        (Locale::Sc, "sc", "zh-CN"),
        (Locale::Tc, "tc", "zh-TW"),
        (Locale::Ja, "ja", "ja"),
        (Locale::In, "in", "hi"),
    ];
    assert_eq!(Locale::ALL.len(), cases.len());
    for (i, (locale, code, tag)) in cases.into_iter().enumerate() {
        assert_eq!(Locale::ALL[i], locale);
        assert_eq!(locale.code(), code);
        assert_eq!(locale.html_lang(), tag);
        assert_eq!(Locale::from_lang(code), locale);
        assert_eq!(Locale::from_lang(tag), locale);
        let rtl = locale == Locale::Ar;
        assert_eq!(locale.dir(), if rtl { "rtl" } else { "ltr" }, "{locale:?}");
    }
    assert_eq!(Locale::default(), Locale::En);
}

#[test]
fn every_catalogue_has_every_key_english_has_and_no_other() {
    let en: HashSet<&str> = Catalogue::english().keys().collect();
    for locale in Locale::ALL {
        let own = catalogue(locale);
        let keys: HashSet<&str> = own.keys().collect();
        assert_eq!(keys, en, "{locale:?}");
    }
    assert_eq!(catalogue(Locale::En), *Catalogue::english());
}

#[test]
fn english_has_a_text_for_every_message_the_widget_shows() {
    // A key English lacks renders as the key itself (`pin_label`, `why.no_access`).
    let is_key = |t: &str| {
        t.split(' ').any(|w| {
            let keyish = w
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
            keyish && (w.contains('_') || (w.contains('.') && !w.ends_with('.')))
        })
    };
    for msg in all_msgs() {
        let t = Locale::En.text(&msg);
        assert!(!is_key(&t), "{msg:?}: {t}");
    }
}

#[test]
fn a_catalogue_that_lacks_a_text_falls_back_to_english_for_that_text_only() {
    use fake::SimpleNumbers;
    use openline_modes::i18n::Texts;
    use std::rc::Rc;
    let partial = catalogues::parse(r#"{"title": "Режимы диалога"}"#).unwrap();
    let texts = Texts::new(Locale::Ru, Some(Rc::new(partial)), Rc::new(SimpleNumbers));
    assert_eq!(texts.text(&Msg::Title), "Режимы диалога");
    assert_eq!(texts.text(&Msg::PinLabel), "Pin dialog");
    assert_eq!(texts.text(&Msg::PinnedCount(1)), "1 dialog pinned");
    assert_eq!(texts.lang(), "ru");
    let none = Texts::new(Locale::Ar, None, Rc::new(SimpleNumbers));
    assert_eq!(none.lang(), "en");
    assert_eq!(none.dir(), "ltr");
    assert!(catalogues::parse("[1]").is_err());
    assert!(catalogues::parse("<html>").is_err());
}
