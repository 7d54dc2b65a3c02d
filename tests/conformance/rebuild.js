// Rebuilds, from its serialization in tests/fixtures/bx24-observed.json, the live object that the
// official classic library handed to a callMethod / callBatch callback: the same own keys in the
// same order, keys present with `undefined`, the `answer.ex` cycle, `ajaxError` prototypes, and
// methods (`data()`, `error()`, `error_description()`, `more()`, `total()`, the error's
// `getError()`, `getStatus()`, `toString()`) that answer exactly what the recording saw.
//
// A classic script (no modules): `globalThis.BX24Rebuild = { result(serialized) }`. The adapter
// conformance suite (tests/browser_conformance.rs) feeds these objects to src/host/bx24.rs and
// serializes them back with tests/conformance/serialize.js, the serializer of the stand-in suite,
// to prove the rebuilt object is the recorded one.
(function () {
  'use strict';

  var CLASSES = {};
  function classNamed(name) {
    if (!CLASSES[name]) {
      // A constructor whose `.name` is the recorded class name (`ajaxError`, `ajaxResult`).
      CLASSES[name] = { [name]: function () {} }[name];
    }
    return CLASSES[name];
  }

  function isMarker(v, key) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) &&
      Object.prototype.hasOwnProperty.call(v, key);
  }

  // A recorded value back to a live one. `refs` maps `$ref` paths to objects already built.
  function value(v, refs, path) {
    if (v === null || typeof v !== 'object') { return v; }
    if (Array.isArray(v)) {
      var arr = new Array(v.length);
      for (var i = 0; i < v.length; i++) {
        if (!isMarker(v[i], '$hole')) { arr[i] = value(v[i], refs, path + '[' + i + ']'); }
      }
      return arr;
    }
    if (isMarker(v, '$undefined')) { return undefined; }
    if (isMarker(v, '$NaN')) { return NaN; }
    if (isMarker(v, '$Infinity')) { return v.$Infinity * Infinity; }
    if (isMarker(v, '$date')) { return new Date(v.$date); }
    if (isMarker(v, '$window')) { return window; }
    if (isMarker(v, '$document')) { return document; }
    if (isMarker(v, '$function')) { return { [v.$function]: function () {} }[v.$function]; }
    if (isMarker(v, '$ref')) {
      if (!(v.$ref in refs)) { throw new Error('unresolved $ref ' + v.$ref + ' at ' + path); }
      return refs[v.$ref];
    }
    var out = isMarker(v, '$class') ? Object.create(classNamed(v.$class).prototype) : {};
    if (!(path in refs)) { refs[path] = out; }
    Object.keys(v).forEach(function (key) {
      if (key === '$class') { return; }
      out[key] = value(v[key], refs, path + '.' + key);
    });
    return out;
  }

  // What a recorded method call gave: its value, or the exception it threw.
  function answerOf(recorded, refs, path) {
    if (isMarker(recorded, '$throws')) {
      var message = recorded.$throws;
      return function () { throw new TypeError(message.replace(/^TypeError: /, '')); };
    }
    return function () { return value(recorded, refs, path); };
  }

  // A prototype between an object and its class's prototype, holding these methods.
  function withMethods(parent, methods) {
    var proto = Object.create(parent);
    Object.keys(methods).forEach(function (name) {
      Object.defineProperty(proto, name, { value: methods[name], writable: true, configurable: true });
    });
    return proto;
  }

  function ajaxResult(s) {
    var refs = {};
    var result = Object.create(classNamed('ajaxResult').prototype);
    s.own_keys.forEach(function (key) {
      if (key === 'answer') {
        // `answer` first, so `$ref: "answer"` inside it resolves to itself (answer.ex.ex).
        var answer = s.answer;
        if (answer !== null && typeof answer === 'object' && !Array.isArray(answer)) {
          refs.answer = isMarker(answer, '$class')
            ? Object.create(classNamed(answer.$class).prototype) : {};
          Object.keys(answer).forEach(function (k) {
            if (k !== '$class') { refs.answer[k] = value(answer[k], refs, 'answer.' + k); }
          });
          result.answer = refs.answer;
        } else {
          result.answer = value(answer, refs, 'answer');
        }
      } else {
        result[key] = value(s[key], refs, key);
      }
    });
    var methods = {
      data: answerOf(s['data()'], refs, 'data()'),
      error_description: answerOf(s['error_description()'], refs, 'error_description()'),
      more: answerOf(s['more()'], refs, 'more()'),
      total: answerOf(s['total()'], refs, 'total()')
    };
    var error;
    if (s['error()'] !== null) {
      var e = s['error()'];
      // The library's error() is the very object it put in answer.ex.
      var ex = result.answer && result.answer.ex;
      if (ex && typeof ex === 'object') {
        error = ex;
      } else {
        error = Object.create(classNamed(e.$class).prototype);
        e.own_keys.forEach(function (k) { error[k] = value(e[k], refs, 'error().' + k); });
      }
      refs['error()'] = error;
      // Inherited, as in the library, from a prototype of this one error (its constructor is
      // still the recorded class): each error's methods say what the recorded ones said.
      Object.setPrototypeOf(error, withMethods(Object.getPrototypeOf(error), {
        getError: answerOf(e['getError()'], refs, 'getError()'),
        getStatus: answerOf(e['getStatus()'], refs, 'getStatus()'),
        toString: answerOf(e['toString()'], refs, 'toString()')
      }));
    }
    methods.error = function () { return error; };
    Object.setPrototypeOf(result, withMethods(Object.getPrototypeOf(result), methods));
    return result;
  }

  function batchResult(s) {
    var out = s.type === 'array' ? [] : {};
    s.own_keys.forEach(function (key) {
      if (key === 'length') { return; }
      out[key] = ajaxResult(s.entries[key]);
    });
    if (s.type === 'array' && typeof s.length === 'number') { out.length = s.length; }
    return out;
  }

  function result(s) {
    if (s && s.$type === 'ajaxResult') { return ajaxResult(s); }
    if (s && s.$type === 'batchResult') { return batchResult(s); }
    return value(s, {}, '');
  }

  globalThis.BX24Rebuild = { result: result };
})();
