// The review app's UI: pick, drop or paste an export → scan it in the worker pool → review
// the findings (highlighted by kind, with a label and a border pattern per kind, not colour
// alone) → decide per finding, per value, per kind, or through the allow and deny lists →
// download the minimised file and the report. All detection happens in the WebAssembly
// module (weglakker.js and its workers); this file only draws and keeps the decisions.
//
// Untrusted text (posts, file names, list terms) is only ever inserted as text nodes
// (textContent, createTextNode), never as HTML, so a post full of markup stays inert.
// Only one page of records is in the DOM at a time, so a large export does not freeze it;
// the records themselves stay in the workers (the page keeps a compact summary of every
// record, for the counts and filters, and asks the workers for the page it shows), and the
// file stays a Blob: a 200 MB export is never copied onto this thread.
//
//   import { mount } from './app.js';
//   mount(document.querySelector('#here'), { policy: { deny: ['Zeemeeuw'] }, ownAccounts: ['@DefensieNL'] });

import * as weglakker from './weglakker.js';
import { t, setLang, getLang, kindName } from './i18n.js';

/** Records per page of the review list (only these are in the DOM). */
const PAGE = 50;
/** Where the policy is saved in the browser (never the key). */
const STORAGE = 'weglakker.policy';
const OPERATORS = ['pseudonym', 'tag', 'redact', 'keep'];
/** The formats the core reads (the CLI's --format names), for the format choice. */
const FORMATS = ['auto', 'text', 'jsonl', 'json', 'csv', 'linkedin', 'x-archive', 'x-api', 'youtube', 'facebook', 'instagram', 'mastodon', 'zip', 'xlsx'];
/** The download's media type per format. */
const TYPES = {
  jsonl: 'application/x-ndjson', text: 'text/plain;charset=utf-8', csv: 'text/csv', linkedin: 'text/csv',
  zip: 'application/zip', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const FIELD_ROLES = ['scan', 'keep', 'pseudonym', 'redact', 'drop'];
const DECISIONS = ['archive', 'not_archived_sentiment', 'refer_channel', 'burgerbrief', 'review'];

/** Synthetic example: every name, number and address here is made up. */
const SAMPLE = [
  { id: '1', platform: 'x', in_reply_to: '@DefensieNL', text: 'Goedemorgen! Mijn zoon Daan de Vries wil solliciteren. Kunt u mij terugbellen op 06-12345678?' },
  { id: '2', platform: 'x', in_reply_to: '@DefensieNL', text: 'Mail mij gerust: ria.devries@example.nl, groet Ria de Vries' },
  { id: '3', platform: 'facebook', in_reply_to: 'Defensie', text: 'Top filmpje! Groetjes uit Zwolle van @jansen_77' },
].map((r) => JSON.stringify(r)).join('\n') + '\n';

/** `el('button', {class: 'x', type: 'button'}, 'text', child)`: an element; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'i18n') node.dataset.i18n = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}

/** A text element translated on every language switch. */
function tx(tag, key, attrs = {}) {
  const node = el(tag, { ...attrs, i18n: key });
  node.textContent = t(key);
  return node;
}

function lines(text) {
  return text.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** Saves `bytes` as a download named `name`. */
function saveAs(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el('a', { href: url, download: name });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** `export.jsonl` → `export.anon.jsonl`; never the original name. */
export function anonName(name, format, suffix = 'anon') {
  const dot = name.lastIndexOf('.');
  if (dot > 0) return `${name.slice(0, dot)}.${suffix}${name.slice(dot)}`;
  const ext = { jsonl: 'jsonl', text: 'txt', csv: 'csv', linkedin: 'csv', zip: 'zip', xlsx: 'xlsx' }[format] ?? 'json';
  return `${name || 'weglakker'}.${suffix}.${ext}`;
}

/** The policy as the engine reads it (`version` added, empty lists left out). */
function policyForEngine(policy) {
  return { version: 1, ...policy };
}

/**
 * Builds the review app inside `root`. `options.policy`: a starting policy (object or
 * JSON text; wins over the one saved in the browser); `options.ownAccounts`: accounts
 * added to the policy's own accounts; `options.lang`: `nl` (default) or `en`;
 * `options.storage`: false to not save the policy in localStorage.
 */
export function mount(root, options = {}) {
  setLang(options.lang ?? 'nl');
  const saveToStorage = options.storage !== false;
  const state = {
    policy: initialPolicy(options, saveToStorage),
    key: '',
    file: null, // {name, blob}
    format: 'auto',
    triage: false,
    review: null, // the workers' summary of every record (processInWorkers)
    visible: new Uint32Array(0), // numbers of the records that pass the filters
    shown: [], // the records of the page on screen (from the workers)
    pageToken: 0, // the latest page asked for (older answers are dropped)
    download: null, // {key, result}: the last processWhole, reused for the other downloads
    keep: new Map(), // `${record}|${field}|${start}` → {kind, allowed, text}: findings kept by hand
    kindFilter: new Set(),
    decisionFilter: '',
    onlyFindings: true,
    page: 0,
    selected: null, // {record, field, finding}
    scanning: null, // AbortController of the running scan
    labels: new Map(), // kind id → {nl, en}
    fieldNames: new Set(), // every text field seen in this file, for the field roles
    open: new Set(), // ids of the policy panel's <details> that are open
  };

  // ---------- structure ----------
  const status = el('p', { class: 'wl-status', role: 'status', 'aria-live': 'polite' });
  status.textContent = t('status.loading');
  const progress = el('progress', { class: 'wl-progress', max: '1', value: '0', 'aria-label': t('progress.label') });
  progress.hidden = true;
  const cancelButton = tx('button', 'progress.cancel', { type: 'button', class: 'wl-secondary', onclick: () => state.scanning?.abort() });
  cancelButton.hidden = true;
  const langButton = el('button', { type: 'button', class: 'wl-secondary wl-lang', onclick: () => switchLang() });

  const fileInput = el('input', { type: 'file', id: 'wl-file', accept: '.txt,.jsonl,.ndjson,.json,.js,.csv,.tsv,.zip,.xlsx,text/plain,application/json,text/csv,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', class: 'wl-file-input' });
  const fileLabel = tx('label', 'input.pick', { for: 'wl-file', class: 'wl-button wl-secondary' });
  const formatSelect = el('select', { id: 'wl-format' },
    ...FORMATS.map((f) => (f === 'auto' || f === 'text' || f === 'jsonl'
      ? tx('option', `input.format.${f}`, { value: f })
      : el('option', { value: f }, f))));
  const triageBox = el('input', { type: 'checkbox', id: 'wl-triage' });
  const pasteArea = el('textarea', { id: 'wl-paste', rows: '4', spellcheck: 'false', autocomplete: 'off' });
  const drop = el('div', { class: 'wl-drop' },
    tx('p', 'input.drop', { class: 'wl-drop-text' }),
    el('div', { class: 'wl-row' }, fileInput, fileLabel,
      el('span', { class: 'wl-field' }, tx('label', 'input.format', { for: 'wl-format' }), formatSelect)),
  );
  const inputSection = el('section', { class: 'wl-section', 'aria-labelledby': 'wl-input-h' },
    tx('h2', 'input.heading', { id: 'wl-input-h' }),
    drop,
    tx('label', 'input.paste', { for: 'wl-paste' }),
    pasteArea,
    el('div', { class: 'wl-row' },
      tx('button', 'input.pasteRun', { type: 'button', id: 'wl-run', onclick: () => openPasted() }),
      tx('button', 'input.sample', { type: 'button', class: 'wl-secondary', id: 'wl-sample', onclick: () => openSample() })),
    el('p', { class: 'wl-check' }, triageBox, tx('label', 'input.triage', { for: 'wl-triage' })),
    el('div', { class: 'wl-row wl-progress-row' }, progress, cancelButton),
    status,
  );

  const counts = el('div', { class: 'wl-counts', role: 'group', 'aria-labelledby': 'wl-counts-h' });
  const kindSelect = el('select', { id: 'wl-filter-kind' });
  const decisionSelect = el('select', { id: 'wl-filter-decision' });
  const onlyBox = el('input', { type: 'checkbox', id: 'wl-only', checked: true });
  const list = el('div', { class: 'wl-list', id: 'wl-list' });
  const pager = el('div', { class: 'wl-row wl-pager' });
  const decide = el('aside', { class: 'wl-decide', 'aria-labelledby': 'wl-decide-h', tabindex: '-1', id: 'wl-decide' });
  const reviewSection = el('section', { class: 'wl-section', 'aria-labelledby': 'wl-review-h' },
    tx('h2', 'review.heading', { id: 'wl-review-h' }),
    tx('p', 'review.counts', { id: 'wl-counts-h', class: 'wl-small' }),
    counts,
    el('div', { class: 'wl-row' },
      el('span', { class: 'wl-field' }, tx('label', 'review.filterKind', { for: 'wl-filter-kind' }), kindSelect),
      el('span', { class: 'wl-field' }, tx('label', 'review.filterDecision', { for: 'wl-filter-decision' }), decisionSelect),
      el('span', { class: 'wl-check' }, onlyBox, tx('label', 'review.onlyFindings', { for: 'wl-only' }))),
    el('div', { class: 'wl-review' }, el('div', {}, list, pager), decide),
  );

  const policyBox = el('div', { class: 'wl-policy' });
  const fieldsHolder = el('div', { class: 'wl-fields' });
  const policySection = el('section', { class: 'wl-section', 'aria-labelledby': 'wl-policy-h' },
    tx('h2', 'policy.heading', { id: 'wl-policy-h' }), policyBox);

  const downloadSection = el('section', { class: 'wl-section', 'aria-labelledby': 'wl-download-h' },
    tx('h2', 'download.heading', { id: 'wl-download-h' }),
    el('div', { class: 'wl-row' },
      tx('button', 'download.file', { type: 'button', id: 'wl-download', disabled: true, onclick: () => download('file') }),
      tx('button', 'download.reportJson', { type: 'button', class: 'wl-secondary', id: 'wl-report-json', disabled: true, onclick: () => download('json') }),
      tx('button', 'download.reportHtml', { type: 'button', class: 'wl-secondary', id: 'wl-report-html', disabled: true, onclick: () => download('html') })),
    tx('p', 'download.note', { class: 'wl-small' }),
  );

  const header = el('header', { class: 'wl-header' },
    el('div', { class: 'wl-title' }, el('h1', {}, 'weglakker'), langButton),
    tx('p', 'app.lead', { class: 'wl-lead' }));
  // The page's main landmark, unless the host page already has one (embedded).
  const mainTag = document.querySelector('main') ? 'div' : 'main';
  root.replaceChildren(header, el(mainTag, { class: 'wl-main' }, inputSection, reviewSection, policySection, downloadSection));
  root.classList.add('wl-app');

  // ---------- language ----------
  function translate() {
    root.lang = getLang();
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    langButton.textContent = t('lang.switch');
    langButton.setAttribute('aria-label', t('lang.switchLabel'));
    langButton.lang = getLang() === 'nl' ? 'en' : 'nl';
    progress.setAttribute('aria-label', t('progress.label'));
    renderFilters();
    renderPolicy();
    renderReview();
  }

  function switchLang() {
    setLang(getLang() === 'nl' ? 'en' : 'nl');
    translate();
    langButton.focus();
  }

  function say(text) {
    status.textContent = text;
  }

  // ---------- input ----------
  async function openFile(file) {
    if (!file) return;
    // The File is a Blob: the workers read their slices of it; it is never copied here.
    state.file = { name: file.name, blob: file };
    state.fieldNames = new Set();
    state.keep = new Map();
    await scan();
  }

  function openPasted() {
    const text = pasteArea.value;
    state.file = { name: 'geplakt', blob: new Blob([text]) };
    state.keep = new Map();
    return scan();
  }

  function openSample() {
    pasteArea.value = SAMPLE;
    state.file = { name: 'voorbeeld.jsonl', blob: new Blob([SAMPLE]) };
    state.keep = new Map();
    return scan();
  }

  fileInput.addEventListener('change', () => openFile(fileInput.files?.[0]));
  formatSelect.addEventListener('change', () => {
    state.format = formatSelect.value;
    if (state.file) scan();
  });
  triageBox.addEventListener('change', () => {
    state.triage = triageBox.checked;
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('wl-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('wl-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('wl-over');
    openFile(e.dataTransfer?.files?.[0]);
  });

  // ---------- scanning (worker pool) ----------
  async function scan() {
    if (!state.file) return;
    state.scanning?.abort();
    const controller = new AbortController();
    state.scanning = controller;
    const started = performance.now();
    progress.hidden = cancelButton.hidden = false;
    progress.value = 0;
    say(t('status.progress', 0, '…', 0));
    try {
      const review = await weglakker.processInWorkers(state.file.blob, {
        format: state.format,
        name: state.file.name,
        // Overrides are laid over the core's decisions here (so the page can show both);
        // the download applies them itself.
        policy: policyForEngine({ ...state.policy, triageOverrides: undefined }),
        lang: getLang(),
        signal: controller.signal,
        onProgress: ({ done, total, records }) => {
          progress.value = done / total;
          const seconds = (performance.now() - started) / 1000;
          say(t('status.progress', done, total, Math.round(records / Math.max(seconds, 0.001))));
        },
      });
      if (state.scanning !== controller) return;
      state.review = review;
      state.detected = review.format;
      const known = state.fieldNames.size;
      for (const name of review.fieldNames) state.fieldNames.add(name);
      if (state.fieldNames.size !== known) renderFields();
      say(t('status.done', review.total, review.findingCount, Math.round(performance.now() - started)));
      for (const id of ['wl-download', 'wl-report-json', 'wl-report-html']) root.querySelector(`#${id}`).disabled = false;
      refilter();
      renderFilters();
      await showPage();
      if (state.scanning !== controller) return;
      root.dataset.records = String(review.total);
    } catch (err) {
      if (state.scanning !== controller) return;
      if (err.name === 'AbortError') {
        // The workers that kept the records are gone: nothing of the old scan is left.
        state.review = null;
        refilter();
        state.shown = [];
        renderFilters();
        renderReview();
      }
      say(err.name === 'AbortError' ? t('status.cancelled') : t('status.error', err.message));
    } finally {
      if (state.scanning === controller) {
        state.scanning = null;
        progress.hidden = cancelButton.hidden = true;
      }
    }
  }

  // ---------- decisions ----------
  const keyOf = (record, field, f) => `${record}|${field}|${f.start}`;
  const lower = (s) => s.toLocaleLowerCase();

  function isKept(record, field, f) {
    if (state.keep.has(keyOf(record, field, f))) return true;
    if (state.policy.operators?.[f.kind]?.type === 'keep') return true;
    if ((state.policy.allow ?? []).some((a) => lower(a) === lower(f.text))) return true;
    return f.allowed; // the engine's own: the allow list or an own account
  }

  /** Findings of this value (any case) in the whole file, from the workers' summary. */
  function valueCount(text) {
    return state.review?.values.get(lower(text)) ?? 0;
  }

  /** Applies `change` to the policy; `panel`: redraw the policy panel (false when the
   * change came from the panel itself, so the field being edited keeps its focus). */
  function changePolicy(change, rescan, panel = true) {
    change(state.policy);
    savePolicy();
    if (panel) renderPolicy();
    if (rescan) scan();
    refilter();
    renderFilters();
    syncPage();
    renderDecide();
  }

  function keepValue(text, keep, kind) {
    changePolicy((p) => {
      const want = lower(text);
      // Keep: on the allow list (which wins over the deny list, so the value stays visible
      // as a kept finding). Minimise: off the allow list and on the deny list, so every
      // occurrence is found, also where a detector missed it.
      p.allow = (p.allow ?? []).filter((a) => lower(a) !== want);
      if (keep) p.allow.push(text);
      else if (!(p.deny ?? []).some((d) => lower(typeof d === 'string' ? d : d.term) === want)) {
        p.deny = [...(p.deny ?? []), kind === 'person' ? text : { term: text, kind }];
      }
    }, true);
  }

  function keepKind(kind, keep) {
    changePolicy((p) => {
      p.operators = { ...(p.operators ?? {}) };
      if (keep) p.operators[kind] = { type: 'keep' };
      else if (p.operators[kind]?.type === 'keep') delete p.operators[kind];
    }, false);
  }

  function keepFinding(sel, keep) {
    const k = keyOf(sel.record, sel.field, sel.finding);
    if (keep) state.keep.set(k, { kind: sel.finding.kind, allowed: sel.finding.allowed, text: sel.finding.text });
    else state.keep.delete(k);
    renderFilters();
    renderReview();
    renderDecide();
  }

  // ---------- triage overrides ----------
  /** A record's key in `triageOverrides`: its id, else its record index (as the core). */
  const overrideKey = (r) => (r.id === null || r.id === undefined ? String(r.record) : String(r.id));

  /** The decision in effect: the user's override, else the core's. */
  function decisionOf(r) {
    if (!r.decision) return null;
    return state.policy.triageOverrides?.[overrideKey(r)] ?? r.decision;
  }

  /** Sets (or, back to the core's own decision, removes) a record's override. */
  function overrideDecision(r, decision) {
    const key = overrideKey(r);
    changePolicy((p) => {
      p.triageOverrides = { ...(p.triageOverrides ?? {}) };
      if (decision === r.decision) delete p.triageOverrides[key];
      else p.triageOverrides[key] = decision;
      if (Object.keys(p.triageOverrides).length === 0) delete p.triageOverrides;
    }, false);
    root.querySelector(`#wl-triage-${r.record}`)?.focus();
  }

  /** The triage badge as a labelled choice of the five decisions. */
  function decisionControl(r) {
    const current = decisionOf(r);
    const overridden = current !== r.decision;
    const id = `wl-triage-${r.record}`;
    const select = el('select', { id, class: `wl-decision d-${current}`, 'data-overridden': String(overridden), title: r.reason ?? '' },
      ...DECISIONS.map((d) => el('option', { value: d, selected: d === current }, t(`decision.${d}`))));
    select.addEventListener('change', () => overrideDecision(r, select.value));
    return el('span', { class: 'wl-field wl-decision-field' },
      el('label', { for: id, class: 'wl-sr' }, t('review.decisionLabel')),
      select,
      overridden ? el('span', { class: 'wl-small' }, t('review.overridden', t(`decision.${r.decision}`))) : null);
  }

  // ---------- review list ----------
  /** Per kind: findings in the whole file and how many of them are kept. */
  function kindTotals() {
    const totals = new Map();
    for (const [kind, { all, allowed }] of state.review?.kindTotals ?? []) {
      totals.set(kind, { all, kept: state.policy.operators?.[kind]?.type === 'keep' ? all : allowed });
    }
    // Kept by hand, unless the engine keeps it anyway (then it is counted above).
    const allow = new Set((state.policy.allow ?? []).map(lower));
    for (const { kind, allowed, text } of state.keep.values()) {
      const c = totals.get(kind);
      if (c && !allowed && !allow.has(lower(text)) && c.kept < c.all) c.kept++;
    }
    return totals;
  }

  /** Record number → decision, for the records a triage override names. */
  function overridden() {
    return state.review?.overridden(state.policy.triageOverrides) ?? new Map();
  }

  /** The numbers of the records that pass the filters (kind, decision, with findings). */
  function refilter() {
    const rv = state.review;
    if (!rv) {
      state.visible = new Uint32Array(0);
      return;
    }
    let mask = 0;
    for (const kind of state.kindFilter) mask |= 1 << rv.kindIds.indexOf(kind);
    const want = state.decisionFilter;
    const overrides = want ? overridden() : new Map();
    const out = new Uint32Array(rv.total);
    let m = 0;
    for (let i = 0; i < rv.total; i++) {
      if (state.onlyFindings && rv.findings[i] === 0) continue;
      if (mask && (rv.kinds[i] & mask) === 0) continue;
      if (want && (overrides.get(i) ?? rv.decisionNames[rv.decisions[i] - 1]) !== want) continue;
      out[m++] = i;
    }
    state.visible = out.subarray(0, m);
  }

  function renderFilters() {
    const totals = kindTotals();
    counts.replaceChildren(...[...totals].map(([kind, c]) => {
      const pressed = state.kindFilter.has(kind);
      return el('button', {
        type: 'button', class: `wl-count k-${kind}`, 'aria-pressed': String(pressed), 'data-kind': kind,
        onclick: () => {
          if (pressed) state.kindFilter.delete(kind);
          else state.kindFilter.add(kind);
          state.page = 0;
          renderFilters();
          renderReview();
          root.querySelector(`.wl-count[data-kind="${kind}"]`)?.focus();
        },
      }, el('span', { class: `wl-swatch k-${kind}`, 'aria-hidden': 'true' }),
      `${kindName(kind)}: `, el('span', { class: 'wl-n' }, String(c.all)),
      c.kept ? ` (${c.kept} ${t('review.kept')})` : '');
    }));
    const kindValue = state.kindFilter.size === 1 ? [...state.kindFilter][0] : '';
    kindSelect.replaceChildren(tx('option', 'review.filterAll', { value: '' }),
      ...[...totals.keys()].map((k) => el('option', { value: k, selected: k === kindValue }, kindName(k))));
    // Per decision the number of records (overrides included), so a change shows at once.
    const perDecision = new Map();
    const rv = state.review;
    if (rv) {
      const byCode = new Uint32Array(rv.decisionNames.length + 1);
      for (let i = 0; i < rv.total; i++) byCode[rv.decisions[i]]++;
      rv.decisionNames.forEach((d, at) => perDecision.set(d, byCode[at + 1]));
      for (const [i, d] of overridden()) {
        const core = rv.decisionNames[rv.decisions[i] - 1];
        perDecision.set(core, perDecision.get(core) - 1);
        perDecision.set(d, (perDecision.get(d) ?? 0) + 1);
      }
    }
    decisionSelect.replaceChildren(tx('option', 'review.filterAll', { value: '' }),
      ...DECISIONS.map((d) => el('option', { value: d, selected: d === state.decisionFilter, 'data-count': perDecision.get(d) ?? 0 },
        `${t(`decision.${d}`)} (${perDecision.get(d) ?? 0})`)));
  }

  kindSelect.addEventListener('change', () => {
    state.kindFilter = new Set(kindSelect.value ? [kindSelect.value] : []);
    state.page = 0;
    refilter();
    renderFilters();
    showPage();
  });
  decisionSelect.addEventListener('change', () => {
    state.decisionFilter = decisionSelect.value;
    state.page = 0;
    refilter();
    showPage();
  });
  onlyBox.addEventListener('change', () => {
    state.onlyFindings = onlyBox.checked;
    state.page = 0;
    refilter();
    showPage();
  });

  /** The record numbers of the current page. */
  function pageNumbers() {
    const pages = Math.max(1, Math.ceil(state.visible.length / PAGE));
    state.page = Math.max(0, Math.min(state.page, pages - 1));
    return Array.from(state.visible.subarray(state.page * PAGE, (state.page + 1) * PAGE));
  }

  /** Asks the workers for the records of the current page, then draws it. */
  async function showPage() {
    const numbers = pageNumbers();
    const token = ++state.pageToken;
    let records = [];
    try {
      records = numbers.length ? await state.review.records(numbers) : [];
    } catch (err) {
      if (token === state.pageToken) say(t('status.error', err.message));
      return;
    }
    if (token !== state.pageToken) return;
    state.shown = records.filter(Boolean);
    renderReview();
  }

  /** Redraws the page; asks the workers again only when other records are to be shown. */
  function syncPage() {
    const numbers = pageNumbers();
    const same = numbers.length === state.shown.length && numbers.every((n, i) => state.shown[i].record === n);
    if (same) renderReview();
    else showPage();
  }

  function turnPage(by) {
    state.page += by;
    showPage().then(() => list.querySelector('button, select')?.focus());
  }

  /** The text of one field with its findings as buttons (text nodes only). */
  function markedText(record, field) {
    const p = el('p', { class: 'wl-text' });
    let last = 0;
    for (const f of field.findings) {
      if (f.start < last) continue;
      p.append(document.createTextNode(field.text.slice(last, f.start)));
      const kept = isKept(record.record, field.field, f);
      const label = state.labels.get(f.kind)?.[getLang()] ?? f.kind;
      const chosen = state.selected && state.selected.record === record.record
        && state.selected.field === field.field && state.selected.finding.start === f.start;
      const button = el('button', {
        type: 'button',
        class: `wl-finding k-${f.kind}${kept ? ' wl-kept' : ''}${chosen ? ' wl-chosen' : ''}`,
        'data-kind': f.kind,
        'data-kept': String(kept),
        'aria-pressed': String(Boolean(chosen)),
        onclick: () => {
          state.selected = { record: record.record, field: field.field, finding: f };
          renderReview();
          renderDecide();
          decide.focus();
        },
      });
      button.append(
        el('span', { class: 'wl-value' }, field.text.slice(f.start, f.end)),
        el('span', { class: 'wl-tag' }, `${label}${kept ? ' ✓' : ''}`),
        el('span', { class: 'wl-sr' }, ` (${kindName(f.kind)}, ${kept ? t('review.kept') : t('review.minimised')})`),
      );
      p.append(button);
      last = f.end;
    }
    p.append(document.createTextNode(field.text.slice(last)));
    return p;
  }

  function renderReview() {
    const total = state.visible.length;
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const from = state.page * PAGE;
    const shown = state.shown;
    // Redrawn after decisions: whatever had focus in the list gets it back.
    const focused = list.contains(document.activeElement) ? document.activeElement.id : '';
    if (shown.length === 0) {
      list.replaceChildren(state.review?.total ? tx('p', 'review.empty', { class: 'wl-small' }) : '');
    } else {
      list.replaceChildren(...shown.map((r) => {
        const decision = r.decision ? decisionControl(r) : null;
        const where = r.line > 0 ? t('review.record', r.line, r.id === null || r.id === undefined ? null : String(r.id))
          : t('review.recordN', r.record + 1, r.id === null || r.id === undefined ? null : String(r.id));
        const fields = r.fields; // the worker kept those with findings and the main text
        return el('article', { class: 'wl-record', 'data-record': r.record },
          el('header', { class: 'wl-record-head' },
            el('span', {}, where), decision),
          ...fields.map((f) => el('div', { class: 'wl-fieldtext' },
            fields.length > 1 || f.field !== 'text' ? el('span', { class: 'wl-fieldname' }, f.field) : null,
            markedText(r, f))));
      }));
    }
    if (focused) root.querySelector(`#${focused}`)?.focus();
    const prev = tx('button', 'review.prev', { type: 'button', class: 'wl-secondary', disabled: state.page === 0,
      onclick: () => turnPage(-1) });
    const next = tx('button', 'review.next', { type: 'button', class: 'wl-secondary', disabled: state.page >= pages - 1,
      onclick: () => turnPage(1) });
    pager.replaceChildren(...(total > PAGE ? [prev] : []),
      el('span', { class: 'wl-small' }, total && shown.length ? t('review.page', from + 1, from + shown.length, total) : ''),
      ...(total > PAGE ? [next] : []));
  }

  function renderDecide() {
    const heading = tx('h3', 'decide.heading', { id: 'wl-decide-h' });
    const sel = state.selected;
    if (!sel) {
      decide.replaceChildren(heading, tx('p', 'decide.none', { class: 'wl-small' }));
      return;
    }
    const f = sel.finding;
    const kept = isKept(sel.record, sel.field, f);
    const pair = (legendText, onKeep, onMinimise, id) => el('fieldset', { class: 'wl-pair' },
      el('legend', {}, legendText),
      el('button', { type: 'button', class: 'wl-secondary', id: `${id}-keep`, onclick: onKeep }, t('decide.keep')),
      el('button', { type: 'button', class: 'wl-secondary', id: `${id}-minimise`, onclick: onMinimise }, t('decide.minimise')));
    decide.replaceChildren(...[
      heading,
      el('p', { class: 'wl-selected' }, t('decide.selected', kindName(f.kind), f.text)),
      el('p', { class: 'wl-small', id: 'wl-decide-now' }, t('decide.now', kept ? t('review.kept') : t('review.minimised'))),
      // Every format's download honours a finding kept by (record, field, start): the
      // record numbers and field names are those the scan handed back.
      pair(t('decide.finding'), () => keepFinding(sel, true), () => keepFinding(sel, false), 'wl-d-finding'),
      pair(t('decide.value', valueCount(f.text)), () => keepValue(f.text, true, f.kind), () => keepValue(f.text, false, f.kind), 'wl-d-value'),
      pair(t('decide.kind', kindName(f.kind)), () => keepKind(f.kind, true), () => keepKind(f.kind, false), 'wl-d-kind'),
    ].filter(Boolean));
  }

  // ---------- policy panel ----------
  function savePolicy() {
    if (!saveToStorage) return;
    try {
      localStorage.setItem(STORAGE, JSON.stringify(policyForEngine(state.policy)));
    } catch {
      // storage may be off (private mode): the policy then lasts for this page only
    }
  }

  function denyLines(deny) {
    return (deny ?? []).map((d) => (typeof d === 'string' ? d : d.kind === 'person' ? d.term : `${d.term} (${d.kind})`)).join('\n');
  }

  function parseDeny(text) {
    return lines(text).map((line) => {
      const m = line.match(/^(.*\S)\s+\(([a-z_]+)\)$/);
      return m && state.labels.has(m[2]) ? { term: m[1], kind: m[2] } : line;
    });
  }

  function listArea(id, key, value, onChange) {
    const area = el('textarea', { id, rows: '3', spellcheck: 'false' });
    area.value = value;
    area.addEventListener('change', () => changePolicy((p) => onChange(p, area.value), true, false));
    return el('div', { class: 'wl-list-edit' }, tx('label', key, { for: id }), area);
  }

  function renderPolicy() {
    // Redrawn after decisions elsewhere; whatever had focus in the panel gets it back.
    const focused = policyBox.contains(document.activeElement) ? document.activeElement.id : '';
    renderPolicyPanel();
    if (focused) root.querySelector(`#${focused}`)?.focus();
  }

  function renderPolicyPanel() {
    renderFields();
    const p = state.policy;
    const operatorRows = [...state.labels.keys()].map((kind) => {
      const current = p.operators?.[kind]?.type ?? (isSpecial(kind) ? 'tag' : 'pseudonym');
      const choices = OPERATORS.includes(current) ? OPERATORS : [...OPERATORS, current];
      const select = el('select', { id: `wl-op-${kind}` },
        ...choices.map((op) => el('option', { value: op, selected: op === current }, OPERATORS.includes(op) ? t(`op.${op}`) : op)));
      select.addEventListener('change', () => changePolicy((q) => {
        q.operators = { ...(q.operators ?? {}), [kind]: { type: select.value } };
      }, false, false));
      return el('div', { class: 'wl-op' }, el('label', { for: `wl-op-${kind}` }, kindName(kind)), select);
    });
    const style = el('select', { id: 'wl-style' },
      ...['numbered', 'keyed'].map((s) => el('option', { value: s, selected: (p.pseudonyms?.style ?? 'numbered') === s }, t(`policy.style.${s}`))));
    style.addEventListener('change', () => changePolicy((q) => {
      q.pseudonyms = { style: style.value };
    }, false));
    const key = el('input', { type: 'password', id: 'wl-key', autocomplete: 'off' });
    key.value = state.key;
    key.addEventListener('change', () => {
      state.key = key.value;
    });
    const labels = el('select', { id: 'wl-labels' },
      ...['nl', 'en'].map((l) => el('option', { value: l, selected: (p.labels ?? 'nl') === l }, l === 'nl' ? 'Nederlands' : 'English')));
    labels.addEventListener('change', () => changePolicy((q) => {
      q.labels = labels.value;
    }, false, false));
    const importInput = el('input', { type: 'file', id: 'wl-import', accept: '.json,application/json', class: 'wl-file-input' });
    importInput.addEventListener('change', async () => {
      const file = importInput.files?.[0];
      if (!file) return;
      try {
        const policy = JSON.parse(await file.text());
        weglakker.engine({ policy }).free(); // throws with the engine's message when invalid
        state.policy = stripVersion(policy);
        changePolicy(() => {}, true);
      } catch (err) {
        say(t('status.error', err.message));
      }
    });
    policyBox.replaceChildren(...[
      details('wl-ops', 'policy.operators', operatorRows),
      fieldsHolder,
      el('div', { class: 'wl-lists' },
        listArea('wl-allow', 'policy.allow', (p.allow ?? []).join('\n'), (q, v) => { q.allow = lines(v); }),
        listArea('wl-deny', 'policy.deny', denyLines(p.deny), (q, v) => { q.deny = parseDeny(v); }),
        listArea('wl-own', 'policy.own', (p.ownAccounts ?? []).join('\n'), (q, v) => { q.ownAccounts = lines(v); }),
        listArea('wl-channels', 'policy.channels', (p.officialChannels ?? []).join('\n'), (q, v) => { q.officialChannels = lines(v); })),
      el('div', { class: 'wl-row' },
        el('span', { class: 'wl-field' }, tx('label', 'policy.style', { for: 'wl-style' }), style),
        el('span', { class: 'wl-field' }, tx('label', 'policy.labels', { for: 'wl-labels' }), labels)),
      (p.pseudonyms?.style === 'keyed') ? el('div', { class: 'wl-field' }, tx('label', 'policy.key', { for: 'wl-key' }), key) : null,
      el('div', { class: 'wl-row' },
        tx('button', 'policy.export', { type: 'button', class: 'wl-secondary', id: 'wl-export',
          onclick: () => saveAs('weglakker-beleid.json', JSON.stringify(policyForEngine(state.policy), null, 2) + '\n', 'application/json') }),
        importInput, tx('label', 'policy.import', { for: 'wl-import', class: 'wl-button wl-secondary' }),
        tx('button', 'policy.reset', { type: 'button', class: 'wl-secondary', id: 'wl-reset',
          onclick: () => { state.policy = {}; changePolicy(() => {}, true); } })),
    ].filter(Boolean));
  }

  /** A <details> that stays open or closed across re-renders. */
  function details(id, key, rows) {
    const d = el('details', { class: 'wl-ops', id, open: state.open.has(id) }, tx('summary', key), el('div', { class: 'wl-op-grid' }, ...rows));
    d.addEventListener('toggle', () => (d.open ? state.open.add(id) : state.open.delete(id)));
    return d;
  }

  function renderFields() {
    const p = state.policy;
    // Field roles (JSON Lines): a field may be scanned (default), kept, dropped, or replaced
    // as a whole (an author's name gets the same pseudonym as their mentions).
    const fieldNames = [...new Set([...state.fieldNames, ...Object.keys(p.fields ?? {})])].sort();
    const fieldRows = fieldNames.map((name, i) => {
      const current = p.fields?.[name]?.type ?? 'scan';
      const select = el('select', { id: `wl-field-${i}` },
        ...FIELD_ROLES.map((role) => el('option', { value: role, selected: role === current }, t(`role.${role}`))));
      select.addEventListener('change', () => changePolicy((q) => {
        q.fields = { ...(q.fields ?? {}) };
        if (select.value === 'scan') delete q.fields[name];
        else q.fields[name] = { type: select.value };
      }, true, false));
      return el('div', { class: 'wl-op' }, el('label', { for: `wl-field-${i}`, class: 'wl-fieldname' }, name), select);
    });
    fieldsHolder.replaceChildren(...(fieldRows.length ? [details('wl-fields', 'policy.fields', fieldRows)] : []));
  }

  function isSpecial(kind) {
    return state.labels.get(kind)?.group === 'special';
  }

  // ---------- download ----------
  async function download(what) {
    if (!state.file) return;
    const keep = [...state.keep.keys()].map((k) => {
      const [record, field, start] = k.split('|');
      return { record: Number(record), field, start: Number(start) };
    });
    const options = {
      format: state.format,
      name: state.file.name,
      policy: policyForEngine(state.policy),
      key: state.key || undefined,
      triage: state.triage,
      lang: getLang(),
      keep,
    };
    // The three downloads of one set of decisions share one run (a large file takes time).
    const key = JSON.stringify(options);
    try {
      let result = state.download?.file === state.file && state.download.key === key ? state.download.result : null;
      if (!result) {
        const started = performance.now();
        progress.hidden = false;
        progress.value = 0;
        result = await weglakker.processWhole(state.file.blob, {
          ...options,
          onProgress: ({ done, total }) => {
            progress.value = total ? done / total : 1;
            say(t('status.writing', Math.round((100 * done) / Math.max(total, 1)), Math.round(performance.now() - started)));
          },
        });
        state.download = { file: state.file, key, result };
      }
      const format = result.format;
      let name;
      if (what === 'file') {
        name = anonName(state.file.name, format);
        saveAs(name, result.output, TYPES[format] ?? 'application/json');
      } else if (what === 'json') {
        name = anonName(state.file.name, format, 'rapport').replace(/\.[^.]+$/, '.json');
        saveAs(name, JSON.stringify(result.report, null, 2) + '\n', 'application/json');
      } else {
        name = anonName(state.file.name, format, 'rapport').replace(/\.[^.]+$/, '.html');
        saveAs(name, result.reportHtml, 'text/html;charset=utf-8');
      }
      say(t('status.downloaded', name));
    } catch (err) {
      say(t('status.error', err.message));
    } finally {
      if (!state.scanning) progress.hidden = true;
    }
  }

  // ---------- start ----------
  const started = performance.now();
  const ready = weglakker.load().then(({ kinds }) => {
    for (const k of kinds) state.labels.set(k.id, k);
    translate();
    renderDecide();
    const ms = Math.round(performance.now() - started);
    say(t('status.ready', ms));
    root.dataset.ready = 'true';
    root.dataset.readyMs = String(ms);
    return { ms };
  }, (err) => {
    say(t('status.error', err.message));
    throw err;
  });

  return {
    ready,
    /** Replaces the policy (object, no `version` needed) and scans again. */
    setPolicy(policy) {
      state.policy = stripVersion(policy ?? {});
      changePolicy(() => {}, true);
    },
    /** Adds own accounts to the policy. */
    addOwnAccounts(accounts) {
      changePolicy((p) => {
        p.ownAccounts = [...new Set([...(p.ownAccounts ?? []), ...accounts])];
      }, true);
    },
    /** The policy in effect (with `version`). */
    policy: () => policyForEngine(state.policy),
  };
}

function stripVersion(policy) {
  const { version, ...rest } = typeof policy === 'string' ? JSON.parse(policy) : policy;
  return rest;
}

function initialPolicy(options, useStorage) {
  let policy = {};
  if (options.policy) {
    policy = stripVersion(options.policy);
  } else if (useStorage) {
    try {
      const saved = localStorage.getItem(STORAGE);
      if (saved) policy = stripVersion(saved);
    } catch {
      policy = {};
    }
  }
  if (options.ownAccounts?.length) {
    policy.ownAccounts = [...new Set([...(policy.ownAccounts ?? []), ...options.ownAccounts])];
  }
  return policy;
}
