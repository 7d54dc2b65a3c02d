// Sandbox stand-in for the classic Bitrix24 JS library (//api.bitrix24.com/api/v1/).
// Written from the contract in docs bitrix24.md §4 (public API, bootstrap, postMessage
// format, HTTP of callMethod); it is not a copy of the original. Quirks are kept on purpose:
// PROTOCOL from init data is a truthy flag, callbacks never fire on 5xx / bad JSON / network
// errors ('Query error!' is thrown instead), callMethod reads params.start.
window.BX24 = {};
(function (BX24) {
  'use strict';

  var PARAMS = {
    DOMAIN: '', PROTOCOL: 0, APP_SID: '', PATH: '', LANG: '', AUTH_ID: '', AUTH_EXPIRES: 0,
    REFRESH_ID: '', MEMBER_ID: '', FIRST_RUN: false, IS_ADMIN: false, INSTALL: false,
    USER_OPTIONS: {}, APP_OPTIONS: {}, PLACEMENT: '', PLACEMENT_OPTIONS: {}
  };
  var inited = false;
  var initQueue = [];
  var installQueue = [];
  var callbacks = {};

  function defer(fn, ms) { setTimeout(fn, ms === undefined ? 10 : ms); }
  function proto() { return PARAMS.PROTOCOL ? 'https' : 'http'; }
  function parentOrigin() { return proto() + '://' + PARAMS.DOMAIN; }

  function randomId() {
    var chars = '0123456789abcdefghijklmnopqrstuvwxyz', s = '';
    for (var i = 0; i < 32; i++) { s += chars.charAt(Math.floor(Math.random() * chars.length)); }
    return s;
  }

  // child -> parent: "cmd:json:cbId:APP_SID"
  function sendMessage(cmd, params, cb) {
    var cbId = '';
    if (typeof cb === 'function') { cbId = randomId(); callbacks[cbId] = cb; }
    var msg = cmd + ':' + (params ? JSON.stringify(params) : '') + ':' + cbId + ':' + PARAMS.APP_SID;
    parent.postMessage(msg, parentOrigin());
  }

  // parent -> child: "cbId:json"; callbacks are never deleted (as in the original)
  function receiveMessage(e) {
    if (e.origin !== parentOrigin() || typeof e.data !== 'string') { return; }
    var i = e.data.indexOf(':');
    var id = i < 0 ? e.data : e.data.substring(0, i);
    var rest = i < 0 ? '' : e.data.substring(i + 1);
    if (typeof callbacks[id] === 'function') {
      callbacks[id].apply(window, [rest ? JSON.parse(rest) : []]);
    }
  }

  function applyInitData(data) {
    if (!PARAMS.DOMAIN) { PARAMS.DOMAIN = data.DOMAIN; }
    if (!PARAMS.PATH) { PARAMS.PATH = data.PATH; }
    if (!PARAMS.LANG) { PARAMS.LANG = data.LANG; }
    if (!PARAMS.PLACEMENT) { PARAMS.PLACEMENT = data.PLACEMENT; }
    PARAMS.PROTOCOL = data.PROTOCOL;
    PARAMS.AUTH_ID = data.AUTH_ID;
    PARAMS.REFRESH_ID = data.REFRESH_ID;
    PARAMS.AUTH_EXPIRES = Date.now() + parseInt(data.AUTH_EXPIRES, 10) * 1000;
    PARAMS.MEMBER_ID = data.MEMBER_ID;
    PARAMS.IS_ADMIN = !!data.IS_ADMIN;
    PARAMS.FIRST_RUN = !!data.FIRST_RUN;
    PARAMS.INSTALL = !!data.INSTALL;
    PARAMS.USER_OPTIONS = data.USER_OPTIONS;
    PARAMS.APP_OPTIONS = data.APP_OPTIONS;
    PARAMS.PLACEMENT_OPTIONS = data.PLACEMENT_OPTIONS;
    if (!PARAMS.INSTALL) { BX24.installFinish = function () {}; }
    inited = true;
    if (PARAMS.FIRST_RUN && installQueue.length > 0) {
      for (var j = 0; j < installQueue.length; j++) { installQueue[j].apply(window); }
      sendMessage('setInstall', { install: true });
    }
    var q = initQueue;
    initQueue = [];
    for (var i = 0; i < q.length; i++) { defer(q[i]); }
  }

  // ------------------------------------------------------------------ REST

  // Leaky bucket: 90 slots, drains 0.002 per ms (2 requests/s); when full, wait 1 s steps.
  var bucket = { level: 0, at: Date.now() };
  function throttle(fn) {
    var now = Date.now();
    bucket.level = Math.max(0, bucket.level - (now - bucket.at) * 0.002);
    bucket.at = now;
    if (bucket.level + 1 > 90) { setTimeout(function () { throttle(fn); }, 1000); return; }
    bucket.level += 1;
    fn();
  }

  function prepareData(data, prefix) {
    var parts = [];
    for (var key in data) {
      if (!Object.prototype.hasOwnProperty.call(data, key)) { continue; }
      if (!prefix && key === 'start') { continue; }
      var name = prefix ? prefix + '[' + encodeURIComponent(key) + ']' : encodeURIComponent(key);
      var v = data[key];
      if (v === null) { continue; }
      if (v instanceof Date) { v = v.toJSON(); }
      if (Array.isArray(v) && v.length === 0) { parts.push(name + '='); continue; }
      if (typeof v === 'object') {
        var sub = prepareData(v, name);
        if (sub) { parts.push(sub); }
        continue;
      }
      if (typeof v === 'boolean') { v = v ? 'true' : 'false'; }
      parts.push(name + '=' + encodeURIComponent(v));
    }
    return parts.join('&');
  }

  function AjaxError(status, ex) { this.status = status; this.ex = ex; }
  AjaxError.prototype.getError = function () { return this.ex; };
  AjaxError.prototype.getStatus = function () { return this.status; };
  AjaxError.prototype.toString = function () {
    return this.ex.error + (this.ex.error_description ? ': ' + this.ex.error_description : '') +
      ' (' + this.status + ')';
  };

  function AjaxResult(answer, query, status) {
    this.answer = answer;
    this.query = { method: query.method, data: query.data, callback: query.callback, start: query.start };
    this.status = status;
    if (typeof this.answer.next !== 'undefined') { this.answer.next = parseInt(this.answer.next, 10); }
    if (typeof this.answer.error !== 'undefined') {
      this.answer.ex = new AjaxError(status, typeof this.answer.error === 'string' ? this.answer : this.answer.error);
    }
  }
  AjaxResult.prototype.data = function () { return this.answer.result; };
  AjaxResult.prototype.error = function () { return this.answer.ex; };
  AjaxResult.prototype.error_description = function () { return this.answer.error_description; };
  AjaxResult.prototype.more = function () { return !isNaN(this.answer.next); };
  AjaxResult.prototype.total = function () { return parseInt(this.answer.total, 10); };
  AjaxResult.prototype.next = function (cb) {
    if (!this.more()) { return false; }
    call(this.query.method, this.query.data, cb || this.query.callback, this.answer.next);
    return true;
  };

  function send(query, retried) {
    defer(function () {
      var url = proto() + '://' + PARAMS.DOMAIN + PARAMS.PATH + '/' + encodeURIComponent(query.method) + '.json';
      var body = 'auth=' + PARAMS.AUTH_ID;
      if (query.start) { body += '&start=' + query.start; }
      var data = prepareData(query.data || {});
      if (data) { body += '&' + data; }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url, true);
      xhr.onload = function () {
        var s = xhr.status;
        var ok = (s >= 200 && s < 300) || s === 304 || (s >= 400 && s < 500) || s === 1223 || s === 0;
        if (!ok) { throw 'Query error!'; }
        var json;
        if (xhr.responseText === '') {
          json = { result: {} };
        } else {
          try { json = JSON.parse(xhr.responseText); } catch (e) { throw 'Query error!'; }
        }
        if (json && json.error === 'expired_token' && !retried) {
          BX24.refreshAuth(function () { send(query, true); });
          return;
        }
        if (typeof query.callback === 'function') { query.callback(new AjaxResult(json, query, s)); }
      };
      xhr.onerror = function () { throw 'Query error!'; };
      xhr.send(body);
    });
  }

  function call(method, params, cb, start) {
    var query = { method: method, data: params, callback: cb, start: start };
    throttle(function () {
      if (PARAMS.AUTH_EXPIRES < Date.now()) {
        BX24.refreshAuth(function () { send(query); });
      } else {
        send(query);
      }
    });
  }

  // ------------------------------------------------------------------ public API

  BX24.init = function (cb) {
    if (inited) { defer(cb); } else { initQueue.push(cb); }
  };
  BX24.install = function (fn) { installQueue.push(fn); };
  BX24.installFinish = function () { sendMessage('setInstallFinish', {}); };

  BX24.callMethod = function (method, params, cb) {
    var start = params.start; // throws TypeError for undefined/null params (newer build)
    return call(method, params, cb, start);
  };

  BX24.callBatch = function (calls, cb, haltOnError) {
    var isArray = Array.isArray(calls);
    var cmd = isArray ? [] : {};
    var key;
    var norm = isArray ? [] : {};
    for (key in calls) {
      if (!Object.prototype.hasOwnProperty.call(calls, key)) { continue; }
      var row = calls[key], method = null, params = null;
      if (Array.isArray(row)) { method = row[0]; params = row[1]; } else if (row && row.method) { method = row.method; params = row.params; }
      if (method) {
        cmd[key] = method + '?' + prepareData(params || {});
        norm[key] = { method: method, data: params };
      }
    }
    return BX24.callMethod('batch', { halt: haltOnError ? 1 : 0, cmd: cmd }, function (res) {
      if (typeof cb !== 'function') { return; }
      var error = res.error(), data = res.data(), out = isArray ? [] : {};
      for (var k in norm) {
        if (!Object.prototype.hasOwnProperty.call(norm, k)) { continue; }
        var answer;
        if (error) {
          answer = { error: error.ex.error, error_description: error.ex.error_description };
        } else {
          answer = { result: data.result && typeof data.result[k] !== 'undefined' ? data.result[k] : {} };
          var e = data.result_error && data.result_error[k];
          if (e) { answer.error = e.error; answer.error_description = e.error_description; }
          if (data.result_total && typeof data.result_total[k] !== 'undefined') { answer.total = data.result_total[k]; }
          if (data.result_next && typeof data.result_next[k] !== 'undefined') { answer.next = data.result_next[k]; }
        }
        out[k] = new AjaxResult(answer, norm[k], res.status);
      }
      cb(out);
    });
  };

  BX24.getAuth = function () {
    if (PARAMS.AUTH_EXPIRES <= Date.now()) { return false; }
    return {
      access_token: PARAMS.AUTH_ID, refresh_token: PARAMS.REFRESH_ID,
      expires_in: PARAMS.AUTH_EXPIRES, domain: PARAMS.DOMAIN, member_id: PARAMS.MEMBER_ID
    };
  };
  BX24.refreshAuth = function (cb) {
    sendMessage('refreshAuth', {}, function (p) {
      PARAMS.AUTH_ID = p.AUTH_ID;
      PARAMS.REFRESH_ID = p.REFRESH_ID;
      PARAMS.AUTH_EXPIRES = Date.now() + parseInt(p.AUTH_EXPIRES, 10) * 1000;
      if (typeof cb === 'function') { cb(BX24.getAuth()); }
    });
  };

  BX24.getLang = function () { return PARAMS.LANG; };
  BX24.getDomain = function () { return PARAMS.DOMAIN; };
  BX24.isAdmin = function () { return PARAMS.IS_ADMIN; };

  function scrollSize() {
    var html = document.documentElement;
    return { scrollWidth: Math.max(html.scrollWidth, html.offsetWidth), scrollHeight: Math.max(html.scrollHeight, html.offsetHeight) };
  }
  BX24.getScrollSize = scrollSize;
  BX24.resizeWindow = function (width, height, cb) {
    width = parseInt(width, 10);
    height = parseInt(height, 10);
    if (width > 0 && height > 0) { sendMessage('resizeWindow', { width: width, height: height }, cb); }
  };
  BX24.fitWindow = function (cb) {
    sendMessage('resizeWindow', { width: '100%', height: scrollSize().scrollHeight }, cb);
  };
  BX24.setTitle = function (title, cb) { sendMessage('setTitle', { title: title.toString() }, cb); };
  BX24.reloadWindow = function () { sendMessage('reloadWindow'); };
  BX24.scrollParentWindow = function (scroll, cb) { sendMessage('setScroll', { scroll: scroll }, cb); };
  BX24.openApplication = function (params, cb) { sendMessage('openApplication', params, cb); };
  BX24.closeApplication = function (cb) { sendMessage('closeApplication', {}, cb); };

  BX24.placement = {
    info: function () { return { placement: PARAMS.PLACEMENT, options: PARAMS.PLACEMENT_OPTIONS }; },
    getInterface: function (cb) { sendMessage('getInterface', null, cb); },
    call: function (cmd, params, cb) {
      if (typeof BX24[cmd] !== 'undefined') { return; }
      sendMessage(cmd, params, cb);
    },
    bindEvent: function (name, cb) { sendMessage('placementBindEvent', { event: name }, cb); }
  };

  var readyQueue = [];
  var isReady = document.readyState !== 'loading';
  function runReady() {
    if (isReady && readyQueue.length === 0) { return; }
    isReady = true;
    var q = readyQueue;
    readyQueue = [];
    for (var i = 0; i < q.length; i++) { q[i].apply(document); }
  }
  if (!isReady) { document.addEventListener('DOMContentLoaded', runReady); }
  BX24.isReady = function () { return isReady; };
  BX24.ready = function (fn) { if (isReady) { fn.apply(document); } else { readyQueue.push(fn); } };
  BX24.bind = function (el, ev, fn) { el.addEventListener(ev, fn); };
  BX24.unbind = function (el, ev, fn) { el.removeEventListener(ev, fn); };

  // ------------------------------------------------------------------ bootstrap
  var parts = (window.name || '').split('|');
  PARAMS.DOMAIN = (parts[0] || '').replace(/:(80|443)$/, '');
  PARAMS.PROTOCOL = parseInt(parts[1], 10) || 0;
  PARAMS.APP_SID = parts[2] || '';
  if (!PARAMS.DOMAIN || !PARAMS.APP_SID) {
    window.BX24 = null;
    throw new Error('Unable to initialize Bitrix24 JS library!');
  }
  window.addEventListener('message', receiveMessage);
  sendMessage('getInitData', null, applyInitData);
})(window.BX24);
