//! The sidebar bundle (what every open of the chat sidebar fetches): panic hook, then the
//! sidebar root. The app page and the install page are in `src/bin/admin.rs`.

fn main() {
    console_error_panic_hook::set_once();
    openline_modes::app::sidebar::start();
}
