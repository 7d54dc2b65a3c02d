//! Ukrainian catalogue (Bitrix24 code `ua`). Exhaustive: no wildcard arms.

use super::{Advice, Failures, Locale, Msg, NoChat, PluralForms};
use crate::domain::command::Action;
use crate::domain::install::{BindProblem, PlacementChange};
use crate::domain::state::Blocked;

pub(super) fn text(msg: &Msg) -> String {
    match msg {
        Msg::Title => "Режими діалогу".into(),
        Msg::Loading => "Завантаження діалогу…".into(),
        Msg::Saving => "Збереження…".into(),
        Msg::PinLabel => "Закріпити діалог".into(),
        Msg::PinHintPinned => {
            "Діалог залишається за вами, автозакриття переноситься приблизно на тиждень.".into()
        }
        Msg::PinHintUnpinned => "Діалог підпорядковується правилам черги: його можуть \
                                 перерозподілити й автоматично закрити."
            .into(),
        Msg::WhisperLabel => "Прихований режим".into(),
        Msg::WhisperHint => {
            "Поки режим увімкнено, клієнт не бачить ваших повідомлень; колеги в чаті бачать.".into()
        }
        Msg::Blocked(Blocked::OtherOperator) => "Цей діалог веде інший оператор".into(),
        Msg::Blocked(Blocked::NoSession) => "Цей діалог не має активної сесії".into(),
        Msg::DialogPinned => "Діалог закріплено за вами.".into(),
        Msg::DialogUnpinned => "Діалог відкріплено.".into(),
        Msg::WhisperTurnedOn => "Прихований режим увімкнено.".into(),
        Msg::WhisperTurnedOff => "Прихований режим вимкнено.".into(),
        Msg::BulkTitle => "Усі мої діалоги".into(),
        Msg::PinAllButton => "Закріпити всі мої діалоги".into(),
        Msg::UnpinAllButton => "Відкріпити всі мої діалоги".into(),
        Msg::ConfirmPinAll => "Закріпити за вами всі ваші активні діалоги?".into(),
        Msg::ConfirmUnpinAll => "Відкріпити всі ваші закріплені діалоги?".into(),
        Msg::Confirm => "Підтвердити".into(),
        Msg::Cancel => "Скасувати".into(),
        Msg::TryAgain => "Повторити".into(),
        Msg::PinnedCount(n) => super::count(
            Locale::Ua,
            *n,
            PluralForms {
                none: "Немає діалогів, які потрібно закріпити",
                one: "Закріплено {n} діалог",
                few: "Закріплено {n} діалоги",
                other: "Закріплено {n} діалогів",
            },
        ),
        Msg::UnpinnedCount(n) => super::count(
            Locale::Ua,
            *n,
            PluralForms {
                none: "Немає закріплених діалогів",
                one: "Відкріплено {n} діалог",
                few: "Відкріплено {n} діалоги",
                other: "Відкріплено {n} діалогів",
            },
        ),
        Msg::Failed { action, problem } => FAILURES.failed(*action, *problem),
        Msg::NoHost => NO_HOST.into(),
        Msg::Placement(problem) => super::placement(problem, no_chat),
        Msg::NotOpenLine => "Цей чат не є діалогом відкритої лінії. Закріплення та прихований \
                             режим працюють лише в чатах відкритих ліній."
            .into(),
        Msg::NoDialogAccess => {
            "Цей чат не є діалогом відкритої лінії, або у вас немає до нього доступу.".into()
        }
        Msg::PortalTooOld => PORTAL_TOO_OLD.into(),
        Msg::InitTimeout => {
            "Бітрікс24 не відповів під час запуску віджета. Перезавантажте сторінку.".into()
        }
        Msg::AppPage => "Відкрийте цей застосунок із бічної панелі чату відкритої лінії.".into(),
        Msg::AppAbout => "Закріплюйте діалоги відкритих ліній за собою та вмикайте чи вимикайте прихований режим просто в чаті: відкрийте чат відкритої лінії й знайдіть «Режими діалогу» в блоці «Застосунки» його бічної панелі.".into(),
        Msg::SidebarTitle => "Бічна панель чату".into(),
        Msg::SidebarChecking => "Перевіряємо бічну панель чату…".into(),
        Msg::SidebarBound => "Віджет є в бічній панелі чатів відкритих ліній.".into(),
        Msg::SidebarBoundElsewhere => "У бічній панелі чату віджет відкривається з іншої адреси (з попередньої версії). Додайте його знову, щоб показувати цю версію.".into(),
        Msg::SidebarNotBound => "Віджета немає в бічній панелі чату. Оператори не побачать його, доки його не додадуть.".into(),
        Msg::SidebarAdminOnly => "Додати віджет до бічної панелі чату або прибрати його звідти може лише адміністратор Бітрікс24.".into(),
        Msg::AddToSidebar => "Додати до бічної панелі чату".into(),
        Msg::ReaddToSidebar => "Додати до бічної панелі знову".into(),
        Msg::RemoveFromSidebar => "Прибрати з бічної панелі чату".into(),
        Msg::SidebarAdded => "Віджет додано до бічної панелі чатів відкритих ліній.".into(),
        Msg::SidebarRemoved => "Віджет прибрано з бічної панелі чату.".into(),
        Msg::InstallTitle => "Встановлення «Режимів діалогу»".into(),
        Msg::InstallBinding => "Додаємо віджет до бічної панелі чатів відкритих ліній…".into(),
        Msg::InstallDone => "Встановлення завершено. Оператори знайдуть «Режими діалогу» в бічній панелі чатів відкритих ліній.".into(),
        Msg::InstallStopped => "Встановлення не завершено.".into(),
        Msg::PlacementFailed { change, problem } => FAILURES.placement_failed(*change, *problem),
    }
}

const NO_HOST: &str = "Поруч із цією сторінкою немає Бітрікс24. Відкрийте віджет із чату \
                       відкритої лінії на вашому порталі.";
const PORTAL_TOO_OLD: &str = "На цьому порталі ще немає методів закріплення та прихованого \
     режиму (imopenlines.session.mode.*). Попросіть адміністратора оновити Бітрікс24.";

fn what(action: Action) -> &'static str {
    match action {
        Action::Load => "Не вдалося прочитати стан діалогу.",
        Action::Pin => "Не вдалося закріпити діалог.",
        Action::Unpin => "Не вдалося відкріпити діалог.",
        Action::WhisperOn => "Не вдалося увімкнути прихований режим.",
        Action::WhisperOff => "Не вдалося вимкнути прихований режим.",
        Action::PinAll => "Не вдалося закріпити всі ваші діалоги.",
        Action::UnpinAll => "Не вдалося відкріпити всі ваші діалоги.",
    }
}

fn unconfirmed(action: Action) -> &'static str {
    match action {
        Action::Load => "Не вдалося прочитати стан діалогу.",
        Action::Pin => "Закріплення не підтверджено.",
        Action::Unpin => "Відкріплення не підтверджено.",
        Action::WhisperOn => "Увімкнення прихованого режиму не підтверджено.",
        Action::WhisperOff => "Вимкнення прихованого режиму не підтверджено.",
        Action::PinAll => "Закріплення всіх ваших діалогів не підтверджено.",
        Action::UnpinAll => "Відкріплення всіх ваших діалогів не підтверджено.",
    }
}

fn why(advice: Advice) -> &'static str {
    match advice {
        Advice::AuthLost => "Термін вашої авторизації в Бітрікс24 минув. Перезавантажте сторінку.",
        Advice::ChatNotFound => "Бітрікс24 не знайшов цей чат. Відкрийте чат знову й повторіть спробу.",
        Advice::GarbledAll => "Бітрікс24 надіслав неочікувану відповідь. Частина ваших діалогів могла змінитися, а могла й ні; перевірте їх у списку діалогів, перш ніж повторювати.",
        Advice::GarbledDialog => "Бітрікс24 надіслав неочікувану відповідь. Зміну могло бути застосовано, а могло й ні; перемикач показує поточний стан діалогу.",
        Advice::GarbledRead => "Бітрікс24 надіслав неочікувану відповідь. Повторіть спробу; якщо це повторюється, перезавантажте сторінку.",
        Advice::MissingScope => "Застосунок не має доступу до відкритих ліній. Попросіть адміністратора перевстановити застосунок із правом imopenlines.",
        Advice::NoAccess => "У вас немає прав на цей діалог. Попросіть адміністратора надати вам доступ до цієї відкритої лінії.",
        Advice::NoAnswerAll => "Бітрікс24 не відповів вчасно. Частина ваших діалогів могла змінитися, а могла й ні; перевірте їх у списку діалогів, перш ніж повторювати.",
        Advice::NoAnswerDialog => "Бітрікс24 не відповів вчасно. Зміну могло бути застосовано, а могло й ні; перемикач показує поточний стан діалогу.",
        Advice::NoAnswerRead => "Бітрікс24 не відповів вчасно. Перевірте з’єднання й повторіть спробу.",
        Advice::NoHost => NO_HOST,
        Advice::NotOpenLine => "Цей чат не є діалогом відкритої лінії; закріплення та прихований режим працюють лише там.",
        Advice::NotOperatorOther => "Змінити цей діалог може лише оператор, який його веде.",
        Advice::NotOperatorPin => "Закріпити або відкріпити діалог може лише оператор, який його веде.",
        Advice::NotOperatorWhisper => "Перемикати прихований режим може лише оператор, який веде цей діалог.",
        Advice::PlanRestricted => "Застосунки Бітрікс24 працюють лише на комерційних тарифах. Уточніть тариф порталу в адміністратора.",
        Advice::PortalTooOldRead => "На цьому порталі немає методу, яким віджет читає діалог (imopenlines.dialog.get). Попросіть адміністратора оновити Бітрікс24.",
        Advice::PortalTooOldWrite => PORTAL_TOO_OLD,
        Advice::RateLimited => "Бітрікс24 зараз отримує забагато запитів. Зачекайте хвилину й повторіть спробу.",
        Advice::ServerModule => "На порталі не запустився модуль месенджера. Повторіть спробу пізніше; якщо помилка повторюється, повідомте адміністратора.",
        Advice::TimeLimited => "Застосунок вичерпав ліміт часу роботи в Бітрікс24. Зачекайте хвилину й повторіть спробу.",
        Advice::Unknown => "Сталося щось непередбачене. Повторіть спробу; якщо помилка повторюється, перезавантажте сторінку.",
    }
}

fn placement_head(change: PlacementChange) -> &'static str {
    match change {
        PlacementChange::Install => "Не вдалося встановити застосунок.",
        PlacementChange::Check => "Не вдалося перевірити бічну панель чату.",
        PlacementChange::Add => "Не вдалося додати віджет до бічної панелі чату.",
        PlacementChange::Readd => "Не вдалося знову додати віджет до бічної панелі чату.",
        PlacementChange::Remove => "Не вдалося прибрати віджет з бічної панелі чату.",
        PlacementChange::InstallCheck => {
            "Не вдалося перевірити, чи завершено встановлення застосунку."
        }
    }
}

fn placement_why(problem: BindProblem) -> &'static str {
    match problem {
        BindProblem::NotAdmin => "Це може зробити лише адміністратор Бітрікс24. Попросіть адміністратора відкрити застосунок.",
        BindProblem::MissingScope => "Застосунок не має доступу до вбудовування. Надайте застосунку права placement, im та imopenlines у Бітрікс24 і перевстановіть його.",
        BindProblem::Rejected => "Бітрікс24 відхилив налаштування бічної панелі; подробиці — у консолі браузера. Повідомте розробника застосунку.",
        BindProblem::AuthLost => "Ваша авторизація в Бітрікс24 закінчилася. Перезавантажте сторінку.",
        BindProblem::NoAnswer => "Бітрікс24 не відповів вчасно. Перевірте з'єднання та спробуйте ще раз.",
        BindProblem::Busy => "Бітрікс24 зараз отримує забагато запитів. Зачекайте хвилину й спробуйте ще раз.",
        BindProblem::Unknown => "Сталося щось непередбачене. Спробуйте ще раз; якщо це повториться, перезавантажте сторінку.",
    }
}

fn no_chat(kind: NoChat) -> &'static str {
    match kind {
        NoChat::NotSaid => {
            "Бітрікс24 не повідомив віджету, який чат відкрито. Відкрийте чат знову й запустіть віджет з його бічної панелі."
        }
        NoChat::Private => {
            "Це особистий чат. Закріплення та прихований режим працюють лише в чатах відкритих ліній."
        }
    }
}

/// The tables this language's failure texts are made of.
const FAILURES: Failures = Failures::new(what, unconfirmed, why, placement_head, placement_why);
