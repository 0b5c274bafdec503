// The script of `brieflint serve`'s page (served as /app.js; the CSP allows no inline script).
// It uploads letters, follows a run's server-sent events and puts the fragments the server
// rendered (escaped there) into the page, moves from finding to finding, and asks for a KCC
// briefing. Plain browser JavaScript, no build step.
'use strict';

(() => {
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const body = document.body;
  const token = $('meta[name="brieflint-token"]').getAttribute('content');
  const lang = body.dataset.lang || 'nl';
  const msg = (name) => body.dataset[`msg${name[0].toUpperCase()}${name.slice(1)}`] || '';

  const announce = (text) => {
    const el = $('#announce');
    el.textContent = '';
    window.setTimeout(() => (el.textContent = text), 50);
  };
  const showError = (text) => {
    $('#pick-error').textContent = text || '';
  };

  /** Markup the server rendered (letter text escaped there) in place of `el`. */
  const replaceWith = (el, markup) => {
    const tpl = document.createElement('template');
    tpl.innerHTML = markup;
    el.replaceWith(tpl.content);
  };

  /** Replace, keeping the keyboard focus on the element with the same id when it was inside. */
  const swap = (el, markup) => {
    const active = document.activeElement;
    const focusedId = active && el.contains(active) ? active.id : '';
    replaceWith(el, markup);
    if (focusedId) {
      const again = document.getElementById(focusedId);
      if (again) again.focus({ preventScroll: true });
    }
  };

  const api = async (path, init = {}) => {
    const headers = { 'X-Brieflint-Token': token, ...(init.headers || {}) };
    let res;
    try {
      res = await fetch(path, { credentials: 'same-origin', ...init, headers });
    } catch {
      return { ok: false, status: 0, data: { error: msg('network') } };
    }
    let data = {};
    try {
      data = await res.json();
    } catch {
      data = {};
    }
    return { ok: res.ok, status: res.status, data };
  };

  // -------------------------------------------------------------------------------------------
  // Runs: start one, follow its events.

  let current = null; // { id, source: EventSource }

  const follow = (id) => {
    if (current && current.source) current.source.close();
    $('#run-bar').hidden = false;
    $('#json-link').setAttribute('href', `/api/runs/${id}/report.json`);
    // What is on the page stays until the new run's version of it arrives.
    for (const a of $$('#letters > article')) a.dataset.stale = 'true';
    const source = new EventSource(`/api/runs/${id}/events`);
    current = { id, source };
    const on = (type, handler) =>
      source.addEventListener(type, (e) => {
        if (!current || current.id !== id) return;
        handler(JSON.parse(e.data));
      });
    on('letter', (d) => {
      const same = document.getElementById(d.key);
      const old = same || $$('#letters > article[data-stale]').find((a) => a.dataset.path === d.path);
      if (old) swap(old, d.html);
      else {
        const tpl = document.createElement('template');
        tpl.innerHTML = d.html;
        $('#letters').append(tpl.content);
      }
    });
    on('fragment', (d) => {
      const el = document.getElementById(d.id);
      if (el) swap(el, d.html);
    });
    on('summary', (d) => swap($('#summary'), d.html));
    on('progress', (d) => swap($('#progress'), d.html));
    const end = () => {
      source.close();
      for (const a of $$('#letters > article[data-stale]')) a.remove();
    };
    on('done', (d) => {
      end();
      announce(d.announce);
      body.dataset.run = 'done';
    });
    on('failed', (d) => {
      end();
      announce(d.message);
      body.dataset.run = 'failed';
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && current && current.id === id && body.dataset.run === 'running') showError(msg('network'));
    };
    body.dataset.run = 'running';
  };

  const startRun = async (form) => {
    showError('');
    form.append('lang', lang);
    const r = await api('/api/runs', { method: 'POST', body: form });
    if (!r.ok) {
      showError(r.data.error || `${msg('failed')} HTTP ${r.status}`);
      return;
    }
    follow(r.data.id);
    $('#results').focus({ preventScroll: false });
  };

  const recheck = async () => {
    if (!current) return;
    const r = await api(`/api/runs/${current.id}/recheck`, { method: 'POST' });
    if (r.ok) follow(r.data.id);
    else showError(r.data.error || `${msg('failed')} HTTP ${r.status}`);
  };

  // -------------------------------------------------------------------------------------------
  // Choosing letters: drop, the file dialog, the folder's list.

  const uploadFiles = (files) => {
    if (!files || files.length === 0) return;
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    announce(msg('uploading'));
    startRun(form);
  };

  const drop = $('#upload-form');
  const input = $('#files');
  input.addEventListener('change', () => {
    uploadFiles(input.files);
    input.value = '';
  });
  drop.addEventListener('submit', (e) => e.preventDefault());
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('dragging');
    });
  }
  drop.addEventListener('dragleave', (e) => {
    if (!drop.contains(e.relatedTarget)) drop.classList.remove('dragging');
  });
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    uploadFiles(e.dataTransfer && e.dataTransfer.files);
  });
  // A letter dropped next to the box is not opened by the browser (which would leave the page).
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  const folder = $('#folder-form');
  folder.addEventListener('submit', (e) => {
    e.preventDefault();
    const paths = $$('input[name="path"]:checked', folder).map((i) => i.value);
    if (paths.length === 0) {
      showError(msg('nothing'));
      return;
    }
    const form = new FormData();
    for (const p of paths) form.append('path', p);
    startRun(form);
  });
  const all = $('#choose-all');
  if (all) all.addEventListener('click', () => $$('input[name="path"]', folder).forEach((i) => (i.checked = true)));

  $('#recheck').addEventListener('click', recheck);

  // -------------------------------------------------------------------------------------------
  // From finding to finding: the buttons, F8 / Shift+F8, and the numbered badges in the text.

  let at = -1;
  const findings = () => $$('#letters .finding');
  const show = (el) => {
    for (const c of $$('.current')) c.classList.remove('current');
    el.classList.add('current');
    for (const ref of $$(`[data-finding="${el.id}"]`)) ref.classList.add('current');
    for (const m of $$('mark[data-findings]')) if (m.dataset.findings.split(' ').includes(el.id)) m.classList.add('current');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const step = (delta) => {
    const list = findings();
    if (list.length === 0) return;
    const focused = list.indexOf(document.activeElement && document.activeElement.closest ? document.activeElement.closest('.finding') : null);
    const from = focused !== -1 ? focused : at;
    at = from === -1 ? (delta > 0 ? 0 : list.length - 1) : (from + delta + list.length) % list.length;
    show(list[at]);
  };
  $('#next-finding').addEventListener('click', () => step(1));
  $('#prev-finding').addEventListener('click', () => step(-1));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'F8' || e.altKey || e.ctrlKey || e.metaKey) return;
    if ($('#briefing-dialog').open) return;
    e.preventDefault();
    step(e.shiftKey ? -1 : 1);
  });
  $('#letters').addEventListener('click', (e) => {
    const ref = e.target.closest('a.fref');
    if (ref) {
      const el = document.getElementById(ref.dataset.finding);
      if (el) {
        e.preventDefault();
        at = findings().indexOf(el);
        show(el);
      }
      return;
    }
    const make = e.target.closest('button.make-briefing');
    if (make) openBriefing(make);
  });

  // -------------------------------------------------------------------------------------------
  // "Maak KCC-briefing": the scaffold for review, written on confirmation, never overwritten unasked.

  const dialog = $('#briefing-dialog');
  const text = $('#briefing-text');
  const overwriteButton = $('#briefing-overwrite');
  let briefing = null; // { path, opener }

  const openBriefing = async (button) => {
    const path = `/api/runs/${button.dataset.run}/letters/${button.dataset.index}/briefing`;
    const r = await api(path);
    if (!r.ok) {
      showError(r.data.error || `${msg('failed')} HTTP ${r.status}`);
      return;
    }
    briefing = { path, opener: button.id || button.dataset.letter };
    $('#briefing-intro').textContent = r.data.intro;
    $('#briefing-error').textContent = r.data.exists ? r.data.existsMessage : '';
    overwriteButton.hidden = !r.data.exists;
    text.value = r.data.text;
    dialog.showModal();
    text.focus();
    text.setSelectionRange(0, 0);
    text.scrollTop = 0;
  };

  const save = async (overwrite) => {
    const r = await api(briefing.path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text.value, overwrite }),
    });
    if (r.status === 409 && r.data.exists) {
      $('#briefing-error').textContent = r.data.error;
      overwriteButton.hidden = false;
      overwriteButton.focus();
      return;
    }
    if (!r.ok) {
      $('#briefing-error').textContent = r.data.error || `${msg('failed')} HTTP ${r.status}`;
      return;
    }
    dialog.close();
    announce(r.data.message);
    recheck();
  };

  $('#briefing-form').addEventListener('submit', (e) => {
    const action = e.submitter ? e.submitter.value : 'save';
    if (action === 'cancel') return; // the dialog closes
    e.preventDefault();
    save(action === 'overwrite');
  });
  dialog.addEventListener('close', () => {
    const back = briefing && document.querySelector(`[data-letter="${briefing.opener}"].make-briefing`);
    if (back) back.focus();
  });

  // -------------------------------------------------------------------------------------------
  // The writer saved a letter in Word: check it again.

  const watch = new EventSource('/api/watch');
  let pending = null;
  /** A letter saved into the folder for the first time joins the list (built with textContent: no markup). */
  const refreshList = async (path) => {
    const list = $('.folder-list');
    if (!list || $$('input[name="path"]', list).some((i) => i.value === path)) return;
    const r = await api('/api/letters');
    if (!r.ok) return;
    const known = new Set($$('input[name="path"]', list).map((i) => i.value));
    for (const p of r.data.letters) {
      if (known.has(p)) continue;
      const id = `path-${list.children.length}`;
      const li = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'path';
      box.value = p;
      box.id = id;
      const label = document.createElement('label');
      label.htmlFor = id;
      const code = document.createElement('code');
      code.textContent = p;
      label.append(code);
      li.append(box, ' ', label);
      list.append(li);
    }
  };

  watch.addEventListener('changed', (e) => {
    const { path } = JSON.parse(e.data);
    refreshList(path);
    const shown = $$('#letters > article[data-source="folder"]').some((a) => a.dataset.path === path);
    if (!shown || !current) return;
    window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      announce(msg('changed').replace('{path}', path));
      recheck();
    }, 300);
  });
})();
