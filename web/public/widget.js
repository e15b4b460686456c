/*
 * Luister chat widget (docs/chat.md). Embed with
 *   <script src="https://desk.example/widget.js" data-queue="<slug>" async></script>
 * and with data-assistant the self-service assistant answers first.
 * Plain JavaScript without dependencies, in a shadow root so the host page's
 * CSS neither reaches in nor out. Nothing is stored in the browser until the
 * visitor sends a first message; then only the visitor token (localStorage),
 * so a returning visitor sees their own history.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.queue || window.__luisterChat) return;
  window.__luisterChat = true;

  var slug = script.dataset.queue;
  // data-assistant on the script tag: the self-service assistant answers
  // first, from the published answers (when there are any).
  var useAssistant = script.dataset.assistant !== undefined && script.dataset.assistant !== 'off';
  var base = new URL(script.src, location.href).origin;
  var storeKey = 'luister-chat:' + base + ':' + slug;
  var pageLang = (document.documentElement.lang || navigator.language || 'nl').toLowerCase();
  var lang = pageLang.indexOf('en') === 0 ? 'en' : 'nl';

  var T = {
    nl: {
      open: 'Chat met ons', close: 'Chat sluiten', title: 'Chat', send: 'Versturen',
      messageHint: 'Typ uw bericht…', name: 'Naam (optioneel)', email: 'E-mailadres (optioneel)',
      online: 'Er is nu iemand om u te helpen.',
      none: 'Er is nu niemand beschikbaar.', mail: 'Laat uw e-mailadres achter: u krijgt antwoord per e-mail.',
      closed: 'We zijn gesloten.', back: function (d, t) { return 'We zijn er weer op ' + d + ' om ' + t + '.'; },
      privacy: 'Pas als u een bericht verstuurt, bewaren wij uw bericht, en uw naam en e-mailadres als u die invult, om u te kunnen antwoorden. In deze browser bewaren we dan een sleutel, zodat u het gesprek later terugziet.',
      privacyLink: 'Privacyverklaring',
      queue: function (p, m) { return 'U bent nummer ' + p + ' in de wachtrij' + (m !== null ? '; verwachte wachttijd ongeveer ' + m + ' min.' : '.'); },
      joined: function (n) { return (n || 'Een medewerker') + ' is er nu.'; },
      typing: function (n) { return (n || 'De medewerker') + ' typt…'; },
      ended: 'Het gesprek is beëindigd. Stuur een bericht om opnieuw te beginnen.',
      byEmail: 'Het duurt langer dan gedacht. Wij antwoorden u per e-mail als u uw adres hebt gegeven.',
      you: 'U', error: 'Er ging iets mis: ', reconnecting: 'Verbinding herstellen…', end: 'Gesprek beëindigen',
      callback: 'Liever teruggebeld?', phone: 'Telefoonnummer', callMe: 'Bel mij terug',
      called: 'Dank u. Wij bellen u zo snel mogelijk terug.',
      transferred: 'U wordt doorverbonden met een collega. Een ogenblik geduld.',
      device: 'Verder op een ander apparaat', linkSent: 'We hebben u een link gemaild om op een ander apparaat verder te gaan.',
      attach: 'Bestand toevoegen', read: 'Gelezen', uploading: 'Bestand versturen…', tooBig: 'Dit bestand is groter dan 10 MB.',
      startFirst: 'Stuur eerst een bericht; daarna kunt u een bestand toevoegen.',
      assistant: 'Assistent', askHint: 'Stel uw vraag…', person: 'Spreek een medewerker',
      fromAnswer: function (t) { return 'Uit ons antwoord “' + t + '”'; },
      helped: 'Heeft dit u geholpen?', yes: 'Ja', no: 'Nee', glad: 'Fijn! Kan ik nog iets voor u doen?',
      assistantIntro: 'Stel uw vraag in uw eigen woorden. Ik antwoord met wat wij over uw vraag hebben vastgelegd. Een medewerker spreken kan altijd.',
      connecting: 'U wordt doorverbonden. De medewerker ziet wat u al vroeg.'
    },
    en: {
      open: 'Chat with us', close: 'Close chat', title: 'Chat', send: 'Send',
      messageHint: 'Type your message…', name: 'Name (optional)', email: 'E-mail address (optional)',
      online: 'Someone is here to help you now.',
      none: 'Nobody is available right now.', mail: 'Leave your e-mail address and we will answer by e-mail.',
      closed: 'We\'re closed.', back: function (d, t) { return 'We\'re back on ' + d + ' at ' + t + '.'; },
      privacy: 'Only once you send a message do we keep it, with your name and e-mail address if you give them, to answer you. This browser then keeps a key so that you can see the conversation again later.',
      privacyLink: 'Privacy notice',
      queue: function (p, m) { return 'You are number ' + p + ' in the queue' + (m !== null ? '; expected wait about ' + m + ' min.' : '.'); },
      joined: function (n) { return (n || 'An agent') + ' has joined.'; },
      typing: function (n) { return (n || 'The agent') + ' is typing…'; },
      ended: 'The chat has ended. Send a message to start again.',
      byEmail: 'This is taking longer than expected. We will answer by e-mail if you gave your address.',
      you: 'You', error: 'Something went wrong: ', reconnecting: 'Reconnecting…', end: 'End chat',
      callback: 'Rather be called back?', phone: 'Phone number', callMe: 'Call me back',
      called: 'Thank you. We will call you back as soon as we can.',
      transferred: 'You are being passed to a colleague. One moment please.',
      device: 'Continue on another device', linkSent: 'We e-mailed you a link to continue on another device.',
      attach: 'Attach a file', read: 'Read', uploading: 'Sending the file…', tooBig: 'This file is larger than 10 MB.',
      startFirst: 'Send a message first; then you can add a file.',
      assistant: 'Assistant', askHint: 'Ask your question…', person: 'Talk to a person',
      fromAnswer: function (t) { return 'From our answer “' + t + '”'; },
      helped: 'Did this help?', yes: 'Yes', no: 'No', glad: 'Good! Anything else I can do?',
      assistantIntro: 'Ask your question in your own words. I answer with what we have written down about it. You can always talk to a person.',
      connecting: 'Passing you to a colleague, who sees what you already asked.'
    }
  }[lang];

  var css = [
    ':host{all:initial}',
    '[hidden]{display:none!important}',
    '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
    '.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#1d4ed8;color:#fff;font-size:15px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.25)}',
    '.launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}',
    '.panel{position:fixed;right:8px;bottom:8px;z-index:2147483001;width:min(380px,calc(100vw - 16px));height:min(560px,calc(100vh - 16px));background:#fff;color:#111;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.3);display:flex;flex-direction:column;font-size:15px;overflow-y:auto}',
    '.panel[hidden]{display:none}',
    'header{display:flex;align-items:center;justify-content:space-between;padding:10px 12px;background:#1d4ed8;color:#fff;border-radius:12px 12px 0 0}',
    'header h2{margin:0;font-size:16px}',
    'header button{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;min-width:44px;min-height:44px}',
    '.status{padding:6px 12px;font-size:13px;background:#eef2ff;color:#1e3a8a}',
    '.log{flex:1 0 96px;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}',
    '.msg{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.msg.visitor{align-self:flex-end;background:#1d4ed8;color:#fff}',
    '.msg.agent{align-self:flex-start;background:#f1f5f9;color:#111}',
    '.msg.bot{align-self:flex-start;background:#ecfdf5;color:#111;border:1px solid #a7f3d0}',
    '.msg.bot strong{display:block;margin-bottom:4px}',
    '.src{display:block;font-size:12px;color:#374151;margin-top:6px}',
    '.fb{display:flex;gap:6px;align-items:center;margin-top:6px;font-size:13px}',
    '.fb button{border:1px solid #9ca3af;border-radius:8px;padding:6px 12px;background:#fff;color:#111;cursor:pointer;min-height:36px}',
    '.person{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8!important}',
    '.who{display:block;font-size:12px;opacity:.8;margin-bottom:2px}',
    '.file{display:block;font-style:italic}',
    '.seen{align-self:flex-end;font-size:12px;color:#4b5563;margin-top:-4px}',
    '.privacy{font-size:12px;color:#374151;padding:0 12px 8px}',
    '.privacy a{color:#1d4ed8}',
    'form{display:flex;flex-direction:column;gap:6px;padding:8px 12px 12px;border-top:1px solid #e5e7eb}',
    'input,textarea{width:100%;font-size:15px;padding:8px;border:1px solid #9ca3af;border-radius:8px;color:#111;background:#fff}',
    'textarea{resize:none;height:64px}',
    '.row{display:flex;gap:6px;justify-content:flex-end}',
    '.row button{border:0;border-radius:8px;padding:10px 14px;font-size:15px;cursor:pointer;min-height:44px}',
    '.send{background:#1d4ed8;color:#fff}',
    '.end,.dev,.att{background:#e5e7eb;color:#111}',
    '.cb{padding:0 12px 8px;display:flex;flex-direction:column;gap:6px}',
    '.cb button{border:0;border-radius:8px;padding:8px 12px;font-size:14px;cursor:pointer;min-height:40px;background:#e5e7eb;color:#111}',
    '.cb-form{display:flex;flex-direction:column;gap:6px}',
    '.cb label{font-size:13px}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}'
  ].join('');

  var host = document.createElement('div');
  host.setAttribute('data-luister-chat', slug);
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    '<style>' + css + '</style>' +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="lc-panel"></button>' +
    '<section class="panel" id="lc-panel" role="dialog" aria-modal="false" aria-labelledby="lc-title" hidden>' +
    '<header><h2 id="lc-title"></h2><button type="button" class="x"></button></header>' +
    '<p class="status" role="status"></p>' +
    '<div class="log" role="log" aria-live="polite" aria-relevant="additions"></div>' +
    '<p class="privacy"></p>' +
    '<div class="cb" hidden><button type="button" class="cb-open"></button>' +
    '<div class="cb-form" hidden><label for="lc-phone"></label><input id="lc-phone" type="tel" autocomplete="tel">' +
    '<button type="button" class="cb-send"></button></div></div>' +
    '<form novalidate>' +
    '<div class="intro"><label class="sr" for="lc-name"></label><input id="lc-name" autocomplete="name">' +
    '<label class="sr" for="lc-email"></label><input id="lc-email" type="email" autocomplete="email"></div>' +
    '<label class="sr" for="lc-text"></label><textarea id="lc-text" maxlength="5000" required></textarea>' +
    '<div class="row"><button type="button" class="person" hidden></button><button type="button" class="end" hidden></button><button type="button" class="dev" hidden></button>' +
    '<button type="button" class="att" hidden></button><input class="sr" type="file" tabindex="-1" aria-hidden="true" accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain">' +
    '<button type="submit" class="send"></button></div>' +
    '</form></section>';

  function $(sel) { return root.querySelector(sel); }
  var launcher = $('.launcher'), panel = $('.panel'), closeBtn = $('.x'), status = $('.status');
  var log = $('.log'), form = $('form'), text = $('#lc-text'), nameIn = $('#lc-name');
  var emailIn = $('#lc-email'), intro = $('.intro'), endBtn = $('.end'), privacy = $('.privacy');
  launcher.textContent = T.open;
  closeBtn.setAttribute('aria-label', T.close);
  closeBtn.textContent = '×';
  $('#lc-title').textContent = T.title;
  $('label[for=lc-name]').textContent = T.name;
  nameIn.placeholder = T.name;
  $('label[for=lc-email]').textContent = T.email;
  emailIn.placeholder = T.email;
  $('label[for=lc-text]').textContent = T.messageHint;
  text.placeholder = T.messageHint;
  $('.send').textContent = T.send;
  endBtn.textContent = T.end;
  var devBtn = $('.dev');
  devBtn.textContent = T.device;
  devBtn.addEventListener('click', function () { send({ type: 'link' }); });
  var cb = $('.cb'), cbOpen = $('.cb-open'), cbForm = $('.cb-form'), phoneIn = $('#lc-phone');
  cbOpen.textContent = T.callback;
  cbOpen.setAttribute('aria-expanded', 'false');
  $('label[for=lc-phone]').textContent = T.phone;
  $('.cb-send').textContent = T.callMe;
  cbOpen.addEventListener('click', function () {
    cbForm.hidden = false;
    cbOpen.setAttribute('aria-expanded', 'true');
    phoneIn.focus();
  });
  $('.cb-send').addEventListener('click', function () {
    var p = phoneIn.value.trim();
    if (!p) { phoneIn.focus(); return; }
    send({ type: 'callback', phone: p, name: nameIn.value.trim(), text: text.value.trim() });
  });

  var attBtn = $('.att'), fileIn = $('input[type=file]');
  attBtn.textContent = '\ud83d\udcce';
  attBtn.setAttribute('aria-label', T.attach);
  attBtn.title = T.attach;
  attBtn.addEventListener('click', function () { fileIn.click(); });
  fileIn.addEventListener('change', function () {
    var f = fileIn.files && fileIn.files[0];
    fileIn.value = '';
    if (!f) return;
    if (!token || chatState === null) { setStatus(T.startFirst); return; }
    if (f.size > 10 * 1024 * 1024) { setStatus(T.error + T.tooBig); return; }
    var body = new FormData();
    body.append('token', token);
    body.append('file', f, f.name);
    setStatus(T.uploading);
    fetch(base + '/api/v1/widget/' + encodeURIComponent(slug) + '/files', { method: 'POST', body: body, credentials: 'omit' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (x) {
        if (x.ok) { setStatus(''); return; }
        var detail = (x.j.errors && x.j.errors[0] && x.j.errors[0].message) || x.j.detail || '';
        setStatus(T.error + detail);
      })
      .catch(function () { setStatus(T.error + T.uploading); });
  });

  var token = null;
  try { token = localStorage.getItem(storeKey); } catch (e) { token = null; }
  // A "continue on another device" link: #luister-chat=<token>, taken out of the address at once.
  var link = null;
  var m = /(?:^#|&)luister-chat=([^&]+)/.exec(location.hash);
  if (m) {
    link = decodeURIComponent(m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  var ws = null, ready = false, pending = [], lastId = 0, seen = {}, agent = null;
  var retry = 0, lastTyping = 0, chatState = null, refs = 0, readSent = 0, lastAgentId = 0;
  var seenMark = document.createElement('div');
  seenMark.className = 'seen';
  seenMark.textContent = T.read;

  function setStatus(s) { status.textContent = s; }

  // The self-service assistant (docs/assistant.md): before a chat exists,
  // questions go to the published answers, and a person is one click away.
  // Its session key is kept once the visitor asked something; the help page
  // on the same site shares it.
  var aKey = storeKey + ':assistant';
  function storedSession() { try { return localStorage.getItem(aKey); } catch (e) { return null; } }
  var aSession = storedSession();
  var mode = 'chat', lastQuestion = '', skipEcho = null;
  var personBtn = $('.person');
  personBtn.textContent = T.person;
  function post(path, body) {
    return fetch(base + '/api/v1/widget/' + encodeURIComponent(slug) + '/assistant' + path, {
      method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body)
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); });
  }
  function problem(j) { return (j.errors && j.errors[0] && j.errors[0].message) || j.detail || ''; }
  function bubble(cls, who) {
    var div = document.createElement('div');
    div.className = 'msg ' + cls;
    var w = document.createElement('span');
    w.className = 'who';
    w.textContent = who;
    div.appendChild(w);
    log.appendChild(div);
    return div;
  }
  function say(cls, who, t) {
    var div = bubble(cls, who);
    div.appendChild(document.createTextNode(t));
    log.scrollTop = log.scrollHeight;
    return div;
  }
  function setMode(m) {
    mode = m;
    personBtn.hidden = m !== 'assistant';
    intro.hidden = m === 'assistant' || !!token;
    text.placeholder = m === 'assistant' ? T.askHint : T.messageHint;
    $('label[for=lc-text]').textContent = text.placeholder;
  }
  function keepSession(k) { aSession = k; try { localStorage.setItem(aKey, k); } catch (e) { /* this page only */ } }
  function dropSession() { aSession = null; try { localStorage.removeItem(aKey); } catch (e) { /* ignore */ } }
  function showAnswer(r) {
    var div = bubble('bot', T.assistant);
    div.setAttribute('data-answer', r.answer.id);
    var h = document.createElement('strong');
    h.textContent = r.answer.title;
    div.appendChild(h);
    div.appendChild(document.createTextNode(r.answer.text));
    var src = document.createElement('span');
    src.className = 'src';
    src.textContent = T.fromAnswer(r.answer.title);
    div.appendChild(src);
    var fb = document.createElement('div');
    fb.className = 'fb';
    fb.appendChild(document.createTextNode(T.helped + ' '));
    [[T.yes, true], [T.no, false]].forEach(function (x) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = x[0];
      b.addEventListener('click', function () {
        fb.querySelectorAll('button').forEach(function (y) { y.disabled = true; });
        post('/feedback', { session: aSession, turn_id: r.turn_id, helped: x[1] }).then(function (res) {
          if (!res.ok) { setStatus(T.error + problem(res.j)); return; }
          if (res.j.handover) handOver(res.j.handover, res.j.available);
          else say('bot', T.assistant, T.glad);
        }).catch(function () { setStatus(T.error); });
      });
      fb.appendChild(b);
    });
    div.appendChild(fb);
    log.scrollTop = log.scrollHeight;
  }
  function ask(q) {
    lastQuestion = q;
    say('visitor', T.you, q);
    post('', { text: q, lang: lang, session: aSession || undefined }).then(function (res) {
      if (!res.ok) { setStatus(T.error + problem(res.j)); return; }
      keepSession(res.j.session);
      if (res.j.answer) showAnswer(res.j);
      if (res.j.handover) handOver(res.j.handover, res.j.available);
    }).catch(function () { setStatus(T.error); });
  }
  // To a person: at once, with the question already asked, when someone is
  // there; otherwise honestly, with e-mail and a call back on offer.
  function handOver(h, available) {
    setMode('chat');
    say('bot', T.assistant, h.text);
    if (available && lastQuestion) {
      setStatus(T.connecting);
      skipEcho = lastQuestion;
      send({ type: 'start', text: lastQuestion, page: location.href, ref: 'r' + (++refs), assistant: aSession || undefined });
      return;
    }
    intro.hidden = false;
    cb.hidden = !!available;
    if (!text.value) text.value = lastQuestion;
    setStatus(available ? T.online : T.none + ' ' + T.mail);
    text.focus();
  }
  function person() {
    aSession = aSession || storedSession();
    if (!aSession) { setMode('chat'); setStatus(''); text.focus(); return; }
    post('/person', { session: aSession }).then(function (res) {
      if (!res.ok) { setMode('chat'); return; }
      handOver(res.j.handover, res.j.available);
    }).catch(function () { setMode('chat'); });
  }
  personBtn.addEventListener('click', person);
  // Outside the department's opening hours: say so, and when it opens again
  // (config `opens_at`), in the visitor's language and time zone.
  var opensAt = null;
  function closedText() {
    var s = T.closed, at = opensAt && new Date(opensAt), loc = lang === 'nl' ? 'nl-NL' : 'en-GB';
    if (at && !isNaN(at)) {
      try {
        s += ' ' + T.back(new Intl.DateTimeFormat(loc, { weekday: 'long', day: 'numeric', month: 'long' }).format(at),
          new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at));
      } catch (e) { /* without Intl: closed, no time */ }
    }
    return s;
  }
  // Once a chat exists the introduction has done its work.
  function started() { intro.hidden = true; privacy.hidden = true; cb.hidden = true; }
  function show(m) {
    if (seen[m.id]) return;
    seen[m.id] = true;
    if (m.id > lastId) lastId = m.id;
    if (m.from === 'visitor' && skipEcho !== null && m.text === skipEcho) { skipEcho = null; return; }
    var div = document.createElement('div');
    div.className = 'msg ' + (m.from === 'visitor' ? 'visitor' : 'agent');
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = m.from === 'visitor' ? T.you : (m.author || T.title);
    div.appendChild(who);
    div.appendChild(document.createTextNode(m.text));
    (m.files || []).forEach(function (f) {
      var a = document.createElement('span');
      a.className = 'file';
      a.textContent = '\ud83d\udcce ' + f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)';
      div.appendChild(a);
    });
    div.setAttribute('data-id', m.id);
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    if (m.from !== 'visitor' && m.id > lastAgentId) { lastAgentId = m.id; markRead(); }
  }
  // Read receipts: the visitor has seen the agents' messages while the
  // panel is open and the page in view; "Read" under their own last
  // message an agent has seen.
  function markRead() {
    if (panel.hidden || document.visibilityState === 'hidden' || lastAgentId <= readSent || !token) return;
    readSent = lastAgentId;
    send({ type: 'read', message_id: lastAgentId });
  }
  function showSeen(id) {
    var mine = log.querySelectorAll('.msg.visitor'), last = null;
    for (var i = 0; i < mine.length; i++) if (+mine[i].getAttribute('data-id') <= id) last = mine[i];
    if (last) last.after(seenMark);
  }
  document.addEventListener('visibilitychange', markRead);
  function showChat(c) {
    if (c && c.state === 'waiting' && chatState === 'active') setStatus(T.transferred);
    var was = chatState;
    chatState = c ? c.state : null;
    endBtn.hidden = !(c && (c.state === 'waiting' || c.state === 'active'));
    devBtn.hidden = endBtn.hidden;
    attBtn.hidden = !c;
    if (!c) return;
    if (c.agent_read_id) showSeen(c.agent_read_id);
    if (was === c.state) return;  // only the read mark moved
    if (c.state === 'active') { agent = c.agent; setStatus(T.joined(agent)); }
    if (c.state === 'ended') setStatus(T.ended);
    if (c.state === 'by_email') setStatus(T.byEmail);
  }

  function connect() {
    var url = base.replace(/^http/, 'ws') + '/api/v1/widget/' + encodeURIComponent(slug) + '/live?lang=' + lang;
    ws = new WebSocket(url);
    ws.onopen = function () {
      retry = 0;
      ready = true;
      if (link) { ws.send(JSON.stringify({ type: 'hello', link: link })); link = null; }
      else if (token) ws.send(JSON.stringify({ type: 'hello', token: token, after: lastId || undefined }));
      while (pending.length) ws.send(pending.shift());
    };
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (f.type === 'welcome') {
        if (f.token) {  // arrived by a link: this device keeps a token of its own
          token = f.token;
          try { localStorage.setItem(storeKey, token); } catch (e) { /* this tab only */ }
          started();
        }
        f.messages.forEach(show);
        chatState = null;  // (re)connected: say where the chat stands
        showChat(f.chat);
      }
      else if (f.type === 'link_sent') setStatus(T.linkSent);
      else if (f.type === 'started') {
        token = f.token;
        try { localStorage.setItem(storeKey, token); } catch (e) { /* private mode: this tab only */ }
        started();
        dropSession();  // its transcript went with the chat
        show(f.message);
        showChat(f.chat);
      }
      else if (f.type === 'sent' || f.type === 'message') show(f.message);
      else if (f.type === 'chat') showChat(f.chat);
      else if (f.type === 'callback_requested') { cb.hidden = true; setStatus(T.called); }
      else if (f.type === 'typing') setStatus(T.typing(agent));
      else if (f.type === 'queue') {
        setStatus(T.queue(f.position, f.expected_wait_seconds === null ? null : Math.max(1, Math.round(f.expected_wait_seconds / 60))) +
          (f.open === false ? ' ' + closedText() : f.agents_online === false ? ' ' + T.none : ''));
      }
      else if (f.type === 'error') {
        if (f.status === 401 && token) { token = null; try { localStorage.removeItem(storeKey); } catch (e) { /* ignore */ } }
        setStatus(T.error + f.detail);
      }
    };
    ws.onclose = function () {
      ready = false;
      ws = null;
      if (!token) return;  // nothing started: nothing to keep open
      setStatus(T.reconnecting);
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 500 * Math.pow(2, retry));
    };
  }
  function send(frame) {
    var data = JSON.stringify(frame);
    if (ready && ws) ws.send(data); else { pending.push(data); if (!ws) connect(); }
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.hidden = true;
    text.focus();
    markRead();
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', open);
  closeBtn.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
  text.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
  });
  text.addEventListener('input', function () {
    var now = Date.now();
    if (token && ready && now - lastTyping > 2000) { lastTyping = now; send({ type: 'typing' }); }
  });
  endBtn.addEventListener('click', function () { send({ type: 'end' }); });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var t = text.value.trim();
    if (!t) return;
    var ref = 'r' + (++refs);
    if (mode === 'assistant') {
      ask(t);
    } else if (!token || chatState === null) {
      send({ type: 'start', text: t, name: nameIn.value.trim(), email: emailIn.value.trim(), page: location.href, ref: ref, assistant: aSession || undefined });
    } else if (chatState === 'ended') {
      send({ type: 'start', text: t, page: location.href, ref: ref });
    } else {
      send({ type: 'message', text: t, ref: ref });
    }
    text.value = '';
  });

  privacy.textContent = T.privacy + ' ';
  fetch(base + '/api/v1/widget/' + encodeURIComponent(slug), { credentials: 'omit' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (c) {
      if (!c) return;
      $('#lc-title').textContent = c.name;
      if (c.privacy_url) {
        var a = document.createElement('a');
        a.href = c.privacy_url;
        a.target = '_blank';
        a.rel = 'noopener';
        a.textContent = T.privacyLink;
        privacy.appendChild(a);
      }
      opensAt = c.opens_at || null;
      if (useAssistant && c.assistant && !token) {
        setMode('assistant');
        say('bot', T.assistant, T.assistantIntro);
      }
      if (!token) setStatus(c.available ? T.online : (c.open === false ? closedText() : T.none) + ' ' + T.mail);
      cb.hidden = !!c.available || !!token;  // nobody in: offer a call back as well as e-mail
    })
    .catch(function () { /* the launcher stays; a send will say what is wrong */ });

  // For the help page on the same site: its questions and hand-overs reach
  // a person through this widget.
  window.LuisterChat = {
    open: open,
    person: function (question) { open(); if (question) lastQuestion = question; person(); },
    handOver: function (h, available, question) { open(); aSession = storedSession(); lastQuestion = question || lastQuestion; handOver(h, available); }
  };
  (document.body || document.documentElement).appendChild(host);
  if (link) { open(); connect(); }
  else if (token) { started(); connect(); }
})();
