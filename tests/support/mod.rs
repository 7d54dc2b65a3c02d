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
