// dyad dashboard: a dyad's relations over time (uPlot), the events of a period
// with their sentences, and the articles behind them. Plain ES2020, no build step.
// All data goes into the DOM through textContent / createElement, never innerHTML.
'use strict';

(() => {
  const $ = (sel) => document.querySelector(sel);

  const QUADS = [
    { key: 'verbal_coop', label: 'Verbal cooperation', color: '#9bd3a8', stroke: '#5fae74' },
    { key: 'material_coop', label: 'Material cooperation', color: '#2f8f55', stroke: '#1f6a3d' },
    { key: 'verbal_conflict', label: 'Verbal conflict', color: '#f2b36b', stroke: '#d08a36' },
    { key: 'material_conflict', label: 'Material conflict', color: '#cf3245', stroke: '#a11f30' },
  ];
  const QUAD_NAMES = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
  const BYS = ['day', 'week', 'month', 'quarter', 'year'];
  const PAGE = 50;
  // x-axis label steps, in periods, by period length (a year, two, five ...)
  const INCRS = {
    day: [1, 2, 7, 14, 28, 91, 182, 365, 730, 1826, 3652, 7305],
    week: [1, 2, 4, 13, 26, 52, 104, 261, 522, 1044],
    month: [1, 2, 3, 6, 12, 24, 60, 120, 240],
    quarter: [1, 2, 4, 8, 20, 40, 80],
    year: [1, 2, 5, 10, 20, 50, 100],
  };
  const ROLE = { src: 'source', verb: 'verb', tgt: 'target' };

  const el = {
    form: $('#controls'), source: $('#source'), target: $('#target'), by: $('#by'), both: $('#both'),
    swap: $('#swap'), sourceList: $('#source-list'), targetList: $('#target-list'),
    dyads: $('#dyads'), status: $('#status'), chart: $('#chart'), period: $('#period'),
    chartTitle: $('#chart-title'), events: $('#events'), tbody: $('#events tbody'),
    caption: $('#events-caption'), eventsTitle: $('#events-title'), eventsCount: $('#events-count'),
    more: $('#more'), article: $('#article'), articleTitle: $('#article-title'),
    articleMeta: $('#article-meta'), articleEvents: $('#article-events'), articleText: $('#article-text'),
    articleClose: $('#article-close'),
  };

  const state = { source: '', target: '', both: false, by: 'month', period: '' };
  let series = null;          // the last /api/series answer
  let chart = null;           // the uPlot instance
  let eventsShown = 0;
  const labels = new Map();   // actor code -> label, from /api/actors answers
  const nf = new Intl.NumberFormat('en');
  const fmt = (v, digits = 0) => (v == null || Number.isNaN(v)) ? '–'
    : Number(v).toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

  // ---------------------------------------------------------------- helpers

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c != null) node.append(c instanceof Node ? c : String(c));
    return node;
  }

  const controllers = {};
  // GET a JSON API path; a previous request of the same kind is aborted.
  async function api(kind, path, params) {
    if (controllers[kind]) controllers[kind].abort();
    const ctl = new AbortController();
    controllers[kind] = ctl;
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== '' && v != null && v !== false) qs.set(k, v === true ? '1' : v);
    const url = path + (qs.toString() ? '?' + qs : '');
    let res;
    try {
      res = await fetch(url, { signal: ctl.signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Error('the server did not answer (' + e.message + ')');
    }
    let body = null;
    try { body = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok) {
      const err = new Error((body && body.error) || ('HTTP ' + res.status));
      err.parameter = body && body.parameter;
      throw err;
    }
    if (controllers[kind] === ctl) controllers[kind] = null;
    return body;
  }

  function setStatus(msg, kind) {
    el.status.textContent = msg || '';
    el.status.className = 'status' + (kind ? ' ' + kind : '');
  }

  function showError(e, what) {
    if (e.name === 'AbortError') return;
    for (const c of [el.source, el.target, el.by]) c.removeAttribute('aria-invalid');
    const bad = e.parameter && document.getElementById(e.parameter);
    if (bad && bad.matches('input, select')) bad.setAttribute('aria-invalid', 'true');
    setStatus(what + ': ' + e.message, 'error');
  }

  const actorName = (code) => labels.has(code) && labels.get(code) !== code ? labels.get(code) + ' (' + code + ')' : code;
  const arrow = () => (state.both ? ' ⇄ ' : ' → ');
  const side = (code) => code || 'anyone';
  const dyadText = () => side(state.source) + arrow() + side(state.target);

  // ---------------------------------------------------------------- URL state

  function readURL() {
    const p = new URLSearchParams(location.search);
    state.source = (p.get('source') || '').trim().toUpperCase();
    state.target = (p.get('target') || '').trim().toUpperCase();
    state.both = ['1', 'true', 'yes', 'on'].includes((p.get('both') || '').toLowerCase());
    state.by = BYS.includes(p.get('by')) ? p.get('by') : 'month';
    state.period = p.get('period') || '';
  }

  function writeURL() {
    const p = new URLSearchParams();
    if (state.source) p.set('source', state.source);
    if (state.target) p.set('target', state.target);
    if (state.both) p.set('both', '1');
    p.set('by', state.by);
    if (state.period) p.set('period', state.period);
    history.replaceState(null, '', location.pathname + '?' + p.toString());
  }

  function stateToControls() {
    el.source.value = state.source;
    el.target.value = state.target;
    el.both.checked = state.both;
    el.by.value = state.by;
  }

  // ---------------------------------------------------------------- byte-span highlighting

  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');

  // Append bytes[from, to) to parent, each piece covered by marks as a <mark>
  // whose classes are those of every mark covering it (spans may overlap or be
  // equal: a source that is also the target). marks: [{b, e, cls}] in absolute
  // byte offsets of bytes.
  function appendMarked(parent, bytes, from, to, marks) {
    const cuts = new Set([from, to]);
    const ok = [];
    for (const m of marks) {
      const b = Math.max(from, m.b), e = Math.min(to, m.e);
      if (!(b < e)) continue;
      ok.push({ b, e, cls: m.cls });
      cuts.add(b); cuts.add(e);
    }
    const pts = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < pts.length; i++) {
      const b = pts[i], e = pts[i + 1];
      const piece = decoder.decode(bytes.subarray(b, e));
      const cls = [...new Set(ok.filter((m) => m.b <= b && m.e >= e).map((m) => m.cls))];
      if (!cls.length) { parent.append(piece); continue; }
      cls.sort((x, y) => Object.keys(ROLE).indexOf(x) - Object.keys(ROLE).indexOf(y));
      parent.append(h('mark', { class: cls.join(' '), title: cls.map((c) => ROLE[c] || c).join(' and ') }, piece));
    }
  }

  // spans {source:[b,e], verb:[b,e], target:[b,e]} relative to base -> marks
  function spanMarks(spans, base = 0) {
    const out = [];
    if (!spans) return out;
    for (const [key, cls] of [['source', 'src'], ['verb', 'verb'], ['target', 'tgt']]) {
      const s = spans[key];
      if (Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1]))
        out.push({ b: base + s[0], e: base + s[1], cls });
    }
    return out;
  }

  function highlighted(text, spans) {
    const frag = document.createDocumentFragment();
    const bytes = encoder.encode(text || '');
    appendMarked(frag, bytes, 0, bytes.length, spanMarks(spans));
    return frag;
  }

  // ---------------------------------------------------------------- actor search

  function debounce(fn, ms) {
    let t = 0;
    return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  }

  async function suggest(input, list) {
    const q = input.value.trim();
    if (!q) return;
    try {
      const data = await api('actors-' + input.id, '/api/actors', { q, limit: 20 });
      list.replaceChildren(...(data.actors || []).map((a) => {
        if (a.label) labels.set(a.code, a.label);
        const o = h('option', { value: a.code });
        o.label = (a.label && a.label !== a.code ? a.label + ' · ' : '') + nf.format(a.events || 0) + ' events';
        return o;
      }));
      input.dataset.suggested = q;
    } catch (e) { if (e.name !== 'AbortError') showError(e, 'Actor search'); }
  }

  // The value typed in an actor field as a code: a code in the suggestions, a
  // suggestion whose label is the text typed, else the text upper-cased.
  function resolveActor(input, list) {
    const v = input.value.trim();
    const opts = [...list.options];
    const byCode = opts.find((o) => o.value.toUpperCase() === v.toUpperCase());
    if (byCode) return byCode.value;
    const byLabel = opts.find((o) => labels.get(o.value) && labels.get(o.value).toLowerCase() === v.toLowerCase());
    if (byLabel) return byLabel.value;
    return v.toUpperCase();
  }

  for (const [input, list] of [[el.source, el.sourceList], [el.target, el.targetList]]) {
    const run = debounce(() => suggest(input, list), 150);
    input.addEventListener('input', (e) => {
      input.removeAttribute('aria-invalid');
      // a pick from the datalist: take it at once
      if (e.inputType === 'insertReplacementText' || e.inputType == null) {
        if ([...list.options].some((o) => o.value === input.value)) { commitControls(); return; }
      }
      run();
    });
    input.addEventListener('change', () => commitControls());
  }

  // ---------------------------------------------------------------- controls

  function commitControls(opts = {}) {
    const source = resolveActor(el.source, el.sourceList);
    const target = resolveActor(el.target, el.targetList);
    el.source.value = source;
    el.target.value = target;
    const changed = source !== state.source || target !== state.target ||
      el.both.checked !== state.both || el.by.value !== state.by;
    if (!changed && !opts.force) return;
    if (el.by.value !== state.by) state.period = '';
    state.source = source;
    state.target = target;
    state.both = el.both.checked;
    state.by = el.by.value;
    writeURL();
    loadSeries();
  }

  el.form.addEventListener('submit', (e) => { e.preventDefault(); commitControls({ force: true }); });
  el.by.addEventListener('change', () => commitControls());
  el.both.addEventListener('change', () => commitControls());
  el.swap.addEventListener('click', () => {
    const s = el.source.value;
    el.source.value = el.target.value;
    el.target.value = s;
    commitControls();
  });
  el.period.addEventListener('change', () => selectPeriod(el.period.value));
  el.more.addEventListener('click', () => loadEvents(eventsShown));

  // ---------------------------------------------------------------- top dyads

  async function loadDyads() {
    try {
      const data = await api('dyads', '/api/dyads', { by: 'volume', limit: 15 });
      const list = data.dyads || [];
      el.dyads.replaceChildren(...list.map((d) => {
        const change = Number(d.change) || 0;
        const b = h('button', {
          type: 'button', class: 'dyad',
          title: `Show ${d.source} → ${d.target}`,
          onclick: () => {
            state.source = d.source; state.target = d.target; state.period = '';
            stateToControls(); writeURL(); loadSeries();
          },
        },
        h('span', { class: 'pair' }, h('b', { text: d.source }), ' → ', h('b', { text: d.target })),
        h('span', { class: 'n', text: nf.format(d.events || 0) }),
        change ? h('span', { class: 'chg ' + (change > 0 ? 'up' : 'down'), title: 'change against the previous period', text: (change > 0 ? '+' : '') + nf.format(change) }) : null);
        return h('li', null, b);
      }));
      if (!list.length) el.dyads.replaceChildren(h('li', { class: 'muted', text: 'No events stored yet.' }));
      return list;
    } catch (e) {
      if (e.name !== 'AbortError') el.dyads.replaceChildren(h('li', { class: 'muted', text: 'Could not load: ' + e.message }));
      return [];
    }
  }

  // ---------------------------------------------------------------- series and chart

  async function loadSeries() {
    if (!state.source && !state.target) {
      setStatus('Pick a source and a target, or one of the top dyads.');
      return;
    }
    setStatus('Loading ' + dyadText() + '…');
    el.chart.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api('series', '/api/series', { source: state.source, target: state.target, both: state.both, by: state.by });
    } catch (e) {
      el.chart.removeAttribute('aria-busy');
      showError(e, 'Series');
      return;
    }
    for (const c of [el.source, el.target, el.by]) c.removeAttribute('aria-invalid');
    series = data;
    window.__dyadSeries = data;
    const rows = data.series || [];
    const total = rows.reduce((s, r) => s + (Number(r.events) || 0), 0);
    el.chartTitle.textContent = side(actorName(state.source)) + arrow() + side(actorName(state.target)) + ', by ' + state.by;
    document.title = dyadText() + ' — dyad';
    if (state.period && !rows.some((r) => r.period === state.period)) state.period = '';
    fillPeriods(rows);
    if (total) drawChart(rows);
    else {
      if (chart) { chart.destroy(); chart = null; }
      el.chart.replaceChildren(h('p', { class: 'chart-empty', text: 'No events for ' + dyadText() + ' in the store. Try both directions, another pair, or one of the top dyads.' }));
    }
    el.chart.removeAttribute('aria-busy');
    const plural = (k, word) => nf.format(k) + ' ' + word + (k === 1 ? '' : 's');
    setStatus(total ? plural(total, 'event') + ' over ' + plural(rows.length, 'period') + '.' : 'No events for ' + dyadText() + '.');
    writeURL();
    loadEvents(0);
  }

  function fillPeriods(rows) {
    const opts = [h('option', { value: '', text: 'all periods' })];
    for (const r of rows) opts.push(h('option', { value: r.period, text: r.period + ' (' + fmt(r.events) + ')' }));
    el.period.replaceChildren(...opts);
    el.period.disabled = rows.length === 0;
    el.period.value = state.period;
  }

  function selectPeriod(period) {
    state.period = period || '';
    el.period.value = state.period;
    writeURL();
    if (chart) {
      chart.redraw(false, false);
      const i = periodIndex();
      if (i >= 0 && chart.cursor.idx == null) chart.setLegend({ idx: i });
    }
    loadEvents(0);
  }

  function periodIndex() {
    if (!series || !state.period) return -1;
    return series.series.findIndex((r) => r.period === state.period);
  }

  function drawChart(rows) {
    if (chart) { chart.destroy(); chart = null; }
    el.chart.replaceChildren();
    if (typeof uPlot === 'undefined') {
      el.chart.append(h('p', { class: 'muted', text: 'The chart library did not load.' }));
      return;
    }
    const n = rows.length;
    const xs = rows.map((_, i) => i);
    const periods = rows.map((r) => r.period);
    const raw = QUADS.map((q) => rows.map((r) => Number(r[q.key]) || 0));
    // stacked bars: series k spans [sum of the ones below, that sum plus its own]
    const lows = [], highs = [];
    let acc = rows.map(() => 0);
    for (const r of raw) {
      lows.push(acc);
      acc = acc.map((a, i) => a + r[i]);
      highs.push(acc);
    }
    const net = rows.map((r) => Number(r.net_coop) || 0);
    const gmean = rows.map((r) => (Number(r.events) ? Number(r.goldstein_mean) : null));
    const ranges = alignedRanges(highs[highs.length - 1].concat(net), gmean);
    const countLabel = (series && series.count === 'mentions') ? 'Mentions' : 'Events';

    const bars = (k) => uPlot.paths.bars({
      size: [0.72, 80],
      disp: {
        y0: { unit: 1, values: () => lows[k] },
        y1: { unit: 1, values: () => highs[k] },
      },
    });
    const legendValue = (arr, digits) => (u, v, si, idx) => (idx == null ? '–' : fmt(arr[idx], digits));

    const longest = periods.reduce((m, p) => Math.max(m, p.length), 4);
    const opts = {
      width: Math.max(280, el.chart.clientWidth || 600),
      height: chartHeight(),
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      legend: { live: true },
      scales: {
        x: { time: false, range: (u, min, max) => [(min ?? 0) - 0.5, (max ?? 0) + 0.5] },
        n: { range: () => ranges.n },
        g: { range: () => ranges.g },
      },
      axes: [
        {
          label: 'Period (' + state.by + ')',
          space: longest * 7 + 16,
          incrs: INCRS[state.by] || INCRS.year,
          values: (u, splits) => splits.map((v) => (Number.isInteger(v) && periods[v] != null ? periods[v] : '')),
          grid: { show: false },
        },
        { scale: 'n', label: countLabel + ' / net cooperation', values: (u, s) => s.map((v) => fmt(v, 1)) },
        { scale: 'g', side: 1, label: 'Goldstein mean', grid: { show: false }, values: (u, s) => s.map((v) => fmt(v, 1)) },
      ],
      series: [
        { label: 'Period', value: (u, v, si, idx) => (idx == null ? '–' : periods[idx] ?? '–') },
        ...QUADS.map((q, k) => ({
          label: q.label, scale: 'n', fill: q.color, stroke: q.stroke, width: 0,
          paths: bars(k), points: { show: false }, value: legendValue(raw[k], 0),
        })),
        { label: 'Net cooperation', scale: 'n', stroke: '#2b2f3a', width: 2, value: legendValue(net, 0), points: { size: 5 } },
        { label: 'Goldstein mean', scale: 'g', stroke: '#1d6fb8', width: 2, value: legendValue(gmean, 2), points: { size: 6 } },
      ],
      hooks: {
        // the chosen period, shaded behind the bars
        drawAxes: [(u) => {
          const i = periodIndex();
          if (i < 0) return;
          const { ctx } = u;
          const l = u.valToPos(i - 0.5, 'x', true), r = u.valToPos(i + 0.5, 'x', true);
          ctx.save();
          ctx.fillStyle = 'rgba(29, 111, 184, 0.12)';
          ctx.fillRect(l, u.bbox.top, r - l, u.bbox.height);
          ctx.restore();
        }],
      },
    };
    const data = [xs, ...highs, net, gmean];
    chart = new uPlot(opts, data, el.chart);
    // with no cursor on the chart, the legend shows the chosen (else the last non-empty) period
    const restLegend = () => {
      if (chart.cursor.idx != null) return;
      let i = periodIndex();
      if (i < 0) for (i = n - 1; i > 0 && !(Number(rows[i].events) > 0); i--);
      if (i >= 0 && i < n) chart.setLegend({ idx: i });
    };
    chart.hooks.setCursor = [restLegend];
    restLegend();
    window.__dyadChart = chart;
    el.chart.setAttribute('role', 'group');
    el.chart.setAttribute('aria-label', 'Chart of ' + dyadText() + ' by ' + state.by + ', ' + n + ' periods');

    chart.over.title = 'Click a period to list its events';
    chart.over.addEventListener('click', () => {
      const left = chart.cursor.left;
      if (left == null || left < 0) return;
      const i = Math.round(chart.posToVal(left, 'x'));
      if (i >= 0 && i < n) selectPeriod(periods[i]);
    });
  }

  // Ranges of the count scale (bars, net cooperation) and of the Goldstein
  // scale, padded, each holding 0, with their zeros at the same height so the
  // two axes read against one baseline.
  function alignedRanges(counts, golds) {
    const fin = (a) => a.filter((v) => v != null && Number.isFinite(v));
    const c = fin(counts), g = fin(golds);
    const lo = (a, d) => a.reduce((m, v) => Math.min(m, v), d);
    const hi = (a, d) => a.reduce((m, v) => Math.max(m, v), d);
    let nLo = lo(c, 0), nHi = hi(c, 1);
    let gLo = lo(g, 0), gHi = hi(g, 0);
    if (!g.length) { gLo = -10; gHi = 10; }
    nHi += (nHi - nLo) * 0.08;
    if (nLo < 0) nLo -= (nHi - nLo) * 0.04;
    const gPad = Math.max(0.5, (gHi - gLo) * 0.08);
    gHi += gPad;
    if (gLo < 0) gLo -= gPad;
    // height of the zero line, as a fraction from the bottom
    const fn = -nLo / (nHi - nLo), fg = -gLo / (gHi - gLo);
    const f = Math.min(0.9, Math.max(fn, fg));
    if (fn < f) nLo = -f * nHi / (1 - f);
    if (fg < f) gLo = -f * gHi / (1 - f);
    return { n: [nLo, nHi], g: [gLo, gHi] };
  }

  function chartHeight() {
    return Math.max(220, Math.min(380, Math.round(window.innerHeight * 0.42)));
  }

  const resize = debounce(() => {
    if (chart) chart.setSize({ width: Math.max(280, el.chart.clientWidth), height: chartHeight() });
  }, 100);
  if ('ResizeObserver' in window) new ResizeObserver(resize).observe(el.chart);
  else window.addEventListener('resize', resize);

  // ---------------------------------------------------------------- events table

  function currentRange() {
    const i = periodIndex();
    if (i < 0) return {};
    const r = series.series[i];
    return { from: r.start, to: r.end, period: r.period };
  }

  async function loadEvents(offset) {
    const range = currentRange();
    const label = range.period ? range.period : 'all periods';
    el.events.dataset.state = 'loading';
    el.events.dataset.period = range.period || '';
    el.events.setAttribute('aria-busy', 'true');
    if (offset === 0) el.more.hidden = true;
    let data;
    try {
      data = await api('events', '/api/events', {
        source: state.source, target: state.target, both: state.both,
        from: range.from, to: range.to, limit: PAGE, offset,
      });
    } catch (e) {
      if (e.name === 'AbortError') return;
      el.events.dataset.state = 'error';
      el.events.removeAttribute('aria-busy');
      showError(e, 'Events');
      return;
    }
    const list = data.events || [];
    const rows = list.map(eventRow);
    if (offset === 0) {
      el.tbody.replaceChildren(...rows);
      eventsShown = 0;
    } else el.tbody.append(...rows);
    eventsShown += list.length;
    if (eventsShown === 0) {
      el.tbody.replaceChildren(h('tr', { class: 'empty' }, h('td', { colspan: 6, text: range.period ? 'No events in ' + range.period + '.' : 'No events.' })));
    }
    const total = Number(data.total) || 0;
    el.eventsTitle.textContent = 'Events, ' + label;
    el.caption.textContent = 'Events of ' + dyadText() + ', ' + label;
    el.eventsCount.textContent = total > eventsShown
      ? 'showing ' + nf.format(eventsShown) + ' of ' + nf.format(total)
      : nf.format(total) + (total === 1 ? ' event' : ' events');
    el.more.hidden = !(total > eventsShown && list.length > 0);
    el.events.dataset.state = 'ready';
    el.events.removeAttribute('aria-busy');
  }

  function eventRow(ev) {
    const quad = Number(ev.quad) || 0;
    const tr = h('tr', {
      class: 'event', tabindex: 0,
      title: 'Open the article' + (ev.pattern ? ' · pattern ' + ev.pattern : ''),
      'data-id': ev.id, 'data-article': ev.article,
    },
    h('td', { class: 'date', text: ev.date }),
    h('td', { class: 'actor', text: ev.source }),
    h('td', { class: 'code' },
      h('span', { class: 'quad q' + quad, title: QUAD_NAMES[quad] || '' }),
      h('span', { class: 'ecode', text: ev.code }), ' ',
      h('span', { class: 'ename', text: ev.name || '' }),
      ev.goldstein != null ? h('span', { class: 'gold', title: 'Goldstein score (−10 conflict … +10 cooperation)', text: 'Goldstein ' + (ev.goldstein > 0 ? '+' : '') + Number(ev.goldstein).toFixed(1) }) : null),
    h('td', { class: 'actor', text: ev.target }),
    h('td', { class: 'num', text: fmt(ev.mentions) }),
    h('td', { class: 'sentence' }, highlighted(ev.text, ev.spans)));
    const open = () => openArticle(ev);
    tr.addEventListener('click', (e) => { if (!window.getSelection().toString()) open(); });
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); }
    });
    return tr;
  }

  // ---------------------------------------------------------------- article

  async function openArticle(ev) {
    if (!ev.article) return;
    el.articleTitle.textContent = 'Article ' + ev.article;
    el.articleMeta.textContent = 'Loading…';
    el.articleEvents.replaceChildren();
    el.articleText.replaceChildren();
    el.article.dataset.state = 'loading';
    if (!el.article.open) {
      if (typeof el.article.showModal === 'function') el.article.showModal();
      else el.article.setAttribute('open', '');
    }
    let a;
    try {
      a = await api('article', '/api/article', { id: ev.article });
    } catch (e) {
      if (e.name === 'AbortError') return;
      el.articleMeta.textContent = 'Could not load the article: ' + e.message;
      el.article.dataset.state = 'error';
      return;
    }
    renderArticle(a, ev);
    el.article.dataset.state = 'ready';
  }

  function renderArticle(a, ev) {
    el.articleTitle.textContent = a.title || 'Article ' + a.id;
    const meta = [a.date, a.source, a.title ? a.id : null].filter(Boolean).join(' · ');
    el.articleMeta.replaceChildren(meta);
    if (a.url && /^https?:\/\//i.test(a.url)) {
      el.articleMeta.append(meta ? ' · ' : '', h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer', text: 'original' }));
    }

    const bytes = encoder.encode(a.text || '');
    const evs = (a.events || []).filter((x) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.end <= bytes.length && x.start < x.end);
    // one element per sentence, with the spans of every event it reports
    const sentences = new Map();
    for (const x of evs) {
      const key = x.start + ':' + x.end;
      if (!sentences.has(key)) sentences.set(key, { start: x.start, end: x.end, sentence: x.sentence, events: [] });
      sentences.get(key).events.push(x);
    }
    const ordered = [...sentences.values()].sort((p, q) => p.start - q.start);
    const frag = document.createDocumentFragment();
    let pos = 0;
    let current = null;
    for (const s of ordered) {
      if (s.start < pos) continue; // overlapping sentences: keep the first
      if (s.start > pos) frag.append(decoder.decode(bytes.subarray(pos, s.start)));
      const isCurrent = s.sentence === ev.sentence;
      const span = h('span', {
        class: 'sent' + (isCurrent ? ' current' : ''), id: 'sent-' + s.start, tabindex: -1,
        title: s.events.map((x) => x.source + ' → ' + x.target + ': ' + x.code + ' ' + (x.name || '')).join('\n'),
      });
      appendMarked(span, bytes, s.start, s.end, s.events.flatMap((x) => spanMarks(x.spans, s.start)));
      frag.append(span);
      if (isCurrent && !current) current = span;
      pos = s.end;
    }
    if (pos < bytes.length) frag.append(decoder.decode(bytes.subarray(pos)));
    el.articleText.replaceChildren(frag);

    el.articleEvents.replaceChildren(...ordered.flatMap((s) => s.events.map((x) => h('li', null,
      h('button', {
        type: 'button', class: 'link' + (s.sentence === ev.sentence ? ' current' : ''),
        onclick: () => {
          const t = document.getElementById('sent-' + s.start);
          if (t) { t.scrollIntoView({ block: 'center', behavior: 'smooth' }); t.focus({ preventScroll: true }); }
        },
      },
      h('span', { class: 'muted', text: 'sentence ' + x.sentence + ': ' }),
      h('b', { text: x.source }), ' ', h('span', { class: 'ecode', text: x.code }), ' ',
      h('span', { text: x.name || '' }), ' ', h('b', { text: x.target }))))));
    if (!ordered.length) el.articleEvents.replaceChildren(h('li', { class: 'muted', text: 'No events located in this article.' }));
    if (current) requestAnimationFrame(() => current.scrollIntoView({ block: 'center' }));
  }

  el.articleClose.addEventListener('click', () => closeArticle());
  el.article.addEventListener('click', (e) => { if (e.target === el.article) closeArticle(); }); // backdrop
  function closeArticle() {
    if (controllers.article) controllers.article.abort();
    if (typeof el.article.close === 'function') el.article.close();
    else el.article.removeAttribute('open');
  }

  // ---------------------------------------------------------------- start

  async function start() {
    readURL();
    stateToControls();
    const dyads = loadDyads();
    if (state.source || state.target) {
      loadSeries();
    } else {
      const list = await dyads;
      if (list.length && !state.source && !state.target) {
        state.source = list[0].source;
        state.target = list[0].target;
        stateToControls();
        writeURL();
        loadSeries();
      } else setStatus('Pick a source and a target, or one of the top dyads.');
    }
  }
  start();
})();
