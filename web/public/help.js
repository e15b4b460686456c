/*
 * Luister help page (docs/assistant.md): the server renders /help/<slug>
 * with every published answer; this script turns its question box into the
 * self-service assistant. The assistant answers only with a published
 * answer, names it and asks whether it helped; "Talk to a person" is always
 * there, and every hand-over goes through the chat widget on the same page
 * (window.LuisterChat), which starts the chat with the question already
 * asked and the whole transcript for the agent. Without this script the page
 * still works: the question box lists the matching answers.
 * Nothing is stored in the browser until the visitor asks; then only the
 * assistant session key, which the widget shares.
 */
(function () {
  'use strict';
  var root = document.getElementById('help');
  var form = document.getElementById('ask');
  if (!root || !form) return;
  var slug = root.dataset.slug;
  var lang = root.dataset.lang === 'en' ? 'en' : 'nl';
  var input = document.getElementById('q');
  var replies = document.getElementById('replies');
  var personBtn = document.getElementById('person');
  // The widget's own key for the assistant session (widget.js).
  var aKey = 'luister-chat:' + location.origin + ':' + slug + ':assistant';
  var lastQuestion = '';

  var T = {
    nl: {
      you: 'Uw vraag', fromAnswer: 'Uit ons antwoord', helped: 'Heeft dit u geholpen?', yes: 'Ja', no: 'Nee',
      glad: 'Fijn dat we u konden helpen.', error: 'Er ging iets mis. Probeer het opnieuw of spreek een medewerker.',
      chat: 'De chat rechtsonder brengt u bij een medewerker.'
    },
    en: {
      you: 'Your question', fromAnswer: 'From our answer', helped: 'Did this help?', yes: 'Yes', no: 'No',
      glad: 'Good to hear we could help.', error: 'Something went wrong. Try again or talk to a person.',
      chat: 'The chat at the bottom right takes you to a person.'
    }
  }[lang];

  function session() { try { return localStorage.getItem(aKey); } catch (e) { return null; } }
  function keep(k) { try { localStorage.setItem(aKey, k); } catch (e) { /* this page only */ } }
  function post(path, body) {
    return fetch('/api/v1/widget/' + encodeURIComponent(slug) + '/assistant' + path, {
      method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body)
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function card() {
    var c = el('div', 'reply');
    replies.insertBefore(c, replies.firstChild);
    return c;
  }
  function note(text) {
    var c = card();
    c.setAttribute('role', 'status');
    c.appendChild(el('p', 'text', text));
    return c;
  }
  // To a person, through the widget: the question and the session go with it.
  function handOver(h, available) {
    var c = note(h.text);
    c.setAttribute('data-handover', h.reason);
    if (window.LuisterChat) window.LuisterChat.handOver(h, available, lastQuestion);
    else c.appendChild(el('p', 'source', T.chat));
  }
  function showAnswer(r) {
    var c = card();
    c.setAttribute('data-answer', r.answer.id);
    c.appendChild(el('h3', null, r.answer.title));
    var text = el('p', 'text', r.answer.text);
    if (r.answer.lang !== lang) text.lang = r.answer.lang;
    c.appendChild(text);
    var src = el('p', 'source', T.fromAnswer + ' ');
    var link = el('a', null, r.answer.title);
    link.href = '#answer-' + r.answer.id;
    src.appendChild(link);
    c.appendChild(src);
    var fb = el('div', 'actions');
    fb.appendChild(el('span', null, T.helped));
    [[T.yes, true], [T.no, false]].forEach(function (x) {
      var b = el('button', 'secondary', x[0]);
      b.type = 'button';
      b.addEventListener('click', function () {
        fb.querySelectorAll('button').forEach(function (y) { y.disabled = true; });
        post('/feedback', { session: session(), turn_id: r.turn_id, helped: x[1] }).then(function (res) {
          if (!res.ok) { note(T.error); return; }
          if (res.j.handover) handOver(res.j.handover, res.j.available);
          else fb.replaceChildren(el('span', null, T.glad));
        }).catch(function () { note(T.error); });
      });
      fb.appendChild(b);
    });
    c.appendChild(fb);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q) { input.focus(); return; }
    lastQuestion = q;
    var button = form.querySelector('button');
    button.disabled = true;
    post('', { text: q, lang: lang, session: session() || undefined }).then(function (res) {
      if (!res.ok) { note(T.error); return; }
      keep(res.j.session);
      if (res.j.answer) showAnswer(res.j);
      if (res.j.handover) handOver(res.j.handover, res.j.available);
      input.value = '';
    }).catch(function () { note(T.error); }).then(function () { button.disabled = false; input.focus(); });
  });

  // "Talk to a person" on every visit, before or after a question.
  personBtn.hidden = false;
  personBtn.addEventListener('click', function () {
    if (window.LuisterChat) window.LuisterChat.person(lastQuestion);
    else note(T.chat);
  });
})();
