// The serializer of the BX24 recording (tests/fixtures/bx24-observed.json, format
// "bx24-observed/1"): turns live values into the JSON the recording holds, so that a live value
// and a recorded one can be compared with a plain deep-equal.
//
// A classic script on purpose (no import/export, no top-level let/const): it works when eval'ed,
// injected as a <script>, or passed to Playwright's addInitScript, in any page or realm. It only
// defines globalThis.BX24Observed = { ser, serAjaxResult, serBatchResult }.
//
// Rules, as worked out from the recorded values:
// - JSON scalars as they are; `undefined` -> {"$undefined":true} (also for a key that is present
//   with the value undefined; an absent key is not written); NaN -> {"$NaN":true};
//   ±Infinity -> {"$Infinity":1|-1}; a function -> {"$function": its name, "" if anonymous};
//   a Date -> {"$date": ISO string}; window -> {"$window":true}; document -> {"$document":true}.
// - Objects: own enumerable string keys in their own order (Object.keys). An object whose
//   prototype is not an Object.prototype gets "$class": <constructor name> as its FIRST key
//   (null when there is no constructor). Arrays: every index, a hole -> {"$hole":true}.
// - A property whose read throws -> {"$throws": String(error)}; so does a method in the
//   ajaxResult shape that throws.
// - Cycles: an object that is being written further up (an ancestor) -> {"$ref": <path>}. Paths
//   are "answer", "answer.ex", "error()", "error().ex", ... (object keys joined with ".", array
//   indexes as "[i]"). Inside an ajaxResult, `answer` and the `error()` object are also "being
//   written" while the derived fields are written, so error().ex === answer gives
//   {"$ref":"answer"}. Only ancestors count: the same object met twice on different branches is
//   written twice (a batch sub-result's answer.error and answer.ex.ex are both written out).
(function (g) {
  'use strict';

  var objectToString = Object.prototype.toString;

  function isWindow(v) {
    try {
      if (typeof window !== 'undefined' && v === window) { return true; }
      var tag = objectToString.call(v);
      return tag === '[object Window]' || tag === '[object global]' && v === g;
    } catch (e) { return false; }
  }
  function isDocument(v) {
    try {
      if (typeof document !== 'undefined' && v === document) { return true; }
      var tag = objectToString.call(v);
      return tag === '[object HTMLDocument]' || tag === '[object Document]';
    } catch (e) { return false; }
  }
  function isDate(v) { return objectToString.call(v) === '[object Date]'; }

  // An Object.prototype of any realm: its own prototype is null and its own constructor is named
  // "Object" (an object whose prototype is another object, as Object.create({..}), is not plain).
  function isPlainPrototype(p) {
    if (p === Object.prototype) { return true; }
    if (p === null || Object.getPrototypeOf(p) !== null) { return false; }
    try {
      return Object.prototype.hasOwnProperty.call(p, 'constructor') &&
        typeof p.constructor === 'function' && p.constructor.name === 'Object';
    } catch (e) { return false; }
  }

  function className(v) {
    try {
      var c = v.constructor;
      return typeof c === 'function' ? c.name : null;
    } catch (e) { return null; }
  }

  function join(path, key) { return path ? path + '.' + key : String(key); }

  function throws(e) {
    var text;
    try { text = String(e); } catch (x) { text = Object.prototype.toString.call(e); }
    return { $throws: text };
  }

  // stack: [[object, path], ...] of the objects being written (ancestors and roots).
  function refOf(v, stack) {
    for (var i = 0; i < stack.length; i++) {
      if (stack[i][0] === v) { return stack[i][1]; }
    }
    return null;
  }

  function walk(v, path, stack) {
    if (v === undefined) { return { $undefined: true }; }
    if (v === null) { return null; }
    var t = typeof v;
    if (t === 'number') {
      if (v !== v) { return { $NaN: true }; }
      if (v === Infinity) { return { $Infinity: 1 }; }
      if (v === -Infinity) { return { $Infinity: -1 }; }
      return v;
    }
    if (t === 'string' || t === 'boolean') { return v; }
    if (t === 'function') {
      var name = '';
      try { name = typeof v.name === 'string' ? v.name : ''; } catch (e) { name = ''; }
      return { $function: name };
    }
    if (t !== 'object') { return String(v); } // bigint, symbol: not in the recording
    if (isWindow(v)) { return { $window: true }; }
    if (isDocument(v)) { return { $document: true }; }
    if (isDate(v)) {
      var iso;
      try { iso = v.toISOString(); } catch (e) { iso = String(v); }
      return { $date: iso };
    }
    var ref = refOf(v, stack);
    if (ref !== null) { return { $ref: ref }; }
    var inner = stack.concat([[v, path]]);
    var out, i, k;
    if (Array.isArray(v)) {
      out = [];
      for (i = 0; i < v.length; i++) {
        if (!(i in v)) { out.push({ $hole: true }); continue; }
        var item;
        try { item = walk(v[i], path + '[' + i + ']', inner); } catch (e) { item = throws(e); }
        out.push(item);
      }
      return out;
    }
    out = {};
    if (!isPlainPrototype(Object.getPrototypeOf(v))) { out.$class = className(v); }
    var keys = Object.keys(v);
    for (i = 0; i < keys.length; i++) {
      k = keys[i];
      try { out[k] = walk(v[k], join(path, k), inner); } catch (e) { out[k] = throws(e); }
    }
    return out;
  }

  // ser(value[, path]): path names the value itself for $ref (default "": its keys are then
  // written "key", "key.sub").
  function ser(v, path) {
    return walk(v, typeof path === 'string' ? path : '', []);
  }

  function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }

  function callOn(obj, name, path, stack) {
    try {
      return walk(obj[name](), path, stack);
    } catch (e) { return throws(e); }
  }

  // The argument of a callMethod callback.
  function serAjaxResult(r) {
    if (!isObject(r)) { return ser(r); }
    var out = { $type: 'ajaxResult' };
    var answer, err, errSet = false;
    try { out.own_keys = Object.keys(r); } catch (e) { out.own_keys = throws(e); }
    try { answer = r.answer; } catch (e) { answer = undefined; }
    out.answer_own_keys = isObject(answer) ? Object.getOwnPropertyNames(answer) : null;
    out.answer = walk(answer, 'answer', []);
    try { out.status = walk(r.status, 'status', []); } catch (e) { out.status = throws(e); }

    var roots = [[answer, 'answer']];
    try {
      err = r.error();
      errSet = true;
    } catch (e) { out['error()'] = throws(e); }
    if (errSet) {
      if (err === undefined || err === null) {
        out['error()'] = null;
      } else if (!isObject(err)) {
        out['error()'] = walk(err, 'error()', roots);
      } else {
        var inErr = roots.concat([[err, 'error()']]);
        var e2 = {};
        try { e2.own_keys = Object.keys(err); } catch (e) { e2.own_keys = throws(e); }
        e2.$class = className(err);
        try { e2.status = walk(err.status, 'error().status', inErr); } catch (e) { e2.status = throws(e); }
        try { e2.ex = walk(err.ex, 'error().ex', inErr); } catch (e) { e2.ex = throws(e); }
        e2['getError()'] = callOn(err, 'getError', 'error().getError()', inErr);
        e2['getStatus()'] = callOn(err, 'getStatus', 'error().getStatus()', inErr);
        e2['toString()'] = callOn(err, 'toString', 'error().toString()', inErr);
        out['error()'] = e2;
      }
      if (isObject(err)) { roots = roots.concat([[err, 'error()']]); }
    }
    out['data()'] = callOn(r, 'data', 'data()', roots);
    out['error_description()'] = callOn(r, 'error_description', 'error_description()', roots);
    out['more()'] = callOn(r, 'more', 'more()', roots);
    out['total()'] = callOn(r, 'total', 'total()', roots);
    try { out['typeof answer.error'] = typeof answer.error; } catch (e) { out['typeof answer.error'] = throws(e); }
    try { out.query = walk(r.query, 'query', roots); } catch (e) { out.query = throws(e); }
    return out;
  }

  // The argument of a callBatch callback: an object or an array of ajaxResults.
  function serBatchResult(b) {
    if (!isObject(b)) { return ser(b); }
    var isArray = Array.isArray(b);
    var out = { $type: 'batchResult', type: isArray ? 'array' : 'object' };
    var keys = Object.getOwnPropertyNames(b);
    out.own_keys = keys;
    if (isArray) { out.length = b.length; }
    var entries = {};
    for (var i = 0; i < keys.length; i++) {
      if (isArray && keys[i] === 'length') { continue; }
      try { entries[keys[i]] = serAjaxResult(b[keys[i]]); } catch (e) { entries[keys[i]] = throws(e); }
    }
    out.entries = entries;
    return out;
  }

  g.BX24Observed = { ser: ser, serAjaxResult: serAjaxResult, serBatchResult: serBatchResult };
})(typeof globalThis !== 'undefined' ? globalThis : (typeof window !== 'undefined' ? window : this));
