//! The browser suites' shared harness: the app mounted over a fake host in its own `<div>`,
//! and reading it the way a user sees it (elements by selector, visible text).

use std::any::Any;
use std::rc::Rc;

use crate::fake::FakeHost;
use leptos::prelude::*;
use openline_modes::app::admin::AdminRoot;
use openline_modes::app::sidebar::SidebarRoot;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The mounted app; dropping it unmounts and removes its `<div>`.
pub struct Mounted {
    /// The `<div>` the app is mounted in.
    pub root: HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
    }
}

impl Mounted {
    /// Mounts the sidebar bundle's root over `fake` (which serves every catalogue) and returns
    /// at once (nothing has been answered yet).
    #[allow(dead_code)] // each suite mounts one of the two roots
    pub fn new(fake: &FakeHost) -> Self {
        let host = fake.clone();
        Self::mount(fake, move || {
            let release = Callback::new(|()| {});
            view! { <SidebarRoot host=Rc::new(host) release=release /> }.into_any()
        })
    }

    /// Mounts the admin bundle's root (the app page, the install page) over `fake`.
    #[allow(dead_code)]
    pub fn admin(fake: &FakeHost) -> Self {
        let host = fake.clone();
        Self::mount(fake, move || {
            view! { <AdminRoot host=Rc::new(host) /> }.into_any()
        })
    }

    fn mount(fake: &FakeHost, root_view: impl FnOnce() -> AnyView + 'static) -> Self {
        super::catalogues::serve_all(fake);
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), root_view);
        Self {
            root,
            handle: Some(Box::new(handle)),
        }
    }

    /// Every element matching `selector`, in document order.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into::<Element>())
            .collect()
    }
}

/// An element's text as shown, trimmed.
pub fn text_of(node: &Element) -> String {
    node.text_content().unwrap_or_default().trim().to_owned()
}

/// Reading and using the page the way a user does (the admin root's pages, the operator's list).
impl Mounted {
    #[allow(dead_code)]
    pub fn visible_text(&self) -> String {
        text_of(&self.root)
    }

    #[allow(dead_code)]
    pub fn shows(&self, text: &str) -> bool {
        self.visible_text().contains(text)
    }

    #[allow(dead_code)]
    pub fn heading(&self) -> String {
        self.all("h1").first().map(text_of).unwrap_or_default()
    }

    #[allow(dead_code)]
    pub fn alert(&self) -> String {
        self.all("#olm-root > [role=alert] p")
            .first()
            .map(text_of)
            .unwrap_or_default()
    }

    #[allow(dead_code)]
    pub fn status(&self) -> String {
        self.all("#olm-root > [role=status]")
            .first()
            .map(text_of)
            .unwrap_or_default()
    }

    /// Visible buttons' names.
    #[allow(dead_code)]
    pub fn buttons(&self) -> Vec<String> {
        self.all("button:not([hidden])")
            .iter()
            .map(text_of)
            .collect()
    }

    #[allow(dead_code)]
    pub fn button(&self, name: &str) -> Element {
        self.all("button:not([hidden])")
            .into_iter()
            .find(|b| text_of(b) == name)
            .unwrap_or_else(|| panic!("no button {name:?}; buttons: {:?}", self.buttons()))
    }

    #[allow(dead_code)]
    pub async fn click(&self, fake: &FakeHost, name: &str) {
        self.button(name).unchecked_into::<HtmlElement>().click();
        self.settle(fake).await;
    }

    /// Awaits ticks until nothing changes any more (requests, text, visible buttons).
    #[allow(dead_code)]
    pub async fn settle(&self, fake: &FakeHost) {
        let snapshot = || (fake.requests().len(), self.visible_text(), self.buttons());
        let mut last = snapshot();
        let mut quiet = 0;
        for _ in 0..400 {
            leptos::task::tick().await;
            let now = snapshot();
            if now == last {
                quiet += 1;
                if quiet >= 5 {
                    return;
                }
            } else {
                quiet = 0;
                last = now;
            }
        }
        panic!("the page never settled: {}", self.visible_text());
    }
}
