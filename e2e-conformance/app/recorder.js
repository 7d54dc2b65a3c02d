// The recording layer of the stand-in conformance suite, loaded in the app frame BEFORE the
// library (after tests/conformance/serialize.js). It does what the recording's layer did: it
// wraps XMLHttpRequest.prototype.open/send only to timestamp and record calls, and listens to
// the frame's `error` and `message` events. It also defines the helpers the recorded case code
// uses, with the recording's meaning:
//   cb(name, opts)  a recording callback (opts.as === 'batch': the argument is a batchResult;
//                   opts.light: only count calls; opts.then(...args): run after recording)
//   call(fn)        {returned: ser(value)} or {threw: String(error)}
//   step(code, ms)  run one call, record the messages it posted to the parent, wait ms (80)
//   ser(v)          the recording's serializer (BX24Observed.ser)
//   page            collected values;  sleep(ms);  now() (epoch ms, fractional);  rec (raw records)
// The library itself is not changed. Nothing here knows what a case expects.
(function () {
  'use strict';
  var O = window.BX24Observed;
  function now() { return performance.timeOrigin + performance.now(); }

  var rec = {
    xhr: [],      // {method, url, sent, status, network_error, timeout, tOpen, tSend, tDone, body}
    msgs: [],     // messages the frame received: {origin, data, t}
    errors: [],   // ErrorEvent.message, in order
    cbs: {},      // name -> {created, made, light, calls: [{t, this, args}]}
    steps: [],
    harnessErrors: [],
  };

  window.addEventListener('error', function (e) { rec.errors.push(String(e.message)); });
  window.addEventListener('message', function (e) {
    rec.msgs.push({ origin: e.origin, data: e.data, t: now() });
  });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var xhr = this;
    var r = {
      method: String(method), url: String(url), sent: false, status: null, network_error: false,
      timeout: false, tOpen: now(), tSend: null, tDone: null, body: null,
    };
    rec.xhr.push(r);
    xhr.__rec = r;
    // Registered here, before the library sets its own handlers (it does so after open).
    xhr.addEventListener('readystatechange', function () {
      if (xhr.readyState === 4) { r.tDone = now(); r.status = xhr.status; }
    });
    xhr.addEventListener('error', function () { r.network_error = true; });
    xhr.addEventListener('timeout', function () { r.timeout = true; });
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function (body) {
    var r = this.__rec;
    if (r) { r.sent = true; r.tSend = now(); r.body = body === undefined ? null : String(body); }
    return send.apply(this, arguments);
  };

  function thisName(t) {
    if (t === window) { return 'window'; }
    if (t === document) { return 'document'; }
    if (t === undefined) { return 'undefined'; }
    if (t === null) { return 'null'; }
    if (window.BX24 && t === window.BX24) { return 'BX24'; }
    try { return 'object:' + (t.constructor && t.constructor.name); } catch (e) { return 'object'; }
  }
  function looksLikeAjaxResult(a) {
    return a !== null && typeof a === 'object' && Object.prototype.hasOwnProperty.call(a, 'answer') &&
      typeof a.data === 'function' && typeof a.error === 'function';
  }
  function serArg(a, i, opts) {
    if (i === 0 && opts.as === 'batch') { return O.serBatchResult(a); }
    if (looksLikeAjaxResult(a)) { return O.serAjaxResult(a); }
    return O.ser(a);
  }

  window.cb = function (name, opts) {
    opts = opts || {};
    var slot = rec.cbs[name];
    if (!slot) { slot = rec.cbs[name] = { created: now(), made: 0, light: !!opts.light, calls: [] }; }
    slot.made += 1;
    // Returned directly, so the function is anonymous (its name is "") like the recording's.
    return function () {
      var entry = { t: now() };
      if (!opts.light) {
        entry.this = thisName(this);
        var args = [];
        for (var i = 0; i < arguments.length; i++) {
          try { args.push(serArg(arguments[i], i, opts)); } catch (e) { args.push({ $throws: String(e) }); }
        }
        entry.args = args;
      }
      slot.calls.push(entry);
      if (typeof opts.then === 'function') {
        try { opts.then.apply(this, arguments); } catch (e) { rec.harnessErrors.push('then: ' + e); }
      }
    };
  };
  window.call = function (fn) {
    try { return { returned: O.ser(fn()) }; } catch (e) { return { threw: String(e) }; }
  };
  window.sleep = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
  window.now = now;
  window.ser = O.ser;
  window.page = {};
  window.rec = rec;

  // Messages the parent received so far (kept by the suite, fed by the parent page).
  function parentMessages() {
    return typeof window.__parentMessages === 'function' ? window.__parentMessages() : Promise.resolve([]);
  }
  window.step = async function (code, ms) {
    var before = (await parentMessages()).length;
    var r;
    try { r = { returned: O.ser((0, eval)(code)) }; } catch (e) { r = { threw: String(e) }; }
    await window.sleep(ms === undefined ? 80 : ms);
    var after = await parentMessages();
    var s = { code: code };
    if ('returned' in r) { s.returned = r.returned; } else { s.threw = r.threw; }
    s.messages_to_parent = after.slice(before);
    rec.steps.push(s);
  };

  // ---- driven by the suite (e2e-conformance/observe.ts) ----
  var H = window.__harness = { afterLoad: null, initDone: false, initWaitMs: 1000, readyToRun: false };

  // Right after the library's script element: what it left in window.BX24.
  H.snapshotAfterLoad = function () {
    var has = 'BX24' in window;
    var b = window.BX24;
    H.afterLoad = {
      typeof_BX24: typeof b,
      is_null: b === null,
      in_window: has,
      keys: b !== null && typeof b === 'object' ? Object.keys(b) : null,
    };
  };

  // After the inline code_before_init_reply: wait until the library has processed the init data,
  // then the case code may start. The library handles the parent's reply in its own `message`
  // listener, registered before this one, so 30 ms after the first message from the parent's
  // origin it has processed it (init callbacks, deferred 10 ms, have run too unless the install
  // flow holds them back). An init callback of our own says whether init completed (and also
  // releases the code). Where no reply ever comes, the code starts after initWaitMs.
  H.waitForInit = function () {
    var done = false;
    function ready() {
      if (done) { return; }
      done = true;
      H.readyToRun = true;
      // Tells the suite at once (it also checks readyToRun, in case this call is missed).
      if (typeof window.__harnessReady === 'function') { window.__harnessReady(); }
    }
    var parentOrigin = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : null;
    window.addEventListener('message', function (e) {
      if (parentOrigin !== null && e.origin === parentOrigin) { setTimeout(ready, 30); }
    });
    try {
      if (window.BX24 && typeof window.BX24.init === 'function') {
        window.BX24.init(function () { H.initDone = true; ready(); });
      }
    } catch (e) { rec.harnessErrors.push('init: ' + e); }
    setTimeout(ready, H.initWaitMs);
  };

  H.run = async function (code) {
    var fn = (0, eval)('(async function () {\n' + code + '\n})');
    try { await fn(); } catch (e) { rec.harnessErrors.push('code: ' + e); }
  };

  H.collect = function () {
    var pageOut = {};
    Object.keys(window.page).forEach(function (k) {
      try { pageOut[k] = O.ser(window.page[k]); } catch (e) { pageOut[k] = { $throws: String(e) }; }
    });
    var cbs = {};
    Object.keys(rec.cbs).forEach(function (k) { cbs[k] = rec.cbs[k]; });
    return {
      page: pageOut,
      afterLoad: H.afterLoad,
      initDone: H.initDone,
      xhr: rec.xhr,
      msgs: rec.msgs.map(function (m) {
        return { origin: m.origin, data: typeof m.data === 'string' ? m.data : O.ser(m.data), t: m.t };
      }),
      errors: rec.errors,
      cbs: cbs,
      steps: rec.steps,
      harnessErrors: rec.harnessErrors,
    };
  };
})();
