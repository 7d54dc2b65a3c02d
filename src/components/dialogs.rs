//! The operator's open-line dialogs at a glance (the app's page): every dialog's true state from
//! one read (`im.recent.get` + `profile`, [`controller::load_list`]), a pin and a whisper switch
//! per row with the sidebar's guarantees, and pin all / unpin all with a forecast.
//!
//! A row's write is sent once ([`controller::write`]); the list is then read again and the row
//! shows what the portal has, with what was said about the write on the row itself.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bulk::BulkActions;
use super::regions::{LiveRegions, Regions};
use super::{ctx, Ctx, Notice, Skeleton, Switch, Write};
use crate::controller::verdict::{
    against_forecast, forecast_question, list_read, pin_switch, row_view, whisper_switch, Control,
    Focus, ReRead, ReadOrder, Retry, RowView, SwitchView, Verdict, PIN_ID, WHISPER_ID,
};
use crate::controller::{self, AfterReRead, Snapshot};
use crate::domain::command::Command;
use crate::domain::dialog::ChatId;
use crate::domain::error::CallError;
use crate::domain::recent::{forecast, DialogList};
use crate::host::Host;
use crate::i18n::{Column, Msg};

/// The list's state; `Copy`, so every handler can own it.
#[derive(Clone, Copy)]
struct Page {
    cx: Ctx,
    /// The list as last read; `None` until the first read answered.
    list: RwSignal<Option<DialogList>>,
    reads: StoredValue<ReadOrder>,
}

impl Page {
    /// Reads the list again and shows it, unless a newer read's list is shown already; a
    /// failure is said in the page's alert with "Try again".
    async fn reload(self) -> ReRead {
        let (Some(host), Some(ticket)) =
            (self.cx.host(), self.reads.try_update_value(|r| r.start()))
        else {
            return ReRead::Failed;
        };
        let result = controller::load_list(&*host).await;
        self.answered(ticket, result)
    }

    /// Read `ticket` answered `result`: shown unless a newer read's list is shown already.
    fn answered(self, ticket: u64, result: Result<DialogList, CallError>) -> ReRead {
        let ok = result.is_ok();
        match self.reads.try_update_value(|r| r.settle(ticket, ok)) {
            None | Some(None) => return ReRead::Superseded,
            Some(Some(_)) => {}
        }
        self.cx.show(&list_read(&result));
        match result {
            Ok(list) => {
                self.list.try_set(Some(list));
                ReRead::Fresh
            }
            Err(_) => ReRead::Failed,
        }
    }

    /// One write of a row or of the bulk buttons: sent once, then the list is read again;
    /// `now` says what is known before the re-read.
    async fn write(
        self,
        command: Command,
        host: Rc<dyn Host>,
        now: impl FnOnce(&Verdict),
    ) -> Verdict {
        let reread = || async move {
            AfterReRead {
                reread: self.reload().await,
                shown: command.chat().and_then(|chat| {
                    self.list
                        .try_with_untracked(|l| l.as_ref()?.row(chat).map(|r| r.state.clone()))
                        .flatten()
                }),
                replaced: false,
            }
        };
        controller::write(&*host, command, now, reread).await
    }
}

/// The list section: heading, count, the rows, and the bulk buttons.
#[component]
pub fn Dialogs(
    /// The list as the page's first request read it (the app page reads it with `app.info`:
    /// [`controller::open_app_page`]); read here when not given.
    #[prop(default = None)]
    first: Option<Result<DialogList, CallError>>,
) -> impl IntoView {
    let cx = ctx();
    let page = Page {
        cx,
        list: RwSignal::new(None),
        reads: StoredValue::new(ReadOrder::default()),
    };
    // The bulk buttons gave way to a message (the portal lacks the methods).
    let bulk_gone = RwSignal::new(None::<Msg>);
    // Pin all / unpin all, judged against what the list said they would change.
    let bulk = Write::new(move |command: Command, h| async move {
        let expected = page
            .list
            .with_untracked(|l| l.as_ref().map(|l| forecast(l, command).len() as u64));
        let verdict = page.write(command, h, |said| cx.show(said)).await;
        if verdict.replace.is_some() {
            bulk_gone.try_set(verdict.replace.clone());
        }
        match expected {
            Some(expected) => against_forecast(verdict, expected),
            None => verdict,
        }
    });
    // "Try again" of the page's alert: the bulk command, or the read; anything else is the
    // page's around the list.
    let around = cx.on_retry.get_value();
    cx.on_retry
        .set_value(Some(Callback::new(move |retry| match retry {
            Retry::Command(command @ (Command::PinAll | Command::UnpinAll)) => bulk.send(command),
            Retry::Read => {
                cx.clear();
                spawn_local(async move { _ = page.reload().await });
            }
            other => {
                if let Some(around) = around {
                    around.run(other);
                }
            }
        })));
    match first {
        Some(first) => {
            let ticket = page
                .reads
                .try_update_value(|r| r.start())
                .unwrap_or_default();
            _ = page.answered(ticket, first);
        }
        None => spawn_local(async move { _ = page.reload().await }),
    }

    let question = Callback::new(move |command: Command| {
        page.list
            .with_untracked(|l| forecast_question(l.as_ref(), command))
    });
    let chats = move || {
        page.list.with(|l| {
            l.as_ref()
                .map(|l| l.rows.iter().map(|r| r.state.chat).collect::<Vec<_>>())
        })
    };
    // The table is built once, when the first read answered; later reads update its rows in
    // place (a row keeps what was said on it, and the focus stays where it was).
    let loaded = Memo::new(move |_| page.list.with(Option::is_some));
    let count = move || {
        page.list
            .with(|l| l.as_ref().map_or(0, |l| l.rows.len() as u64))
    };
    let header = move || {
        Column::ALL
            .map(|c| view! { <th scope="col">{cx.text(&Msg::Column(c))}</th> })
            .collect_view()
    };
    let table = move || {
        view! {
            <p class="olm-hint olm-dialogs-count">{move || cx.text(&Msg::DialogsCount(count()))}</p>
            <table class="olm-table" hidden=move || count() == 0>
                <thead><tr>{header()}</tr></thead>
                <tbody>
                    <For each=move || chats().unwrap_or_default() key=|chat| *chat let:chat>
                        <Row page chat />
                    </For>
                </tbody>
            </table>
        }
    };
    view! {
        <section class="olm-section olm-dialogs" aria-labelledby="olm-dialogs-title">
            <h2 class="olm-section-title" id="olm-dialogs-title">{cx.text(&Msg::DialogsTitle)}</h2>
            {move || if loaded.get() {
                table().into_any()
            } else {
                view! { <Skeleton label=Msg::DialogsLoading /> }.into_any()
            }}
        </section>
        {move || match bulk_gone.get() {
            None => view! { <BulkActions write=bulk question /> }.into_any(),
            Some(msg) => view! { <Notice msg /> }.into_any(),
        }}
    }
}

/// One dialog: what it is, where it stands, and its two switches; under its name what was
/// said about its last write (its own live regions), with "Try again" where that helps.
#[component]
fn Row(page: Page, chat: ChatId) -> impl IntoView {
    let cx = page.cx;
    let said = Regions::new();
    let write = move || {
        Write::reporting(
            move |command, h| page.write(command, h, move |v| said.say(v)),
            move |verdict: Option<&Verdict>| match verdict {
                None => said.clear(),
                Some(verdict) => said.say(verdict),
            },
        )
    };
    let (pin, whisper) = (write(), write());
    let row = Memo::new(move |_| page.list.with(|l| row_view(l.as_ref()?, chat)));
    let view = move |f: fn(&RowView) -> Option<Msg>| {
        move || row.with(|r| r.as_ref().and_then(|(v, _)| f(v)).map(|m| cx.text(&m)))
    };
    let title = move || row.with(|r| r.as_ref().map(|(v, _)| v.title.clone()).unwrap_or_default());
    let switch = move |busy: Memo<bool>, of: fn(&Snapshot, bool) -> SwitchView| {
        Memo::new(move |_| row.with(|r| r.as_ref().map(|(_, s)| of(s, busy.get()))))
    };
    // "Try again" on the row: the button goes with its message, so the focus goes to the
    // switch, which sends the command once more.
    let again = Callback::new(move |retry| {
        let Retry::Command(command) = retry else {
            return;
        };
        let write = match Control::of(command) {
            Control::Pin => pin,
            Control::Whisper => whisper,
            // A row sends no bulk command.
            Control::Bulk => return,
        };
        if let Some(host) = cx.host() {
            host.focus(&row_id(Focus::Control(command).element_id(), chat));
        }
        write.send(command);
    });
    let stage = move || row.with(|r| r.as_ref().map(|(v, _)| v.stage));
    view! {
        <tr class="olm-row" data-chat=chat.get()>
            <th scope="row" class="olm-row-title">
                <span>{title}</span>
                <LiveRegions regions=said on_retry=again />
            </th>
            <td>{view(|v| v.channel.clone())}</td>
            <td class=move || stage().map(|s| format!("olm-stage olm-stage--{}", s.key()))>
                {view(|v| Some(Msg::Stage(v.stage)))}
            </td>
            <td>{view(|v| Some(v.responsible.clone()))}</td>
            <td>
                <Switch
                    id=row_id(PIN_ID, chat)
                    label=Msg::PinLabel
                    named=Signal::derive(move || cx.text(&Msg::PinRow(title())))
                    state=switch(pin.busy, pin_switch)
                    on_click=pin
                />
            </td>
            <td>
                <Switch
                    id=row_id(WHISPER_ID, chat)
                    label=Msg::WhisperLabel
                    named=Signal::derive(move || cx.text(&Msg::WhisperRow(title())))
                    state=switch(whisper.busy, whisper_switch)
                    on_click=whisper
                />
            </td>
        </tr>
    }
}

/// The id of a row's control: the sidebar's id of that control, then the chat
/// (`olm-pin-12`).
fn row_id(control: &str, chat: ChatId) -> String {
    format!("{control}-{}", chat.get())
}
