//! Where a page load goes, decided once from what the portal says about the frame: the
//! placement code and options from `BX24.placement.info()` and, for the app's own page, whether
//! it was opened through the install URL. Never from a URL convention for the widget: both its
//! homes share one handler URL.

use super::dialog::{chat_from_placement, ChatId, PlacementOptions, PlacementProblem};
use super::install::{is_install_url, Home};

/// The placement code of the app's own page (and of its install page).
pub const APP_PLACEMENT: &str = "DEFAULT";

/// What a page load shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The widget, in one of its homes, for this chat.
    Widget(Home, ChatId),
    /// A home of the widget whose options name no group chat: one message instead.
    NoChat(Home, PlacementProblem),
    /// The app's own page opened through the install URL: the install page.
    Install,
    /// The app's own page otherwise: ask the portal whether it is installing the app
    /// (`app.info`), then the install page or the app page.
    AppPage,
    /// The messenger's navigation item: the operator's list of their open-line dialogs.
    Dialogs,
    /// Any other placement: a notice that says where the widget lives.
    Elsewhere,
}

/// Routes `placement` (its code and options) opened at `page_url`.
pub fn route(code: &str, options: &PlacementOptions, page_url: &str) -> Route {
    match Home::from_code(code) {
        Some(Home::Navigation) => Route::Dialogs,
        Some(home) => match chat_from_placement(options) {
            Ok(chat) => Route::Widget(home, chat),
            Err(problem) => Route::NoChat(home, problem),
        },
        None if code.trim().eq_ignore_ascii_case(APP_PLACEMENT) => {
            if is_install_url(page_url) {
                Route::Install
            } else {
                Route::AppPage
            }
        }
        None => Route::Elsewhere,
    }
}

impl Route {
    /// The home the widget was opened in, if it was.
    pub fn home(&self) -> Option<Home> {
        match self {
            Route::Widget(home, _) | Route::NoChat(home, _) => Some(*home),
            Route::Install | Route::AppPage | Route::Dialogs | Route::Elsewhere => None,
        }
    }

    /// Whether the frame has a fixed size the page must fit (the popup above the chat input;
    /// the messenger's content area, which the navigation's frame fills: docs/bitrix24.md §3).
    pub fn fixed_size(&self) -> bool {
        matches!(self, Route::Dialogs) || self.home().is_some_and(Home::fixed_size)
    }
}
