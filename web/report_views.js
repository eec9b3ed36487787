// sitrep report page, part 2: timeline, tallies, table and the event
// detail (figures by source, quoted sentences). Uses window.sitrepReport,
// set up by report.js (which runs first).
(function () {
  'use strict';
  const R = window.sitrepReport;
  const { state, el, color, fmt, rangeText, OUTCOMES } = R;
  const $ = (id) => document.getElementById(id);
  const DAY = 864e5;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const dayNum = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
  const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
  const shortDay = (n) => { const d = new Date(n * DAY); return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate(); };
  const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#666666'];

  function axis(g, x0, x1, y, labels) {
    g.append(el('line', { x1: x0, x2: x1, y1: y, y2: y, class: 'axis' }));
    for (const [x, text] of labels) g.append(el('text', { x, y: y + 14, class: 'tick', 'text-anchor': 'middle', text }));
  }
  function yTicks(g, x0, x1, top, bottom, max) {
    for (const v of [0, Math.round(max / 2), max]) {
      if (v === Math.round(max / 2) && (v === 0 || v === max)) continue;
      const y = bottom - (bottom - top) * v / max;
      g.append(el('line', { x1: x0, x2: x1, y1: y, y2: y, class: 'grid' }));
      g.append(el('text', { x: x0 - 4, y: y + 4, class: 'tick', 'text-anchor': 'end', text: fmt(v) }));
    }
  }
  function niceMax(v) {
    if (v <= 2) return Math.max(1, Math.ceil(v));
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v);
  }
  function empty(host, text) { host.append(el('p', { class: 'empty', text })); }

  // ---- timeline: events per day (or week) by type, stacked ----
  R.renderTimeline = function () {
    const host = $('timeline');
    host.replaceChildren();
    const evs = state.shown.filter((e) => e.kind !== 'tally' && e.date.length === 10);
    if (!evs.length) return empty(host, 'No dated events to show.');
    const days = evs.map((e) => dayNum(e.date)).sort((a, b) => a - b);
    let d0 = days[0], d1 = days[days.length - 1];
    if (d1 - d0 > 120) {  // stray dates must not squash the rest: show the
      let best = [0, 0];  // largest run of days without a 60-day gap
      for (let i = 0, start = 0; i < days.length; i++) {
        if (i > 0 && days[i] - days[i - 1] > 60) start = i;
        if (i - start > best[1] - best[0]) best = [start, i];
      }
      d0 = days[best[0]] - 1;
      d1 = days[best[1]] + 1;
    }
    const out = days.filter((d) => d < d0 || d > d1).length;
    if (out) host.append(el('div', { class: 'sub', text: out + ' event(s) outside ' + isoOf(d0) + ' – ' + isoOf(d1) + ' not shown; use the date filter to see them.' }));
    const bin = d1 - d0 > 180 ? 7 : 1, nb = Math.floor((d1 - d0) / bin) + 1;
    const bins = Array.from({ length: nb }, () => ({}));
    for (const e of evs) {
      const b = bins[Math.floor((dayNum(e.date) - d0) / bin)];
      if (b) b[e.type] = (b[e.type] || 0) + 1;
    }
    const max = niceMax(Math.max(...bins.map((b) => Object.values(b).reduce((s, v) => s + v, 0))));
    const W = host.clientWidth || 600, H = 150, L = 34, Rm = 10, T = 10, B = 24;
    const bw = (W - L - Rm) / nb;
    const svg = el('svg', { width: W, height: H, class: 'chart-svg' });
    yTicks(svg, L, W - Rm, T, H - B, max);
    const types = Object.keys(R.state.all.reduce((s, e) => (s[e.type] = 1, s), {})).sort();
    bins.forEach((b, i) => {
      let y = H - B;
      const start = d0 + i * bin;
      for (const t of types) {
        if (!b[t]) continue;
        const h = (H - B - T) * b[t] / max;
        y -= h;
        const label = (bin === 1 ? isoOf(start) : 'week of ' + isoOf(start)) + ': ' + b[t] + ' \u00d7 ' + t;
        svg.append(el('rect', { x: L + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: h, fill: color(t), class: 'bar',
          onclick: () => { $('f-from').value = isoOf(start); $('f-to').value = isoOf(start + bin - 1); R.apply(); } },
        el('title', { text: label + ' (click to filter)' })));
      }
    });
    const every = Math.max(1, Math.ceil(nb / Math.max(2, Math.floor((W - L) / 70))));
    const labels = [];
    for (let i = 0; i < nb; i += every) labels.push([L + (i + 0.5) * bw, shortDay(d0 + i * bin)]);
    axis(svg, L, W - Rm, H - B, labels);
    host.append(svg);
  };

  // ---- running tallies by source ----
  R.renderTallies = function () {
    const host = $('tallies');
    host.replaceChildren();
    const value = (e) => e.fatalities ? (e.fatalities.best ?? e.fatalities.low ?? e.fatalities.high) : null;
    const ts = state.shown.filter((e) => e.kind === 'tally' && e.date.length === 10 && value(e) !== null);
    if (!ts.length) return empty(host, 'No running tallies among the shown events.');
    const groups = {};
    for (const e of ts) (groups[e.source || 'unattributed'] = groups[e.source || 'unattributed'] || []).push(e);
    const days = ts.map((e) => dayNum(e.date));
    const d0 = Math.min(...days) - 1, d1 = Math.max(...days) + 1;
    const max = niceMax(Math.max(...ts.map(value)) * 1.05);
    const W = host.clientWidth || 600, H = 170, L = 44, Rm = 12, T = 10, B = 24;
    const X = (d) => L + (W - L - Rm) * (d - d0) / (d1 - d0), Y = (v) => H - B - (H - B - T) * v / max;
    const svg = el('svg', { width: W, height: H, class: 'chart-svg' });
    yTicks(svg, L, W - Rm, T, H - B, Math.round(max));
    const labels = [];
    const every = Math.max(1, Math.ceil((d1 - d0) / Math.max(2, Math.floor((W - L) / 70))));
    for (let d = d0; d <= d1; d += every) labels.push([X(d), shortDay(d)]);
    axis(svg, L, W - Rm, H - B, labels);
    const legend = el('div', { class: 'legend' });
    Object.keys(groups).sort().forEach((src, i) => {
      const c = PALETTE[i % PALETTE.length];
      const pts = groups[src].sort((a, b) => a.date.localeCompare(b.date));
      svg.append(el('polyline', { points: pts.map((e) => X(dayNum(e.date)) + ',' + Y(value(e))).join(' '), stroke: c, class: 'tally-line' }));
      for (const e of pts) {
        svg.append(el('circle', { cx: X(dayNum(e.date)), cy: Y(value(e)), r: 4, fill: c, class: 'tally-dot', onclick: () => R.select(e.id, true) },
          el('title', { text: e.date + ': ' + rangeText(e.fatalities) + ' killed, according to ' + src })));
      }
      legend.append(el('span', { class: 'lg' }, el('i', { style: 'background:' + c }), src));
    });
    host.append(svg, legend);
  };

  // ---- table ----
  const SORT_KEYS = {
    date: (e) => e.date, type: (e) => e.type, place: (e) => e.location || '', country: (e) => e.countryName,
    killed: (e) => e.killed, injured: (e) => cons(e.injuries), arrested: (e) => cons(e.arrests),
    sources: (e) => e.n_sources || 0,
  };
  function cons(c) { return c ? (c.low ?? c.best ?? c.high ?? 0) : -1; }
  R.setupTable = function () {
    for (const th of document.querySelectorAll('#events th[data-sort]')) {
      th.addEventListener('click', () => {
        const k = th.getAttribute('data-sort');
        state.sort = [k, state.sort[0] === k ? -state.sort[1] : (k === 'date' || k === 'type' || k === 'place' || k === 'country' ? 1 : -1)];
        R.renderTable();
      });
    }
  };
  function countCell(e, key) {
    const c = e[key];
    const td = el('td', { class: 'num' });
    if (!c) { td.append(el('span', { class: 'none', text: '\u2013' })); return td; }
    const has = (v) => v !== null && v !== undefined;
    const main = cons(c);
    if (!has(c.low) && !has(c.best)) {
      td.append(el('b', { text: '\u2264 ' + fmt(c.high) }));
    } else {
      td.append(el('b', { text: fmt(main) }));
      if (!has(c.high)) td.append(el('span', { class: 'range', text: '+' }));
      else if (c.high !== main) td.append(el('span', { class: 'range', text: '\u2013' + fmt(c.high) }));
      if (has(c.best) && c.best !== main && c.best !== c.high) td.append(el('span', { class: 'range', text: ' (best ' + fmt(c.best) + ')' }));
    }
    if (e.disagreements.some((d) => d.startsWith(key))) td.append(el('span', { class: 'flag', title: 'sources disagree', text: ' \u26a0' }));
    return td;
  }
  R.renderTable = function () {
    const tbody = document.querySelector('#events tbody');
    const [key, dir] = state.sort;
    const f = SORT_KEYS[key] || SORT_KEYS.date;
    const rows = state.shown.slice().sort((a, b) => {
      const x = f(a), y = f(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.id.localeCompare(b.id);
    });
    for (const th of document.querySelectorAll('#events th[data-sort]')) {
      th.classList.toggle('sorted', th.getAttribute('data-sort') === key);
      th.classList.toggle('desc', th.getAttribute('data-sort') === key && dir < 0);
    }
    const frag = document.createDocumentFragment();
    for (const e of rows.slice(0, 5000)) {
      const type = el('td', {}, el('i', { class: 'dot', style: 'background:' + color(e.type) }), e.type);
      if (e.kind !== 'incident') type.append(el('span', { class: 'badge ' + e.kind, text: e.kind }));
      if (e.sub_event_type) type.append(el('div', { class: 'sub', text: e.sub_event_type }));
      const place = el('td', {}, e.location || el('span', { class: 'none', text: e.kind === 'tally' ? '(national tally)' : 'unknown place' }));
      if (e.admin1 && e.admin1 !== e.location) place.append(el('div', { class: 'sub', text: e.admin1 }));
      const notes = e.notes || '';
      frag.append(el('tr', { class: 'event-row' + (state.selected === e.id ? ' selected' : ''), 'data-event-id': e.id, onclick: () => R.select(e.id, false) },
        el('td', { class: 'nowrap', text: e.date || 'unknown' }), type, place, el('td', { text: e.countryName }),
        countCell(e, 'fatalities'), countCell(e, 'injuries'), countCell(e, 'arrests'),
        el('td', { class: 'num', text: String(e.n_sources || (e.articles || []).length) }),
        el('td', { class: 'summary', title: notes, text: notes.length > 160 ? notes.slice(0, 157) + '\u2026' : notes })));
    }
    tbody.replaceChildren(frag);
  };

  // ---- detail: figures by source, quoted sentences ----
  const enc = new TextEncoder(), dec = new TextDecoder();
  // Character range in `text` of a figure, from its raw byte span relative to
  // the sentence's raw span; falls back to the first whole-word occurrence
  // of one of its numbers.
  function figureRange(text, src, fig) {
    const s0 = src.sentences && src.sentences[0] ? src.sentences[0][0] : null;
    if (s0 !== null && fig.raw_span && fig.raw_span[1] > fig.raw_span[0]) {
      const bytes = enc.encode(text), b = fig.raw_span[0] - s0, e = fig.raw_span[1] - s0;
      if (b >= 0 && e <= bytes.length) {
        const i = dec.decode(bytes.slice(0, b)).length, j = dec.decode(bytes.slice(0, e)).length;
        const word = (c) => /[\p{L}\p{N}]/u.test(c || '');
        if (j > i && !word(text[i - 1]) && !word(text[j]) && /[\p{L}\p{N}]/u.test(text.slice(i, j))) return [i, j];
      }
    }
    for (const v of [fig.count && fig.count.best, fig.count && fig.count.low, fig.count && fig.count.high]) {
      if (v === null || v === undefined) continue;
      const m = new RegExp('(^|[^\\d])(' + v + '|' + Number(v).toLocaleString('en-US') + ')(?!\\d)').exec(text);
      if (m) return [m.index + m[1].length, m.index + m[1].length + m[2].length];
    }
    return null;
  }
  function quote(src) {
    const text = src.text || '';
    const ranges = (src.figures || []).map((f) => figureRange(text, src, f)).filter(Boolean).sort((a, b) => a[0] - b[0]);
    const q = el('blockquote', {});
    let at = 0;
    for (const [i, j] of ranges) {
      if (i < at) continue;
      q.append(text.slice(at, i), el('mark', { text: text.slice(i, j) }));
      at = j;
    }
    q.append(text.slice(at));
    return q;
  }
  function figureChip(f) {
    const label = OUTCOMES.find(([k]) => k === f.outcome);
    const parts = [(label ? label[1] : f.outcome) + ': ' + (rangeText(f.count) || '?')];
    if (f.qualifier && f.qualifier !== 'exact') parts.push('\u201c' + f.qualifier + '\u201d');
    if (f.victims) parts.push(f.victims);
    const chip = el('span', { class: 'chip' + (f.implausible ? ' implausible' : ''), text: parts.join(' \u00b7 ') });
    if (f.attribution) chip.append(el('em', { text: ' according to ' + f.attribution }));
    return chip;
  }
  function facts(e) {
    const dl = el('dl', { class: 'facts' });
    const row = (k, v) => { if (v) dl.append(el('dt', { text: k }), el('dd', { text: v })); };
    row('Date', (e.date || 'unknown') + (e.date_rule ? '  (' + e.date_rule + ')' : ''));
    row('Place', [e.location, e.admin1 !== e.location ? e.admin1 : '', e.countryName].filter(Boolean).join(', '));
    if (e.hasXY) row('Coordinates', e.latitude.toFixed(4) + ', ' + e.longitude.toFixed(4) + (e.geo_precision ? '  (' + e.geo_precision + ')' : ''));
    row('Actors', [e.actor1, e.actor2].filter(Boolean).join(' vs. '));
    if (e.kind === 'tally') row('Tally by', e.source);
    row('Event id', e.id);
    return dl;
  }
  function figuresTable(e) {
    const t = el('table', { class: 'figs' }, el('tr', {}, el('th', { text: '' }), el('th', { text: 'Conservative' }),
      el('th', { text: 'Best' }), el('th', { text: 'Range' }), el('th', { text: 'Sources' })));
    for (const [k, label] of OUTCOMES) {
      if (!e[k]) continue;
      const n = e.sources.filter((s) => (s.figures || []).some((f) => f.outcome === k)).length;
      t.append(el('tr', {}, el('th', { text: label }), el('td', { text: fmt(cons(e[k])) }),
        el('td', { text: fmt(e[k].best) }), el('td', { text: rangeText(e[k]) }), el('td', { text: String(n) })));
    }
    return t.children.length > 1 ? t : el('p', { class: 'empty', text: 'No figures given.' });
  }
  function renderDetail(e) {
    const box = $('detail');
    box.replaceChildren();
    if (!e) return box.append(el('p', { class: 'empty', text: 'Select an event on the map or in the table.' }));
    const h = el('h3', {}, el('i', { class: 'dot', style: 'background:' + color(e.type) }), e.type);
    if (e.kind !== 'incident') h.append(el('span', { class: 'badge ' + e.kind, text: e.kind }));
    box.append(h);
    if (e.sub_event_type) box.append(el('div', { class: 'sub', text: e.sub_event_type }));
    box.append(facts(e), figuresTable(e));
    if (e.disagreements.length) {
      box.append(el('div', { class: 'callout' }, el('b', { text: '\u26a0 Sources disagree' }),
        el('ul', {}, ...e.disagreements.map((d) => el('li', { text: d })))));
    }
    if (e.parts && e.parts.length) {
      box.append(el('div', { class: 'parts' }, 'Sums: ', ...e.parts.map((p) => el('a', { href: '#', text: p, onclick: (ev) => { ev.preventDefault(); R.select(p, true); } }))));
    }
    box.append(el('h4', { text: 'What each source says (' + e.sources.length + ')' }));
    for (const s of e.sources) {
      const card = el('div', { class: 'source' }, el('div', { class: 'src-head' }, el('b', { text: s.article }),
        s.event_date && s.event_date !== e.date ? el('span', { class: 'sub', text: ' dates it ' + s.event_date }) : null));
      const chips = el('div', { class: 'chips' }, ...(s.figures || []).map(figureChip));
      card.append(chips, quote(s));
      box.append(card);
    }
  }
  R.select = function (id, scroll) {
    state.selected = id;
    const e = state.all.find((x) => x.id === id);
    renderDetail(e);
    R.MapView.highlight(id);
    for (const tr of document.querySelectorAll('tr.event-row')) {
      const on = tr.getAttribute('data-event-id') === id;
      tr.classList.toggle('selected', on);
      if (on && scroll) tr.scrollIntoView({ block: 'nearest' });
    }
  };
})();
