// The admin pages' bundle (the app page and the install page; src/bin/admin.rs), loaded by the
// sidebar bundle for the DEFAULT placement only, so operators never download it. Trunk builds it
// next to this file as admin.js + admin_bg.wasm (index.html, data-type="worker").
import init from './admin.js';

await init({ module_or_path: new URL('admin_bg.wasm', import.meta.url) });
