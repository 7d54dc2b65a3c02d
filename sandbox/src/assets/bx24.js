// Sandbox stand-in for the classic Bitrix24 JS library (//api.bitrix24.com/api/v1/).
//
// Our own code, written from the recording of the official library in headless Chromium
// (tests/fixtures/bx24-observed.json: what it sent, what its callbacks received, its frame
// messages and errors, case by case) and checked against that recording by the stand-in
// conformance suite (e2e-conformance/, `npx playwright test -c playwright.conformance.config.ts`).
// Where this file and a prose description disagree, the recording wins. Behaviours kept on
// purpose because the official library has them:
// - only 2xx and 4xx answers with a JSON (or empty) body reach a callback; 5xx, network errors,
//   missing CORS and non-JSON bodies throw 'Query error!' and never call back;
// - an `expired_token` answer (any status) asks the parent for a new token and sends the call
//   again, for as long as the parent answers; the callback then gets the retry's result;
// - params are encoded scalars first, nested values after, with the empty segments the
//   official encoder leaves (`auth=...&&A[B][C]=1`); a truthy top-level `start` is sent first
//   and deleted from the caller's object;
// - a batch sub-result's answer is {result, error, total, next} with `error` the server's
//   object (or undefined), and whole-batch failures throw a TypeError instead of calling back;
// - PROTOCOL from the init data is a truthy flag (the string "0" means https); the domain comes
//   from window.name only; callback ids are never forgotten.
(function () {
  'use strict';

  function now() { return Date.now(); }
  function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function defer(fn, ms) { setTimeout(fn, ms === undefined ? 10 : ms); }

  // ------------------------------------------------------------------ bootstrap (window.name)
  // "<host[:port]>|<protocol>|<app sid>"; a trailing :80 (or :443) is dropped.
  var nameParts = String(window.name || '').split('|');
  var P = {
    DOMAIN: (nameParts[0] || '').replace(/:(80|443)$/, ''),
    PROTOCOL: parseInt(nameParts[1], 10) || 0,
    APP_SID: nameParts[2],
    PATH: '', LANG: '', AUTH_ID: '', AUTH_EXPIRES: 0, REFRESH_ID: '', MEMBER_ID: '',
    FIRST_RUN: false, IS_ADMIN: false, INSTALL: false, USER_OPTIONS: {}, APP_OPTIONS: {},
    PLACEMENT: null, PLACEMENT_OPTIONS: null
  };
  if (!P.DOMAIN || !P.APP_SID) {
    window.BX24 = null;
    throw new Error('Unable to initialize Bitrix24 JS library!');
  }

  function scheme() { return P.PROTOCOL ? 'https' : 'http'; }

  // ------------------------------------------------------------------ frame messages
  var callbacks = {};
  function callbackId() {
    var chars = '0123456789abcdefghijklmnopqrstuvwxyz', id = '';
    for (var i = 0; i < 32; i++) { id += chars.charAt(Math.floor(Math.random() * chars.length)); }
    return id;
  }
  // child -> parent: "command:JSON-params:callbackId:APP_SID" (params and id empty when none)
  function sendMessage(cmd, params, cb) {
    var id = '';
    if (typeof cb === 'function') { id = callbackId(); callbacks[id] = cb; }
    var msg = cmd + ':' + (params ? JSON.stringify(params) : '') + ':' + id + ':' + P.APP_SID;
    window.parent.postMessage(msg, scheme() + '://' + P.DOMAIN);
  }
  // parent -> child: "callbackId:JSON", accepted from scheme://DOMAIN only (the scheme follows
  // PROTOCOL, as for sending); an empty payload is [].
  window.addEventListener('message', function (e) {
    if (e.origin !== scheme() + '://' + P.DOMAIN) { return; }
    if (typeof e.data !== 'string') { return; }
    var i = e.data.indexOf(':');
    var id = i < 0 ? e.data : e.data.substring(0, i);
    var fn = callbacks[id];
    if (typeof fn !== 'function') { return; }
    var payload = i < 0 ? '' : e.data.substring(i + 1);
    fn.call(window, payload ? JSON.parse(payload) : []);
  });

  // ------------------------------------------------------------------ init and install
  var inited = false;
  var installing = false;      // FIRST_RUN with an installer: init waits for installFinish()
  var installDone = false;
  var initCallbacks = [];      // every BX24.init callback, run again on every init reply
  var installers = [];
  var waitingCalls = [];       // calls made before init, released once with the init callbacks

  function releaseInit() {
    var i;
    for (i = 0; i < initCallbacks.length; i++) { runLater(initCallbacks[i], window); }
    var calls = waitingCalls;
    waitingCalls = [];
    for (i = 0; i < calls.length; i++) { defer(calls[i]); }
  }
  function runLater(fn, self) { defer(function () { fn.call(self); }); }

  // DOMAIN stays the one from window.name; PATH, LANG and PLACEMENT are taken only while still
  // empty; PROTOCOL is overwritten (and used as a truthy flag); the token only with an AUTH_ID.
  function applyInitData(d) {
    if (!P.LANG) { P.LANG = d.LANG; }
    if (!P.PATH) { P.PATH = d.PATH; }
    if (!P.PLACEMENT) { P.PLACEMENT = d.PLACEMENT; }
    P.PROTOCOL = d.PROTOCOL;
    if (d.AUTH_ID) {
      P.AUTH_ID = d.AUTH_ID;
      P.REFRESH_ID = d.REFRESH_ID;
      P.AUTH_EXPIRES = now() + d.AUTH_EXPIRES * 1000;
      P.IS_ADMIN = !!d.IS_ADMIN;
    }
    P.MEMBER_ID = d.MEMBER_ID;
    P.FIRST_RUN = !!d.FIRST_RUN;
    P.INSTALL = !!d.INSTALL;
    P.USER_OPTIONS = d.USER_OPTIONS;
    P.APP_OPTIONS = d.APP_OPTIONS;
    P.PLACEMENT_OPTIONS = d.PLACEMENT_OPTIONS;
    inited = true;
    if (P.FIRST_RUN && installers.length > 0 && !installDone) {
      installing = true;
      for (var i = 0; i < installers.length; i++) { installers[i].call(document); }
    }
    if (!installing) { releaseInit(); }
  }

  // ------------------------------------------------------------------ REST
  // Leaky bucket: 90 requests at once, then it drains 2 per second (checked once a second);
  // waiting calls leave in call order.
  var bucket = { level: 0, at: performance.now() };
  var throttled = [];
  function takeSlot() {
    var t = performance.now();
    bucket.level = Math.max(0, bucket.level - (t - bucket.at) * 0.002);
    bucket.at = t;
    if (bucket.level < 90) { bucket.level += 1; return true; }
    return false;
  }
  function drainLater() {
    defer(function () {
      while (throttled.length > 0 && takeSlot()) { throttled.shift()(); }
      if (throttled.length > 0) { drainLater(); }
    }, 1000);
  }
  function throttle(fn) {
    if (throttled.length === 0 && takeSlot()) { fn(); return; }
    throttled.push(fn);
    if (throttled.length === 1) { drainLater(); }
  }

  // Scalars first (in key order), then nested values; null and {} are dropped, [] is "KEY=",
  // a Date is its ISO string; keys and values through encodeURIComponent, brackets as they are.
  function encode(data, prefix) {
    var scalars = [], nested = [];
    for (var key in data) {
      if (!hasOwn(data, key)) { continue; }
      var v = data[key];
      var name = prefix ? prefix + '[' + encodeURIComponent(key) + ']' : encodeURIComponent(key);
      if (v === null) { continue; }
      if (typeof v === 'object') {
        var part;
        if (v instanceof Date) { part = name + '=' + encodeURIComponent(v.toJSON()); }
        else if (Array.isArray(v) && v.length === 0) { part = name + '='; }
        else { part = encode(v, name); }
        if (part !== '') { nested.push(part); }
      } else {
        scalars.push(name + '=' + encodeURIComponent(v));
      }
    }
    return scalars.join('&') + (nested.length > 0 ? '&' + nested.join('&') : '');
  }
  function encodeParams(params) {
    if (typeof params === 'string') { return params; }
    if (params !== null && typeof params === 'object') { return encode(params); }
    return '';
  }
  // query.data: a copy of the caller's object (its enumerable keys, inherited ones included).
  function copyParams(params) {
    if (Array.isArray(params)) { return params.slice(); }
    if (params === null || typeof params !== 'object') { return params; }
    var out = {};
    for (var k in params) { out[k] = params[k]; }
    return out;
  }

  function ajaxError(status, ex) {
    this.status = status;
    this.ex = ex;
  }
  ajaxError.prototype.getError = function () { return this.ex; };
  ajaxError.prototype.getStatus = function () { return this.status; };
  ajaxError.prototype.toString = function () {
    return this.ex.error + (this.ex.error_description ? ': ' + this.ex.error_description : '') +
      ' (' + this.status + ')';
  };

  function ajaxResult(answer, query, status) {
    this.answer = answer;
    this.query = query;
    this.status = status;
    if (typeof this.answer.next !== 'undefined') { this.answer.next = parseInt(this.answer.next, 10); }
    if (typeof this.answer.error !== 'undefined') {
      this.answer.ex = new ajaxError(this.status,
        typeof this.answer.error === 'string' ? this.answer : this.answer.error);
    }
  }
  ajaxResult.prototype.data = function () { return this.answer.result; };
  ajaxResult.prototype.error = function () { return this.answer.ex; };
  ajaxResult.prototype.error_description = function () { return this.answer.error_description; };
  ajaxResult.prototype.more = function () { return !isNaN(this.answer.next); };
  ajaxResult.prototype.total = function () { return parseInt(this.answer.total, 10); };
  ajaxResult.prototype.next = function (cb) {
    if (!this.more()) { return false; }
    dispatch({
      method: this.query.method, data: this.query.data,
      callback: typeof cb === 'function' ? cb : this.query.callback, start: this.answer.next
    }, encodeParams(this.query.data));
  };

  function tokenExpired() { return !(P.AUTH_EXPIRES > now()); }

  // Opens the XHR now, sends it 10 ms later.
  function send(query, encoded) {
    var url = scheme() + '://' + P.DOMAIN + P.PATH + '/' + encodeURIComponent(query.method) + '.json';
    var body = 'auth=' + P.AUTH_ID +
      (typeof query.start !== 'undefined' ? '&start=' + parseInt(query.start, 10) : '') + '&' + encoded;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url, true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var s = xhr.status;
      if (!((s >= 200 && s < 300) || (s >= 400 && s < 500))) { throw 'Query error!'; }
      var answer;
      if (xhr.responseText === '') {
        answer = { result: {} };
      } else {
        try { answer = JSON.parse(xhr.responseText); } catch (e) { throw 'Query error!'; }
      }
      if (answer.error === 'expired_token') {
        BX24.refreshAuth(function () { send(query, encoded); });
        return;
      }
      var result = new ajaxResult(answer, query, s);
      if (typeof query.callback === 'function') { query.callback.call(window, result); }
    };
    defer(function () { xhr.send(body); });
  }

  function dispatch(query, encoded) {
    function go() {
      throttle(function () {
        if (tokenExpired()) { BX24.refreshAuth(function () { send(query, encoded); }); }
        else { send(query, encoded); }
      });
    }
    if (inited) { go(); } else { waitingCalls.push(go); }
  }

  function callMethod(method, params, cb) {
    var start = params.start; // a TypeError for undefined or null params, as in the original
    if (start) { delete params.start; }
    var encoded = encodeParams(params);
    dispatch({ method: method, data: copyParams(params), callback: cb, start: start }, encoded);
  }

  function callBatch(calls, cb, haltOnError) {
    var isArray = Array.isArray(calls);
    var cmd = isArray ? [] : {};
    var subs = isArray ? [] : {};
    var any = false;
    for (var key in calls) {
      if (!hasOwn(calls, key)) { continue; }
      var row = calls[key], method, params;
      if (Array.isArray(row)) { method = row[0]; params = row[1]; }
      else if (row !== null && typeof row === 'object') { method = row.method; params = row.params; }
      else { continue; }
      if (!method) { continue; }
      var encoded = encodeParams(params);
      cmd[key] = method + '?' + encoded;
      subs[key] = { method: method, data: encoded, callback: cb };
      any = true;
    }
    if (!any) { return; }
    callMethod('batch', { halt: haltOnError ? 1 : 0, cmd: cmd }, function (res) {
      var d = res.data();
      var result = d.result, errors = d.result_error, totals = d.result_total, nexts = d.result_next;
      var out = isArray ? [] : {};
      for (var k in subs) {
        if (!hasOwn(subs, k)) { continue; }
        if (typeof result[k] === 'undefined' && typeof errors[k] === 'undefined') { continue; }
        out[k] = new ajaxResult({
          result: typeof result[k] !== 'undefined' ? result[k] : {},
          error: errors[k] || undefined,
          total: totals[k],
          next: nexts[k]
        }, subs[k], res.status);
      }
      if (typeof cb === 'function') { cb.call(window, out); }
    });
  }

  function bindCall(method) {
    return function (event, handler, authType, cb) {
      if (!P.IS_ADMIN) { return false; }
      if (typeof authType === 'function') { cb = authType; authType = 0; }
      callMethod(method, { event: event, handler: handler, auth_type: authType || 0 }, cb);
    };
  }

  function scrollSize() {
    var html = document.documentElement;
    return {
      scrollWidth: Math.max(html.scrollWidth, html.offsetWidth),
      scrollHeight: Math.max(html.scrollHeight, html.offsetHeight)
    };
  }

  var domReady = document.readyState !== 'loading';
  var readyQueue = [];
  if (!domReady) {
    document.addEventListener('DOMContentLoaded', function () {
      domReady = true;
      var q = readyQueue;
      readyQueue = [];
      for (var i = 0; i < q.length; i++) { q[i].call(window); }
    });
  }

  // ------------------------------------------------------------------ public API (key order as
  // the original's Object.keys(BX24))
  var BX24 = {
    init: function (cb) {
      if (typeof cb !== 'function') { return; }
      initCallbacks.push(cb);
      if (inited && !installing) { runLater(cb, window); }
    },
    install: function (fn) { if (typeof fn === 'function') { installers.push(fn); } },
    installFinish: function () {
      if (installing) {
        installing = false;
        installDone = true;
        sendMessage('setInstall', { install: true });
        releaseInit();
        return;
      }
      if (installDone || (inited && !P.INSTALL)) { return; }
      sendMessage('setInstallFinish', {});
    },
    callMethod: callMethod,
    callBatch: callBatch,
    callBind: bindCall('event.bind'),
    callUnbind: bindCall('event.unbind'),
    callUnBind: bindCall('event.unbind'),
    canUse: function (feature) { return feature === 'upload'; },
    isAdmin: function () { return P.IS_ADMIN; },
    getAuth: function () {
      if (!P.AUTH_ID || tokenExpired()) { return false; }
      return {
        access_token: P.AUTH_ID, refresh_token: P.REFRESH_ID, expires_in: P.AUTH_EXPIRES,
        domain: P.DOMAIN, member_id: P.MEMBER_ID
      };
    },
    getLang: function () { return P.LANG; },
    getDomain: function () { return P.DOMAIN; },
    refreshAuth: function (cb) {
      sendMessage('refreshAuth', {}, function (p) {
        P.AUTH_ID = p.AUTH_ID;
        P.REFRESH_ID = p.REFRESH_ID;
        P.AUTH_EXPIRES = now() + p.AUTH_EXPIRES * 1000;
        if (typeof cb === 'function') { cb.call(window, BX24.getAuth()); }
      });
    },
    resizeWindow: function (width, height, cb) {
      width = parseInt(width, 10);
      height = parseInt(height, 10);
      if (width > 0 && height > 0) { sendMessage('resizeWindow', { width: width, height: height }, cb); }
    },
    fitWindow: function (cb) {
      sendMessage('resizeWindow', { width: '100%', height: scrollSize().scrollHeight }, cb);
    },
    reloadWindow: function (cb) { sendMessage('reloadWindow', {}, cb); },
    setTitle: function (title, cb) { sendMessage('setTitle', { title: String(title) }, cb); },
    scrollParentWindow: function (scroll, cb) {
      scroll = parseInt(scroll, 10);
      if (!isNaN(scroll)) { sendMessage('setScroll', { scroll: scroll }, cb); }
    },
    isReady: function () { return domReady; },
    ready: function (fn) {
      if (typeof fn !== 'function') { return; }
      if (domReady) { runLater(fn, window); } else { readyQueue.push(fn); }
    },
    proxy: function (fn, self) { return function () { return fn.apply(self, arguments); }; },
    proxyContext: null,
    bind: function (el, event, fn) { el.addEventListener(event, fn, false); },
    unbind: function (el, event, fn) { el.removeEventListener(event, fn, false); },
    getScrollSize: scrollSize,
    selectAccess: function (value, cb) {
      if (typeof value === 'function') { cb = value; value = []; }
      sendMessage('selectAccess', { value: value || [] }, cb);
    },
    selectUser: function (title, cb) {
      if (typeof title === 'function') { cb = title; title = ''; }
      sendMessage('selectUser', { title: title || '', mult: false }, cb);
    },
    selectUsers: function (title, cb) {
      if (typeof title === 'function') { cb = title; title = ''; }
      sendMessage('selectUser', { title: title || '', mult: true }, cb);
    },
    selectCRM: function (params, cb) {
      if (typeof params === 'function') { cb = params; params = {}; }
      sendMessage('selectCRM', params || {}, cb);
    },
    openApplication: function (params, cb) {
      if (typeof params === 'function') { cb = params; params = {}; }
      sendMessage('openApplication', params || {}, cb);
    },
    closeApplication: function (cb) { sendMessage('closeApplication', null, cb); },
    im: {
      openMessenger: function (dialogId) { sendMessage('imOpenMessenger', { dialogId: dialogId }); },
      openHistory: function (dialogId) { sendMessage('imOpenHistory', { dialogId: dialogId }); },
      callTo: function (userId, video) { sendMessage('imCallTo', { userId: userId, video: !!video }); },
      phoneTo: function (phone) { sendMessage('imPhoneTo', { phone: phone }); }
    },
    placement: {
      info: function () { return { placement: P.PLACEMENT, options: P.PLACEMENT_OPTIONS }; },
      getInterface: function (cb) { sendMessage('getInterface', null, cb); },
      call: function (cmd, params, cb) {
        if (typeof params === 'function') { cb = params; params = {}; }
        if (typeof BX24[cmd] !== 'undefined') { return; } // a BX24 method is not a placement command
        sendMessage(cmd, params || {}, cb);
      },
      bindEvent: function (event, cb) { sendMessage('placementBindEvent', { event: event }, cb); }
    },
    loadScript: function (src, cb) {
      var s = document.createElement('script');
      s.src = src;
      if (typeof cb === 'function') { s.onload = function () { cb.call(window); }; }
      (document.head || document.documentElement).appendChild(s);
    },
    appOption: {
      get: function (name) { return P.APP_OPTIONS ? P.APP_OPTIONS[name] : undefined; },
      // Declared without formal parameters (the original's has length 0); admins only.
      set: function () {
        if (!P.IS_ADMIN) { return; }
        sendMessage('setAppOption', { name: arguments[0], value: arguments[1] }, arguments[2]);
      }
    },
    userOption: {
      get: function (name) { return P.USER_OPTIONS ? P.USER_OPTIONS[name] : undefined; },
      set: function (name, value, cb) { sendMessage('setUserOption', { name: name, value: value }, cb); }
    }
  };
  window.BX24 = BX24;

  sendMessage('getInitData', null, applyInitData);
})();
