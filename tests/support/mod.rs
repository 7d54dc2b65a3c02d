//! The browser suites' shared harness: the app mounted over a fake host in its own `<div>`,
//! and reading it the way a user sees it (elements by selector, visible text).

use std::any::Any;
use std::rc::Rc;

use leptos::prelude::*;
use openline_modes::app::Root;
use openline_modes::host::fake::FakeHost;
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
    /// Mounts the app over `fake` and returns at once (nothing has been answered yet).
    pub fn new(fake: &FakeHost) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let host = fake.clone();
        let handle =
            leptos::mount::mount_to(root.clone(), move || view! { <Root host=Rc::new(host) /> });
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
