// The benchmark's reference: the widget's job (true state, pin, whisper) in plain JS with the
// classic BX24 library and nothing else. Same REST calls, same performance mark.
(function () {
  'use strict';
  var msg = document.getElementById('msg');
  var pin = document.getElementById('pin');
  var whisper = document.getElementById('whisper');
  var chatId = 0, shown = false;

  function failed(res) {
    var e = res.error();
    msg.textContent = 'Error: ' + (e ? e.ex.error_description || e.ex.error || e : 'no answer');
  }

  // True state: dialog + current user in one batch round trip.
  function read(done) {
    BX24.callBatch({
      dialog: ['imopenlines.dialog.get', { DIALOG_ID: 'chat' + chatId }],
      me: ['profile', {}]
    }, function (r) {
      if (r.dialog.error()) { failed(r.dialog); } else { show(r.dialog.data(), r.me.data()); }
      if (done) { done(); }
    });
  }

  function show(d, me) {
    var f = String(d.entity_data_1 || '').split('|');
    var active = parseInt(f[5], 10) > 0;
    msg.textContent = d.name;
    pin.setAttribute('aria-checked', f[3] === 'Y');
    whisper.setAttribute('aria-checked', d.entity_data_3 === 'Y');
    pin.disabled = !active || String(d.owner) !== String(me.ID);
    whisper.disabled = !active;
    pin.hidden = whisper.hidden = false;
    if (!shown) { shown = true; performance.mark('olm-state-shown'); BX24.fitWindow(); }
  }

  // One write, sent once, then the state read again.
  function toggle(button, method) {
    if (button.getAttribute('aria-busy') === 'true') { return; }
    button.setAttribute('aria-busy', 'true');
    var on = button.getAttribute('aria-checked') !== 'true';
    BX24.callMethod(method, { CHAT_ID: chatId, ACTIVATE: on ? 'Y' : 'N' }, function (res) {
      if (res.error()) { failed(res); }
      read(function () { button.removeAttribute('aria-busy'); });
    });
  }

  pin.onclick = function () { toggle(pin, 'imopenlines.session.mode.pin'); };
  whisper.onclick = function () { toggle(whisper, 'imopenlines.session.mode.silent'); };

  if (!window.BX24) { msg.textContent = 'Open this page in a Bitrix24 chat sidebar.'; return; }
  BX24.init(function () {
    performance.mark('olm-ready'); // the init reply is in (the benchmark's waterfall)
    var o = BX24.placement.info().options || {};
    chatId = parseInt(String(o.dialogId || '').replace('chat', ''), 10);
    if (chatId > 0) { read(); } else { msg.textContent = 'Open this page in an open-line chat.'; }
  });
})();
