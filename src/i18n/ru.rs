//! Russian catalogue. Exhaustive: no wildcard arms.

use super::plural::{category, PluralCategory};
use super::{Locale, Msg};
use crate::domain::command::Action;
use crate::domain::dialog::PlacementProblem;
use crate::domain::error::Problem;
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
        Msg::PinnedCount(0) => "Нет диалогов, которые нужно закрепить".into(),
        Msg::PinnedCount(n) => match category(Locale::Ru, *n) {
            PluralCategory::One => format!("Закреплён {n} диалог"),
            PluralCategory::Few => format!("Закреплено {n} диалога"),
            PluralCategory::Many | PluralCategory::Other => format!("Закреплено {n} диалогов"),
        },
        Msg::UnpinnedCount(0) => "Нет закреплённых диалогов".into(),
        Msg::UnpinnedCount(n) => match category(Locale::Ru, *n) {
            PluralCategory::One => format!("Откреплён {n} диалог"),
            PluralCategory::Few => format!("Откреплено {n} диалога"),
            PluralCategory::Many | PluralCategory::Other => format!("Откреплено {n} диалогов"),
        },
        Msg::Failed { action, problem } => {
            super::failure(what, unconfirmed, why, *action, *problem)
        }
        Msg::NoHost => NO_HOST.into(),
        Msg::Placement(
            PlacementProblem::MissingOptions
            | PlacementProblem::MissingDialogId
            | PlacementProblem::NotAChatId { .. },
        ) => "Битрикс24 не сообщил виджету, какой чат открыт. Откройте чат заново и запустите \
              виджет из его боковой панели."
            .into(),
        Msg::Placement(PlacementProblem::PrivateChat { .. }) => "Это личный чат. Закрепление и \
                                                                 скрытый режим работают только в \
                                                                 чатах открытых линий."
            .into(),
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
        Msg::PlacementFailed { change, problem } => placement_failed(*change, *problem),
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

fn why(action: Action, problem: Problem) -> &'static str {
    match problem {
        Problem::NotOperator => match action {
            Action::Pin | Action::Unpin => "Закрепить или открепить диалог может только оператор, который его ведёт.",
            Action::WhisperOn | Action::WhisperOff => "Переключать скрытый режим может только оператор, который ведёт этот диалог.",
            Action::Load | Action::PinAll | Action::UnpinAll => "Изменить этот диалог может только оператор, который его ведёт.",
        },
        Problem::NoAccess => {
            "У вас нет прав на этот диалог. Попросите администратора дать вам \
                              доступ к этой открытой линии."
        }
        Problem::NotOpenLine => {
            "Этот чат не является диалогом открытой линии; закрепление и \
                                 скрытый режим работают только там."
        }
        Problem::ChatNotFound => {
            "Битрикс24 не нашёл этот чат. Откройте чат заново и повторите попытку."
        }
        Problem::AuthLost => "Срок вашей авторизации в Битрикс24 истёк. Перезагрузите страницу.",
        Problem::MissingScope => {
            "У приложения нет доступа к открытым линиям. Попросите \
                                  администратора переустановить приложение с правом imopenlines."
        }
        Problem::PlanRestricted => {
            "Приложения Битрикс24 работают только на коммерческих \
                                    тарифах. Уточните тариф портала у администратора."
        }
        Problem::PortalTooOld => match action {
            Action::Load => {
                "На этом портале нет метода, которым виджет читает диалог \
                             (imopenlines.dialog.get). Попросите администратора обновить \
                             Битрикс24."
            }
            Action::Pin
            | Action::Unpin
            | Action::WhisperOn
            | Action::WhisperOff
            | Action::PinAll
            | Action::UnpinAll => PORTAL_TOO_OLD,
        },
        Problem::ServerModule => {
            "На портале не запустился модуль мессенджера. Повторите попытку \
                                  позже; если ошибка повторяется, сообщите администратору."
        }
        Problem::RateLimited => {
            "Битрикс24 сейчас получает слишком много запросов. Подождите \
                                 минуту и повторите попытку."
        }
        Problem::TimeLimited => {
            "Приложение исчерпало лимит времени работы в Битрикс24. \
                                 Подождите минуту и повторите попытку."
        }
        Problem::NoAnswer => match action {
            Action::Load => {
                "Битрикс24 не ответил вовремя. Проверьте подключение и повторите \
                             попытку."
            }
            Action::Pin | Action::Unpin | Action::WhisperOn | Action::WhisperOff => {
                "Битрикс24 не ответил вовремя. Изменение могло примениться, а могло и нет; \
                 переключатель показывает текущее состояние диалога."
            }
            Action::PinAll | Action::UnpinAll => {
                "Битрикс24 не ответил вовремя. Часть ваших диалогов могла измениться, а могла и \
                 нет; проверьте их в списке диалогов, прежде чем повторять."
            }
        },
        Problem::Garbled => match action {
            Action::Load => "Битрикс24 прислал неожиданный ответ. Повторите попытку; если это повторяется, перезагрузите страницу.",
            Action::Pin | Action::Unpin | Action::WhisperOn | Action::WhisperOff => "Битрикс24 прислал неожиданный ответ. Изменение могло примениться, а могло и нет; переключатель показывает текущее состояние диалога.",
            Action::PinAll | Action::UnpinAll => "Битрикс24 прислал неожиданный ответ. Часть ваших диалогов могла измениться, а могла и нет; проверьте их в списке диалогов, прежде чем повторять.",
        },
        Problem::NoHost => NO_HOST,
        Problem::Unknown => {
            "Произошло что-то непредвиденное. Повторите попытку; если ошибка \
                             повторяется, перезагрузите страницу."
        }
    }
}

fn placement_failed(change: PlacementChange, problem: BindProblem) -> String {
    let head = match change {
        PlacementChange::Install => "Не удалось установить приложение.",
        PlacementChange::Check => "Не удалось проверить боковую панель чата.",
        PlacementChange::Add => "Не удалось добавить виджет в боковую панель чата.",
        PlacementChange::Readd => "Не удалось заново добавить виджет в боковую панель чата.",
        PlacementChange::Remove => "Не удалось убрать виджет из боковой панели чата.",
        PlacementChange::InstallCheck => "Не удалось проверить, завершена ли установка приложения.",
    };
    let why = match problem {
        BindProblem::NotAdmin => "Это может сделать только администратор Битрикс24. Попросите администратора открыть приложение.",
        BindProblem::MissingScope => "У приложения нет доступа к встраиванию. Выдайте приложению права placement, im и imopenlines в Битрикс24 и переустановите его.",
        BindProblem::Rejected => "Битрикс24 отклонил настройки боковой панели; подробности — в консоли браузера. Сообщите разработчику приложения.",
        BindProblem::AuthLost => "Ваша авторизация в Битрикс24 истекла. Перезагрузите страницу.",
        BindProblem::NoAnswer => "Битрикс24 не ответил вовремя. Проверьте подключение и повторите попытку.",
        BindProblem::Busy => "Битрикс24 сейчас получает слишком много запросов. Подождите минуту и повторите попытку.",
        BindProblem::Unknown => "Произошло что-то непредвиденное. Повторите попытку; если это повторится, перезагрузите страницу.",
    };
    format!("{head} {why}")
}
