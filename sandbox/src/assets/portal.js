// Sandbox portal page: an open-line chat screen that frames the app like a Bitrix24 portal
// (iframe name "host|0|APP_SID", hidden POST form) and plays the parent side of the frame
// protocol (BX.rest.AppLayout, docs/bitrix24.md §4.3). Every name and text goes in as textContent.
// Two messengers (docs/sandbox.md "Two messengers"): "current" (im v2 today: no Applications
// block in an open-line chat's sidebar; IM_TEXTAREA apps in the panel above the input, each
// opening in a popup of its binding's width × height px) and "classic" (the sidebar's
// Applications block with the IM_SIDEBAR app). Both have the messenger's navigation with one item
// per IM_NAVIGATION binding (icon + title, im v2 MarketApps); an item frames its app in the
// whole content area as IM_NAVIGATION with no PLACEMENT_OPTIONS (im v2 MarketContent).
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('portal-config').textContent);
  var root = document.getElementById('portal');
  var SID = cfg.app_sid;
  var appOrigin = new URL(cfg.app_url, location.href).origin;
  var frame = null;
  var frameLog = [];
  var lastState = '';
  var denied = cfg.placement === 'DEFAULT' ? [] : ['setTitle', 'setScroll', 'reloadWindow'];
  var firstRun = !!cfg.first_run;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      }
    }
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) })
      .then(function (r) { return r.json(); });
  }
  function withParams(params) {
    var u = new URL(location.href);
    for (var k in params) { if (params[k] === null) { u.searchParams.delete(k); } else { u.searchParams.set(k, params[k]); } }
    return u.toString();
  }

  // ---------------------------------------------------------------- layout
  var chatList = el('ul', { class: 'chat-list', 'aria-label': 'Chats' });
  var messages = el('ol', { class: 'messages', 'aria-label': 'Messages', 'aria-live': 'polite' });
  var title = el('h1', { class: 'chat-title' });
  var sidebar = el('aside', { class: 'sidebar', 'aria-label': 'Chat sidebar' });
  sidebar.style.width = cfg.width + 'px';
  var controls = el('section', { class: 'controls', 'aria-label': 'Sandbox controls' });
  var input = el('div', { class: 'chat-input' });
  var main = el('main', { class: 'chat' }, [title, messages, input]);

  var leftList = null;
  var marketContent = null;
  var messengerNav = null;
  if (cfg.view === 'sidebar') {
    leftList = el('nav', { class: 'left' }, [el('h2', { text: 'Open lines' }), chatList]);
    // The navigation column shows only when some IM_NAVIGATION item does, so the page without
    // one is the page it always was.
    if ((cfg.nav_apps || []).length) {
      messengerNav = el('nav', { class: 'messenger-nav', 'aria-label': 'Messenger' });
      marketContent = el('section', { class: 'market-content', 'aria-label': 'Application content', hidden: 'hidden' });
    }
    root.appendChild(el('div', { class: 'layout' }, [messengerNav, leftList, main, sidebar, marketContent]));
  } else {
    var appMain = el('main', { class: 'app-page' }, [el('h1', { text: cfg.view === 'install' ? 'Installing application' : 'Application' })]);
    root.appendChild(el('div', { class: 'layout' }, [appMain]));
    sidebar = appMain;
  }
  root.appendChild(controls);

  // ---------------------------------------------------------------- the framed app
  var ours = (cfg.apps || []).filter(function (a) { return a.ours; })[0];

  // Frames the app inside `parent` as app.layout does: #app-layout holding the named iframe, and
  // the hidden form that POSTs the handler URL into it.
  function frameApp(parent) {
    var frameName = location.host + '|0|' + SID;
    var layout = el('div', { class: 'app-layout', id: 'app-layout' });
    frame = el('iframe', { id: 'app-frame', title: 'Application', name: frameName });
    frame.name = frameName;
    layout.appendChild(frame);
    parent.appendChild(layout);
    var action = cfg.app_url + (cfg.app_url.indexOf('?') < 0 ? '?' : '&') +
      'DOMAIN=' + encodeURIComponent(location.host) + '&PROTOCOL=0&LANG=' + encodeURIComponent(cfg.lang) +
      '&APP_SID=' + SID;
    var form = el('form', { method: 'POST', action: action, target: frameName, id: 'app-form', hidden: 'hidden' });
    var fields = {
      AUTH_ID: cfg.auth.AUTH_ID, AUTH_EXPIRES: String(cfg.auth.AUTH_EXPIRES), REFRESH_ID: cfg.auth.REFRESH_ID,
      member_id: cfg.member_id, status: 'L', PLACEMENT: cfg.placement
    };
    if (cfg.placement_options !== null) { fields.PLACEMENT_OPTIONS = cfg.placement_options; }
    for (var k in fields) { form.appendChild(el('input', { type: 'hidden', name: k, value: fields[k] })); }
    parent.appendChild(form);
    form.submit();
  }
  function notInstalled(block) {
    block.appendChild(el('p', { class: 'note', text: cfg.installed ? 'No application is bound to ' + cfg.placement + '.' : 'The application is not fully installed yet.' }));
    block.appendChild(el('a', { href: withParams({ view: 'install', install_finished: null }), text: 'Open the application install page' }));
  }

  var sidebarBlock = null;
  // Classic messenger: the widget sits in the sidebar's Applications block and is framed at once.
  function mountSidebarApp(container) {
    var block = el('section', { class: 'apps', 'aria-label': 'Applications' }, [el('h2', { text: 'Applications' })]);
    container.appendChild(block);
    sidebarBlock = block;
    if (cfg.view === 'sidebar' && !ours) { notInstalled(block); return; }
    frameApp(block);
  }

  // Current messenger (im v2 SidebarManager linesPreset): an open-line chat's sidebar has the
  // chat, info and file blocks only. The input has an apps icon (ChatTextarea, withMarket) that
  // toggles the apps panel (MarketAppsPanel: the IM_TEXTAREA items for this chat); an item
  // opens its app in a popup anchored above it (MarketAppPopup: width × height px, no padding,
  // the frame filling it), closed by the item again, a click outside or Escape.
  var popup = null;
  function closePopup() {
    if (!popup) { return; }
    popup.remove();
    popup = null;
    frame = null;
    document.querySelectorAll('.apps-panel [aria-expanded="true"]').forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
  }
  function openPopup(app, item) {
    closePopup();
    var width = typeof app.width === 'number' ? app.width : 100;
    var height = typeof app.height === 'number' ? app.height : 100;
    popup = el('div', { class: 'market-app-popup', role: 'dialog', 'aria-label': app.title, 'data-app': String(app.id) });
    popup.style.width = width + 'px';
    popup.style.height = height + 'px';
    var r = item.getBoundingClientRect();
    popup.style.left = Math.max(0, Math.min(r.left, window.innerWidth - width)) + 'px';
    popup.style.top = Math.max(0, r.top - height) + 'px';
    var container = el('div', { class: 'market-app-popup__container' });
    popup.appendChild(container);
    document.body.appendChild(popup);
    item.setAttribute('aria-expanded', 'true');
    if (app.ours) { frameApp(container); } else { container.appendChild(el('p', { class: 'other-app', text: app.title })); }
  }
  function mountTextareaApps() {
    var panel = el('div', { class: 'apps-panel', role: 'toolbar', 'aria-label': 'Applications', hidden: 'hidden' });
    var apps = cfg.apps || [];
    apps.forEach(function (app) {
      var item = el('button', { type: 'button', class: 'app-item', 'aria-expanded': 'false', 'data-app': String(app.id), 'data-ours': String(!!app.ours) }, [
        el('span', { class: 'app-icon fa ' + (app.icon || ''), 'aria-hidden': 'true', text: '●' }),
        el('span', { class: 'app-title', text: app.title })
      ]);
      if (app.color) { item.querySelector('.app-icon').style.color = app.color === 'LIGHT_BLUE' ? '#2fc6f6' : '#4ba5c3'; }
      item.addEventListener('click', function (e) {
        e.stopPropagation();
        if (popup && popup.getAttribute('data-app') === String(app.id)) { closePopup(); } else { openPopup(app, item); }
      });
      panel.appendChild(item);
    });
    if (!ours) { var none = el('div', { class: 'apps-empty' }); notInstalled(none); panel.appendChild(none); }
    var appsButton = el('button', { type: 'button', class: 'apps-button', 'aria-label': 'Applications', title: 'Applications', 'aria-expanded': 'false', text: '⊞' });
    appsButton.addEventListener('click', function () {
      var open = panel.hidden;
      panel.hidden = !open;
      appsButton.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (!open) { closePopup(); }
    });
    var box = el('textarea', { class: 'chat-textarea', placeholder: 'Type a message…', 'aria-label': 'Message', rows: '2' });
    input.appendChild(panel);
    input.appendChild(el('div', { class: 'chat-input__row' }, [box, appsButton]));
    document.addEventListener('click', function (e) {
      if (popup && !popup.contains(e.target)) { closePopup(); }
    });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closePopup(); } });
  }

  if (cfg.view !== 'sidebar' || cfg.messenger === 'classic') {
    mountSidebarApp(sidebar);
  } else {
    sidebar.appendChild(el('section', { class: 'side-block', 'aria-label': 'Chat' }, [el('h2', { text: 'Chat' }), el('p', { class: 'side-chat-name' })]));
    sidebar.appendChild(el('section', { class: 'side-block', 'aria-label': 'Info' }, [el('h2', { text: 'Info' }), el('p', { text: 'Open line · Telegram' })]));
    sidebar.appendChild(el('section', { class: 'side-block', 'aria-label': 'Files' }, [el('h2', { text: 'Files' }), el('p', { text: 'No files yet' })]));
    mountTextareaApps();
  }

  // ---------------------------------------------------------------- messenger navigation
  // im v2 MessengerNavigation: the messenger's own items (here only "Chats"), then MarketApps:
  // one item per IM_NAVIGATION binding the user may see (role, extranet; no context, no chat),
  // an `fa` icon from OPTIONS.iconName and the title. A click switches the layout to `market`,
  // which has no list: MarketContent fills the whole content area (height 100%) with the
  // app.layout of MarketManager.loadPlacement(id) called without a context, so the handler gets
  // PLACEMENT=IM_NAVIGATION and no PLACEMENT_OPTIONS. Leaving unmounts it (layout.destroy()).
  var chatFrame = { placement: cfg.placement, placement_options: cfg.placement_options, app_url: cfg.app_url };
  function newSid() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  // Points the frame protocol at a new frame: a new app.layout render has a new APP_SID.
  function retarget(placement, options, url) {
    cfg.placement = placement;
    cfg.placement_options = options;
    cfg.app_url = url;
    appOrigin = new URL(url, location.href).origin;
    SID = newSid();
    firstRun = false;
  }
  function dropFrame() {
    ['app-layout', 'app-form'].forEach(function (id) { var n = document.getElementById(id); if (n) { n.remove(); } });
    frame = null;
  }
  function selectNav(id) {
    messengerNav.querySelectorAll('button').forEach(function (b) {
      if (b.getAttribute('data-nav') === id) { b.setAttribute('aria-current', 'page'); } else { b.removeAttribute('aria-current'); }
    });
  }
  function openNavApp(app) {
    closePopup();
    dropFrame();
    [leftList, main, sidebar].forEach(function (n) { n.hidden = true; });
    marketContent.textContent = '';
    marketContent.setAttribute('data-app', String(app.id));
    marketContent.hidden = false;
    selectNav(String(app.id));
    if (!app.ours) { marketContent.appendChild(el('p', { class: 'other-app', text: app.title })); return; }
    retarget('IM_NAVIGATION', null, app.handler);
    frameApp(marketContent);
  }
  function showChats() {
    if (marketContent.hidden) { return; }
    dropFrame();
    marketContent.textContent = '';
    marketContent.removeAttribute('data-app');
    marketContent.hidden = true;
    [leftList, main, sidebar].forEach(function (n) { n.hidden = false; });
    selectNav('chats');
    retarget(chatFrame.placement, chatFrame.placement_options, chatFrame.app_url);
    // The chat content mounts again: the classic sidebar frames its app anew.
    if (sidebarBlock && ours) { frameApp(sidebarBlock); }
  }
  if (messengerNav) {
    var chatsItem = el('button', { type: 'button', class: 'nav-item', 'data-nav': 'chats', 'aria-current': 'page' }, [
      el('span', { class: 'nav-icon', 'aria-hidden': 'true', text: '✉' }), el('span', { class: 'nav-title', text: 'Chats' })
    ]);
    chatsItem.addEventListener('click', showChats);
    messengerNav.appendChild(chatsItem);
    cfg.nav_apps.forEach(function (app) {
      var item = el('button', { type: 'button', class: 'nav-item nav-app', 'data-nav': String(app.id), 'data-app': String(app.id), 'data-ours': String(!!app.ours), title: app.title }, [
        el('i', { class: 'nav-icon fa ' + (app.icon || ''), 'aria-hidden': 'true', text: '●' }),
        el('span', { class: 'nav-title', text: app.title })
      ]);
      item.addEventListener('click', function () { openNavApp(app); });
      messengerNav.appendChild(item);
    });
  }

  // ---------------------------------------------------------------- parent side of the protocol
  var authExpiresAt = Date.now() + cfg.auth.AUTH_EXPIRES * 1000;
  function placementOptions() {
    if (cfg.placement_options === null) { return []; }
    try { return JSON.parse(cfg.placement_options); } catch (e) { return []; }
  }
  var handlers = {
    getInitData: function (args, reply) {
      // `?init=silent`: a portal that never answers while the app starts (the app's deadline).
      if (cfg.init_silent) { return; }
      reply({
        LANG: cfg.lang, DOMAIN: location.host, PROTOCOL: 0, PATH: '/rest',
        AUTH_ID: cfg.auth.AUTH_ID, AUTH_EXPIRES: Math.max(0, Math.round((authExpiresAt - Date.now()) / 1000)),
        REFRESH_ID: cfg.auth.REFRESH_ID, MEMBER_ID: cfg.member_id, FIRST_RUN: firstRun,
        IS_ADMIN: cfg.is_admin, INSTALL: cfg.install, USER_OPTIONS: {}, APP_OPTIONS: {},
        PLACEMENT: cfg.placement, PLACEMENT_OPTIONS: placementOptions()
      });
      firstRun = false;
    },
    getInterface: function (args, reply) { reply({ command: [], event: [] }); },
    refreshAuth: function (args, reply) {
      post('/sandbox/refresh', { refresh_token: cfg.auth.REFRESH_ID }).then(function (data) {
        if (data && data.access_token) {
          cfg.auth.AUTH_ID = data.access_token;
          cfg.auth.REFRESH_ID = data.refresh_token;
          authExpiresAt = Date.now() + data.expires_in * 1000;
          reply({ AUTH_ID: data.access_token, AUTH_EXPIRES: data.expires_in, REFRESH_ID: data.refresh_token });
        } else {
          // A portal alert()s this and never answers; a blocking alert would stall tests.
          addFrameLog('!', 'Unable to get new token! Reload page, please!');
        }
      });
    },
    resizeWindow: function (args, reply) {
      var layout = document.getElementById('app-layout');
      var width = args.width === '100%' ? '100%' : ((parseInt(args.width, 10) || 100) + 'px');
      var height = parseInt(args.height, 10);
      if (width) { layout.style.width = width; }
      if (height) { layout.style.height = height + 'px'; frame.style.height = height + 'px'; }
      var r = layout.getBoundingClientRect();
      reply({ width: r.width, height: r.height });
    },
    setInstallFinish: function (args, reply) {
      var v = typeof args.value === 'undefined' || args.value !== false;
      post('/sandbox/install-finish', { value: v }).then(function (data) {
        // APPLAYOUT reloads the portal page with install_finished=Y|N.
        location.href = withParams({ install_finished: data.result ? 'Y' : 'N' });
      });
    },
    placementBindEvent: function () { /* IM_SIDEBAR has no events: nothing ever fires */ },
    setTitle: function (args, reply) { document.title = String(args.title); reply(args); },
    setScroll: function (args, reply) { if (args && args.scroll >= 0) { window.scrollTo(window.scrollX, parseInt(args.scroll, 10)); } reply(args); },
    reloadWindow: function () { location.reload(); }
  };

  function split(s) {
    var r = s.split(':');
    return [r[0], r.slice(1, r.length - 2).join(':'), r[r.length - 2], r[r.length - 1]];
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== appOrigin || typeof e.data !== 'string') { return; }
    var cmd = split(e.data);
    if (cmd[3] !== SID) { return; }
    var method = cmd[0], cb = cmd[2], args = [];
    try { if (cmd[1]) { args = JSON.parse(cmd[1]); } } catch (err) { return; }
    addFrameLog(method, args);
    if (!Object.prototype.hasOwnProperty.call(handlers, method) || denied.indexOf(method) >= 0) { return; }
    var reply = function (res) {
      if (!cb || !frame || !frame.contentWindow) { return; }
      frame.contentWindow.postMessage(cb + ':' + (typeof res === 'undefined' ? '' : JSON.stringify(res)), appOrigin);
    };
    handlers[method](args, reply);
  });

  function addFrameLog(command, params) {
    frameLog.push({ command: command, params: params, at: new Date().toISOString().substring(11, 23) });
    renderFrameLog();
    if (command !== '!') { post('/sandbox/frame-log', { command: command, params: params }).catch(function () {}); }
  }

  // ---------------------------------------------------------------- chat list + messages
  function renderState(state) {
    var json = JSON.stringify([state.chats, state.lang]);
    if (json === lastState) { return; }
    lastState = json;
    chatList.textContent = '';
    state.chats.forEach(function (c) {
      var a = el('a', { href: withParams({ dialog: c.dialog_id, view: null }), text: c.name });
      if (c.dialog_id === cfg.dialog) { a.setAttribute('aria-current', 'page'); }
      var badges = (c.pinned ? ' · pinned' : '') + (c.whisper ? ' · whisper' : '');
      chatList.appendChild(el('li', { 'data-dialog': c.dialog_id }, [a, el('span', { class: 'badges', text: badges })]));
    });
    var chat = state.chats.filter(function (c) { return c.dialog_id === cfg.dialog; })[0];
    messages.textContent = '';
    title.textContent = chat ? chat.name : 'No such chat: ' + cfg.dialog;
    var sideName = document.querySelector('.side-chat-name');
    if (sideName) { sideName.textContent = chat ? chat.name : ''; }
    if (!chat) { return; }
    chat.messages.forEach(function (m) {
      var who = m.system ? 'System' : (userName(state, m.author_id) || 'Client');
      messages.appendChild(el('li', { class: m.system ? 'msg system' : 'msg', 'data-code': m.code || '' }, [
        el('span', { class: 'who', text: who }), el('span', { class: 'text', text: bbToText(m.text) })
      ]));
    });
    messages.scrollTop = messages.scrollHeight;
  }
  function userName(state, id) {
    var u = state.users.filter(function (x) { return x.id === id; })[0];
    return u ? u.name + ' ' + u.last_name : '';
  }
  function bbToText(s) { return s.replace(/\[br\]/g, '\n').replace(/\[\/?b\]/g, ''); }

  function poll() {
    fetch('/sandbox/state').then(function (r) { return r.json(); }).then(function (s) {
      renderState(s);
      renderScenario(s);
    }).catch(function () {});
  }
  setInterval(poll, 1000);

  // ---------------------------------------------------------------- controls
  var scenarioOut = el('pre', { class: 'scenario' });
  var frameLogOut = el('ol', { class: 'frame-log', 'aria-label': 'Frame log' });
  var callLogOut = el('ol', { class: 'call-log', 'aria-label': 'Call log' });

  function select(label, options, value, onchange) {
    var s = el('select', { 'aria-label': label });
    options.forEach(function (o) {
      var opt = el('option', { value: o[0], text: o[1] });
      if (String(o[0]) === String(value)) { opt.selected = true; }
      s.appendChild(opt);
    });
    s.addEventListener('change', function () { onchange(s.value); });
    return el('label', {}, [document.createTextNode(label + ' '), s]);
  }
  function button(label, onclick) {
    var b = el('button', { type: 'button', text: label });
    b.addEventListener('click', onclick);
    return b;
  }
  var failCount = el('input', { type: 'number', min: '0', value: '1', 'aria-label': 'Fail count', size: '3' });
  var failMode = el('select', { 'aria-label': 'Fail mode' });
  ['503', '500', 'drop'].forEach(function (m) { failMode.appendChild(el('option', { value: m, text: m })); });
  var latency = el('input', { type: 'number', min: '0', step: '100', value: '0', 'aria-label': 'Latency ms', size: '5' });

  controls.appendChild(el('h2', { text: 'Sandbox controls' }));
  controls.appendChild(el('div', { class: 'row' }, [
    select('User', cfg.users.map(function (u) { return [u.id, u.id + ' ' + u.name + ' ' + u.last_name + (u.admin ? ' (admin)' : '')]; }), cfg.user,
      function (v) { location.href = withParams({ user: v }); }),
    select('Lang', ['en', 'ru', 'de', 'ua', 'la', 'br', 'fr', 'it', 'pl', 'tr', 'kz', 'vn', 'id', 'ms', 'th', 'ar', 'sc', 'tc', 'ja', 'in'].map(function (l) { return [l, l]; }), cfg.lang, function (v) { location.href = withParams({ lang: v }); }),
    select('View', [['sidebar', 'chat'], ['app', 'app (DEFAULT)'], ['install', 'install']], cfg.view,
      function (v) { location.href = withParams({ view: v, install_finished: null }); }),
    select('Messenger', [['current', 'current (IM_TEXTAREA)'], ['classic', 'classic (IM_SIDEBAR)']], cfg.messenger,
      function (v) { location.href = withParams({ messenger: v }); })
  ]));
  controls.appendChild(el('div', { class: 'row' }, [
    el('label', {}, [document.createTextNode('Latency ms '), latency]),
    button('Apply latency', function () { post('/sandbox/scenario', { latency_ms: parseInt(latency.value, 10) || 0 }).then(renderScenario); }),
    el('label', {}, [document.createTextNode('Fail next '), failCount]), failMode,
    button('Arm failure', function () {
      post('/sandbox/scenario', { fail_next: { count: parseInt(failCount.value, 10) || 0, mode: failMode.value } }).then(renderScenario);
    })
  ]));
  controls.appendChild(el('div', { class: 'row' }, [
    button('Expire token now', function () { post('/sandbox/scenario', { expire_token: true }).then(renderScenario); }),
    button('Toggle refresh fails', function () { post('/sandbox/scenario', { refresh_fails: !lastScenario.refresh_fails }).then(renderScenario); }),
    button('Toggle portal too old', function () { post('/sandbox/scenario', { too_old: !lastScenario.too_old }).then(renderScenario); }),
    button('Reset sandbox', function () { post('/sandbox/reset', {}).then(function () { location.reload(); }); }),
    button('Reload call log', loadCalls)
  ]));
  controls.appendChild(scenarioOut);
  controls.appendChild(el('h3', { text: 'Frame log' }));
  controls.appendChild(frameLogOut);
  controls.appendChild(el('h3', { text: 'Call log' }));
  controls.appendChild(callLogOut);

  var lastScenario = {};
  function renderScenario(s) {
    if (!s || !s.scenario) { return; }
    lastScenario = s.scenario;
    scenarioOut.textContent = 'user ' + s.current_user + ' · lang ' + s.lang + ' · installed ' + s.app.installed +
      ' · scenario ' + JSON.stringify(s.scenario) + ' · limiter ' + s.limiter.level.toFixed(1) + '/' + s.limiter.burst;
  }
  function renderFrameLog() {
    frameLogOut.textContent = '';
    frameLog.slice(-20).forEach(function (f) {
      frameLogOut.appendChild(el('li', { text: f.at + ' ' + f.command + ' ' + JSON.stringify(f.params) }));
    });
  }
  function loadCalls() {
    fetch('/sandbox/calls').then(function (r) { return r.json(); }).then(function (calls) {
      callLogOut.textContent = '';
      calls.slice(-30).forEach(function (c) {
        callLogOut.appendChild(el('li', { text: '#' + c.seq + ' ' + c.kind + ' ' + c.method + ' ' + JSON.stringify(c.params) + ' → ' + c.status + ' ' + JSON.stringify(c.response) }));
      });
    });
  }
  setInterval(loadCalls, 3000);
  poll();
  loadCalls();
})();
