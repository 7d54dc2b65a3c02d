//! The one way an action runs, on every page: ignored while the same control is busy; marks it
//! busy and clears the regions; runs the use-case on the host; then, unless the view is gone,
//! lets the view apply the verdict (`apply`), says it, and ends the busy state. What the
//! verdict is comes from [`crate::controller::verdict`]; nothing here decides.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::focus_id;
use super::regions::Regions;
use super::HostHandle;
use crate::controller::verdict::{retry_focus, Retry, Verdict};
use crate::host::Host;

/// Runs `task` once as described above.
pub fn run<Fut>(
    host: HostHandle,
    busy: RwSignal<bool>,
    regions: Regions,
    task: impl FnOnce(Rc<dyn Host>) -> Fut + 'static,
    apply: impl FnOnce(&Verdict) + 'static,
) where
    Fut: Future<Output = Verdict> + 'static,
{
    if busy.get_untracked() {
        return;
    }
    let Some(h) = host.get() else {
        return;
    };
    // Queued before the busy state's re-render, so the request reaches the library first;
    // `busy` itself is set right away (below), so a second click is already ignored.
    spawn_local(async move {
        let verdict = task(h.clone()).await;
        if busy.is_disposed() {
            return;
        }
        apply(&verdict);
        regions.show(&verdict, &*h);
        busy.set(false);
    });
    busy.set(true);
    regions.clear();
}

/// Before "Try again" repeats `retry`: the button disappears with its alert, so the keyboard
/// moves where [`retry_focus`] says.
pub fn focus_for_retry(host: HostHandle, retry: Retry) {
    if let (Some(host), Some(focus)) = (host.get(), retry_focus(retry)) {
        host.focus(focus_id(focus));
    }
}
