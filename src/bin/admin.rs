//! The admin bundle (the app page and the install page), loaded by the sidebar bundle for the
//! `DEFAULT` placement only: panic hook, then the admin root.

fn main() {
    console_error_panic_hook::set_once();
    openline_modes::app::admin::start();
}
