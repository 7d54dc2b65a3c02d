//! Russian catalogue. Exhaustive: no wildcard arms.

use super::{Advice, Failures, Locale, Msg, NoChat, PluralForms};
use crate::domain::command::Action;
use crate::domain::install::{BindProblem, PlacementChange};
use crate::domain::state::Blocked;

pub(super) fn text(msg: &Msg) -> String {
    match msg {
        Msg::Title => "Режимы диалога".into(),
        Msg::Loading => "Загрузка диалога…".into(),
        Msg::Saving => "Сохранение…".into(),
        Msg::PinLabel => "Закрепить диалог".into(),
        Msg::PinHintPinned => {
            "Диалог остаётся за вами, автозакрытие переносится примерно на неделю.".into()
        }
        Msg::PinHintUnpinned => "Диалог подчиняется правилам очереди: его могут перераспределить \
                                 и автоматически закрыть."
            .into(),
        Msg::WhisperLabel => "Скрытый режим".into(),
        Msg::WhisperHint => {
            "Пока режим включён, клиент не видит ваших сообщений; коллеги в чате видят.".into()
        }
        Msg::Blocked(Blocked::OtherOperator) => "Этот диалог ведёт другой оператор".into(),
        Msg::Blocked(Blocked::NoSession) => "У этого диалога нет активной сессии".into(),
        Msg::DialogPinned => "Диалог закреплён за вами.".into(),
        Msg::DialogUnpinned => "Диалог откреплён.".into(),
        Msg::WhisperTurnedOn => "Скрытый режим включён.".into(),
        Msg::WhisperTurnedOff => "Скрытый режим выключен.".into(),
        Msg::BulkTitle => "Все мои диалоги".into(),
        Msg::PinAllButton => "Закрепить все мои диалоги".into(),
        Msg::UnpinAllButton => "Открепить все мои диалоги".into(),
        Msg::ConfirmPinAll => "Закрепить за вами все ваши активные диалоги?".into(),
        Msg::ConfirmUnpinAll => "Открепить все ваши закреплённые диалоги?".into(),
        Msg::Confirm => "Подтвердить".into(),
        Msg::Cancel => "Отмена".into(),
        Msg::TryAgain => "Повторить".into(),
        Msg::PinnedCount(n) => super::count(
            Locale::Ru,
            *n,
            PluralForms {
                none: "Нет диалогов, которые нужно закрепить",
                one: "Закреплён {n} диалог",
                few: "Закреплено {n} диалога",
                other: "Закреплено {n} диалогов",
            },
        ),
        Msg::UnpinnedCount(n) => super::count(
            Locale::Ru,
            *n,
            PluralForms {
                none: "Нет закреплённых диалогов",
                one: "Откреплён {n} диалог",
                few: "Откреплено {n} диалога",
                other: "Откреплено {n} диалогов",
            },
        ),
        Msg::Failed { action, problem } => FAILURES.failed(*action, *problem),
        Msg::NoHost => NO_HOST.into(),
        Msg::Placement(problem) => super::placement(problem, no_chat),
        Msg::NotOpenLine => "Этот чат не является диалогом открытой линии. Закрепление и скрытый \
                             режим работают только в чатах открытых линий."
            .into(),
        Msg::NoDialogAccess => {
            "Этот чат не является диалогом открытой линии, или у вас нет к нему доступа.".into()
        }
        Msg::PortalTooOld => PORTAL_TOO_OLD.into(),
        Msg::InitTimeout => {
            "Битрикс24 не ответил при запуске виджета. Перезагрузите страницу.".into()
        }
        Msg::AppPage => "Откройте это приложение из боковой панели чата открытой линии.".into(),
        Msg::AppAbout => "Закрепляйте диалоги открытых линий за собой и включайте или выключайте скрытый режим прямо в чате: откройте чат открытой линии и найдите «Режимы диалога» в блоке «Приложения» его боковой панели.".into(),
        Msg::SidebarTitle => "Боковая панель чата".into(),
        Msg::SidebarChecking => "Проверяем боковую панель чата…".into(),
        Msg::SidebarBound => "Виджет есть в боковой панели чатов открытых линий.".into(),
        Msg::SidebarBoundElsewhere => "В боковой панели чата виджет открывается с другого адреса (из прежней версии). Добавьте его заново, чтобы показывать эту версию.".into(),
        Msg::SidebarNotBound => "Виджета нет в боковой панели чата. Операторы не увидят его, пока его не добавят.".into(),
        Msg::SidebarAdminOnly => "Добавить виджет в боковую панель чата или убрать его оттуда может только администратор Битрикс24.".into(),
        Msg::AddToSidebar => "Добавить в боковую панель чата".into(),
        Msg::ReaddToSidebar => "Добавить в боковую панель заново".into(),
        Msg::RemoveFromSidebar => "Убрать из боковой панели чата".into(),
        Msg::SidebarAdded => "Виджет добавлен в боковую панель чатов открытых линий.".into(),
        Msg::SidebarRemoved => "Виджет убран из боковой панели чата.".into(),
        Msg::InstallTitle => "Установка «Режимов диалога»".into(),
        Msg::InstallBinding => "Добавляем виджет в боковую панель чатов открытых линий…".into(),
        Msg::InstallDone => "Установка завершена. Операторы найдут «Режимы диалога» в боковой панели чатов открытых линий.".into(),
        Msg::InstallStopped => "Установка не завершена.".into(),
        Msg::PlacementFailed { change, problem } => FAILURES.placement_failed(*change, *problem),
    }
}

const NO_HOST: &str = "Рядом с этой страницей нет Битрикс24. Откройте виджет из чата открытой \
                       линии на вашем портале.";
const PORTAL_TOO_OLD: &str = "На этом портале ещё нет методов закрепления и скрытого режима \
     (imopenlines.session.mode.*). Попросите администратора обновить Битрикс24.";

fn what(action: Action) -> &'static str {
    match action {
        Action::Load => "Не удалось прочитать состояние диалога.",
        Action::Pin => "Не удалось закрепить диалог.",
        Action::Unpin => "Не удалось открепить диалог.",
        Action::WhisperOn => "Не удалось включить скрытый режим.",
        Action::WhisperOff => "Не удалось выключить скрытый режим.",
        Action::PinAll => "Не удалось закрепить все ваши диалоги.",
        Action::UnpinAll => "Не удалось открепить все ваши диалоги.",
    }
}

fn unconfirmed(action: Action) -> &'static str {
    match action {
        Action::Load => "Не удалось прочитать состояние диалога.",
        Action::Pin => "Закрепление не подтверждено.",
        Action::Unpin => "Открепление не подтверждено.",
        Action::WhisperOn => "Включение скрытого режима не подтверждено.",
        Action::WhisperOff => "Выключение скрытого режима не подтверждено.",
        Action::PinAll => "Закрепление всех ваших диалогов не подтверждено.",
        Action::UnpinAll => "Открепление всех ваших диалогов не подтверждено.",
    }
}

fn why(advice: Advice) -> &'static str {
    match advice {
        Advice::AuthLost => "Срок вашей авторизации в Битрикс24 истёк. Перезагрузите страницу.",
        Advice::ChatNotFound => "Битрикс24 не нашёл этот чат. Откройте чат заново и повторите попытку.",
        Advice::GarbledAll => "Битрикс24 прислал неожиданный ответ. Часть ваших диалогов могла измениться, а могла и нет; проверьте их в списке диалогов, прежде чем повторять.",
        Advice::GarbledDialog => "Битрикс24 прислал неожиданный ответ. Изменение могло примениться, а могло и нет; переключатель показывает текущее состояние диалога.",
        Advice::GarbledRead => "Битрикс24 прислал неожиданный ответ. Повторите попытку; если это повторяется, перезагрузите страницу.",
        Advice::MissingScope => "У приложения нет доступа к открытым линиям. Попросите администратора переустановить приложение с правом imopenlines.",
        Advice::NoAccess => "У вас нет прав на этот диалог. Попросите администратора дать вам доступ к этой открытой линии.",
        Advice::NoAnswerAll => "Битрикс24 не ответил вовремя. Часть ваших диалогов могла измениться, а могла и нет; проверьте их в списке диалогов, прежде чем повторять.",
        Advice::NoAnswerDialog => "Битрикс24 не ответил вовремя. Изменение могло примениться, а могло и нет; переключатель показывает текущее состояние диалога.",
        Advice::NoAnswerRead => "Битрикс24 не ответил вовремя. Проверьте подключение и повторите попытку.",
        Advice::NoHost => NO_HOST,
        Advice::NotOpenLine => "Этот чат не является диалогом открытой линии; закрепление и скрытый режим работают только там.",
        Advice::NotOperatorOther => "Изменить этот диалог может только оператор, который его ведёт.",
        Advice::NotOperatorPin => "Закрепить или открепить диалог может только оператор, который его ведёт.",
        Advice::NotOperatorWhisper => "Переключать скрытый режим может только оператор, который ведёт этот диалог.",
        Advice::PlanRestricted => "Приложения Битрикс24 работают только на коммерческих тарифах. Уточните тариф портала у администратора.",
        Advice::PortalTooOldRead => "На этом портале нет метода, которым виджет читает диалог (imopenlines.dialog.get). Попросите администратора обновить Битрикс24.",
        Advice::PortalTooOldWrite => PORTAL_TOO_OLD,
        Advice::RateLimited => "Битрикс24 сейчас получает слишком много запросов. Подождите минуту и повторите попытку.",
        Advice::ServerModule => "На портале не запустился модуль мессенджера. Повторите попытку позже; если ошибка повторяется, сообщите администратору.",
        Advice::TimeLimited => "Приложение исчерпало лимит времени работы в Битрикс24. Подождите минуту и повторите попытку.",
        Advice::Unknown => "Произошло что-то непредвиденное. Повторите попытку; если ошибка повторяется, перезагрузите страницу.",
    }
}

fn placement_head(change: PlacementChange) -> &'static str {
    match change {
        PlacementChange::Install => "Не удалось установить приложение.",
        PlacementChange::Check => "Не удалось проверить боковую панель чата.",
        PlacementChange::Add => "Не удалось добавить виджет в боковую панель чата.",
        PlacementChange::Readd => "Не удалось заново добавить виджет в боковую панель чата.",
        PlacementChange::Remove => "Не удалось убрать виджет из боковой панели чата.",
        PlacementChange::InstallCheck => "Не удалось проверить, завершена ли установка приложения.",
    }
}

fn placement_why(problem: BindProblem) -> &'static str {
    match problem {
        BindProblem::NotAdmin => "Это может сделать только администратор Битрикс24. Попросите администратора открыть приложение.",
        BindProblem::MissingScope => "У приложения нет доступа к встраиванию. Выдайте приложению права placement, im и imopenlines в Битрикс24 и переустановите его.",
        BindProblem::Rejected => "Битрикс24 отклонил настройки боковой панели; подробности — в консоли браузера. Сообщите разработчику приложения.",
        BindProblem::AuthLost => "Ваша авторизация в Битрикс24 истекла. Перезагрузите страницу.",
        BindProblem::NoAnswer => "Битрикс24 не ответил вовремя. Проверьте подключение и повторите попытку.",
        BindProblem::Busy => "Битрикс24 сейчас получает слишком много запросов. Подождите минуту и повторите попытку.",
        BindProblem::Unknown => "Произошло что-то непредвиденное. Повторите попытку; если это повторится, перезагрузите страницу.",
    }
}

fn no_chat(kind: NoChat) -> &'static str {
    match kind {
        NoChat::NotSaid => {
            "Битрикс24 не сообщил виджету, какой чат открыт. Откройте чат заново и запустите виджет из его боковой панели."
        }
        NoChat::Private => {
            "Это личный чат. Закрепление и скрытый режим работают только в чатах открытых линий."
        }
    }
}

/// The tables this language's failure texts are made of.
const FAILURES: Failures = Failures::new(what, unconfirmed, why, placement_head, placement_why);
