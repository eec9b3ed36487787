// sitrep report page: map, timeline, tallies, table and per-event sources.
// Reads its events from the embedded JSON (<script id="sitrep-data">) or,
// in live mode (config.live, `sitrep serve`), from config.api_url. Every
// text from the data is put in the DOM as text, never as HTML.
(function () {
  'use strict';
  const SVGNS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const TYPE_COLORS = {
    'Battles': '#b2182b',
    'Explosions/Remote violence': '#e66101',
    'Violence against civilians': '#762a83',
    'Protests': '#2166ac',
    'Riots': '#c79a00',
    'Strategic developments': '#4d9221',
  };
  const OUTCOMES = [['fatalities', 'Killed'], ['injuries', 'Injured'],
    ['arrests', 'Arrested'], ['missing', 'Missing']];
  const state = { all: [], shown: [], selected: null, sort: ['date', -1] };

  function readJson(id) {
    const el = $(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }
  const config = readJson('sitrep-config') || {};

  function el(tag, attrs, ...kids) {
    const svg = ['svg', 'g', 'path', 'circle', 'rect', 'line', 'text',
      'polyline', 'title'].includes(tag);
    const n = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') n.textContent = v; else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, v);
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) n.append(kid);
    return n;
  }
  const color = (t) => TYPE_COLORS[t] || '#6b6b6b';
  const fmt = (n) => (n === null || n === undefined) ? '' : Number(n).toLocaleString('en-US');

  // ---- data ----
  function parseEvents(text) {
    const t = text.trim();
    if (!t) return [];
    if (t[0] === '[') return JSON.parse(t);
    try {
      const o = JSON.parse(t);
      return Array.isArray(o.events) ? o.events : [o];
    } catch (e) {
      return t.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    }
  }
  async function loadEvents() {
    if (!config.live) return readJson('sitrep-data') || [];
    const res = await fetch(config.api_url + window.location.search);
    if (!res.ok) throw new Error('HTTP ' + res.status + ' from ' + config.api_url);
    return parseEvents(await res.text());
  }
  function conservative(c) {
    if (!c) return 0;
    return c.low ?? c.best ?? c.high ?? 0;
  }
  function normalise(e) {
    const names = config.countries || {};
    const hasXY = typeof e.latitude === 'number' && typeof e.longitude === 'number' &&
      !(e.latitude === 0 && e.longitude === 0);
    const ev = Object.assign({}, e, {
      id: e.event_id, type: e.event_type || 'Unclassified', date: e.event_date || '',
      countryName: e.country ? (names[e.country] || e.country) : '',
      hasXY, killed: conservative(e.fatalities),
      sources: e.sources || [], disagreements: e.disagreements || [],
    });
    ev.search = [ev.id, ev.notes, ev.location, ev.admin1, ev.actor1, ev.actor2,
      ev.source, ev.type, ev.sub_event_type, ev.countryName,
      ...ev.sources.map((s) => s.text)].filter(Boolean).join(' \u0001 ').toLowerCase();
    return ev;
  }

  // ---- filters (same keys and meaning as EventFilter, event_filter.h) ----
  function filterState() {
    return { type: $('f-type').value, country: $('f-country').value,
      kind: $('f-kind').value, from: $('f-from').value, to: $('f-to').value,
      q: $('f-text').value.trim().toLowerCase() };
  }
  function matches(e, f) {
    if (f.kind && e.kind !== f.kind) return false;
    if (f.type && e.type !== f.type && e.sub_event_type !== f.type) return false;
    if (f.country && e.country !== f.country) return false;
    if ((f.from || f.to) && e.date.length !== 10) return false;
    if (f.from && e.date < f.from) return false;
    if (f.to && e.date > f.to) return false;
    return !f.q || e.search.includes(f.q);
  }
  function fillSelect(sel, values, label) {
    for (const v of values) sel.append(el('option', { value: v, text: label ? label(v) : v }));
  }
  function setupFilters() {
    const uniq = (xs) => [...new Set(xs.filter(Boolean))].sort();
    fillSelect($('f-type'), uniq(state.all.map((e) => e.type)));
    const names = config.countries || {};
    const cc = uniq(state.all.map((e) => e.country));
    cc.sort((a, b) => (names[a] || a).localeCompare(names[b] || b));
    fillSelect($('f-country'), cc, (c) => names[c] || c);
    for (const id of ['f-type', 'f-country', 'f-kind', 'f-from', 'f-to']) $(id).addEventListener('change', apply);
    $('f-text').addEventListener('input', apply);
    $('filters').addEventListener('submit', (ev) => ev.preventDefault());
    $('f-reset').addEventListener('click', () => {
      for (const id of ['f-type', 'f-country', 'f-kind', 'f-from', 'f-to', 'f-text']) $(id).value = '';
      apply();
    });
  }
  function apply() {
    const f = filterState();
    state.shown = state.all.filter((e) => matches(e, f));
    $('f-count').textContent = state.shown.length + ' of ' + state.all.length + ' events';
    renderStats();
    MapView.render();
    renderTimeline();
    renderTallies();
    renderTable();
  }

  // ---- header ----
  function renderStats() {
    const inc = state.shown.filter((e) => e.kind === 'incident');
    const killed = inc.reduce((s, e) => s + e.killed, 0);
    const countries = new Set(state.shown.map((e) => e.country).filter(Boolean));
    const articles = new Set(state.shown.flatMap((e) => e.articles || []));
    const disputed = state.shown.filter((e) => e.disagreements.length).length;
    const box = $('stats');
    box.replaceChildren();
    for (const [v, label, cls] of [[inc.length, 'incidents'], [killed, 'killed (conservative)'],
      [countries.size, 'countries'], [articles.size, 'articles'],
      [disputed, 'figures disputed', disputed ? 'warn' : '']]) {
      box.append(el('div', { class: 'stat ' + (cls || '') }, el('b', { text: fmt(v) }), el('span', { text: label })));
    }
  }

  // ---- map ----
  const MapView = (function () {
    let svg, gLand, gMarks, tip, view = null, box = null;
    const k = () => Math.cos(((box ? (box[1] + box[3]) / 2 : 0) * Math.PI) / 180) || 1;
    let kx = 1;
    const px = (lon) => lon * kx;
    const py = (lat) => -lat;
    function ringPath(ring) {
      return 'M' + ring.map((p) => px(p[0]).toFixed(2) + ',' + py(p[1]).toFixed(2)).join('L') + 'Z';
    }
    function geomPath(g) {
      if (!g) return '';
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      return polys.map((poly) => poly.map(ringPath).join('')).join('');
    }
    function extent(events) {
      const pts = events.filter((e) => e.hasXY);
      if (!pts.length) return [-170, -58, 180, 80];
      let [x0, y0, x1, y1] = [180, 90, -180, -90];
      for (const e of pts) {
        x0 = Math.min(x0, e.longitude); x1 = Math.max(x1, e.longitude);
        y0 = Math.min(y0, e.latitude); y1 = Math.max(y1, e.latitude);
      }
      const pad = Math.max(4, (x1 - x0) * 0.12, (y1 - y0) * 0.12);
      return [x0 - pad, Math.max(-85, y0 - pad), x1 + pad, Math.min(85, y1 + pad)];
    }
    function fit() {
      const W = svg.clientWidth || 800, H = svg.clientHeight || 420;
      let x0 = px(box[0]), x1 = px(box[2]), y0 = py(box[3]), y1 = py(box[1]);
      let w = x1 - x0, h = y1 - y0;
      if (w / h < W / H) { const nw = h * W / H; x0 -= (nw - w) / 2; w = nw; } else { const nh = w * H / W; y0 -= (nh - h) / 2; h = nh; }
      view = [x0, y0, w, h];
      update();
    }
    function update() {
      svg.setAttribute('viewBox', view.map((v) => v.toFixed(3)).join(' '));
      const unit = view[2] / (svg.clientWidth || 800);
      for (const c of gMarks.children) {
        c.setAttribute('r', (c.__r * unit).toFixed(4));
        if (c.classList.contains('agg')) c.setAttribute('stroke-dasharray', (4 * unit).toFixed(4) + ' ' + (3 * unit).toFixed(4));
      }
      gMarks.style.strokeWidth = (1.2 * unit).toFixed(4);
    }
    function zoom(factor, cx, cy) {
      const [x, y, w, h] = view;
      const nw = Math.min(400 * kx, Math.max(0.3, w * factor)), f = nw / w;
      view = [cx - (cx - x) * f, cy - (cy - y) * f, w * f, h * f];
      update();
    }
    function toView(ev) {
      const r = svg.getBoundingClientRect();
      return [view[0] + (ev.clientX - r.left) / r.width * view[2], view[1] + (ev.clientY - r.top) / r.height * view[3]];
    }
    function controls(host) {
      const btn = (label, title, fn) => el('button', { type: 'button', title, text: label, onclick: fn });
      host.append(el('div', { class: 'map-tools' },
        btn('+', 'Zoom in', () => zoom(0.6, view[0] + view[2] / 2, view[1] + view[3] / 2)),
        btn('\u2212', 'Zoom out', () => zoom(1.6, view[0] + view[2] / 2, view[1] + view[3] / 2)),
        btn('Fit', 'Fit the shown events', () => { box = extent(state.shown); fit(); })));
    }
    function interact() {
      svg.addEventListener('wheel', (ev) => {
        ev.preventDefault();
        const [cx, cy] = toView(ev);
        zoom(ev.deltaY < 0 ? 0.8 : 1.25, cx, cy);
      }, { passive: false });
      let drag = null;
      svg.addEventListener('pointerdown', (ev) => { drag = [ev.clientX, ev.clientY, view[0], view[1]]; });
      window.addEventListener('pointerup', () => { drag = null; svg.classList.remove('dragging'); });
      svg.addEventListener('pointermove', (ev) => {
        if (!drag) return;
        const s = view[2] / svg.clientWidth;
        if (Math.abs(ev.clientX - drag[0]) + Math.abs(ev.clientY - drag[1]) > 3) svg.classList.add('dragging');
        view[0] = drag[2] - (ev.clientX - drag[0]) * s;
        view[1] = drag[3] - (ev.clientY - drag[1]) * s;
        update();
      });
      window.addEventListener('resize', () => fit());
    }
    function init() {
      const host = $('map');
      box = extent(state.all);
      kx = k();
      svg = el('svg', { class: 'map-svg', role: 'img', 'aria-label': 'Map of events' });
      gLand = el('g', { class: 'land' });
      gMarks = el('g', { class: 'marks' });
      svg.append(gLand, gMarks);
      tip = el('div', { class: 'tip', hidden: true });
      host.append(svg, tip);
      controls(host);
      drawLand();
      interact();
      legend();
    }
    function drawLand() {
      const world = readJson('sitrep-world');
      if (!world || !window.topojson) {
        $('map').append(el('div', { class: 'note', text: 'Country outlines unavailable in this build (run scripts/setup).' }));
        return;
      }
      const withEvents = new Set(state.all.map((e) => e.countryName));
      const fc = window.topojson.feature(world, world.objects.countries);
      for (const f of fc.features) {
        const name = (f.properties && f.properties.name) || '';
        gLand.append(el('path', { d: geomPath(f.geometry), class: 'country' + (withEvents.has(name) ? ' has-events' : '') },
          el('title', { text: name })));
      }
    }
    function legend() {
      const types = [...new Set(state.all.map((e) => e.type))].sort();
      const lg = $('legend');
      for (const t of types) lg.append(el('span', { class: 'lg' }, el('i', { style: 'background:' + color(t) }), t));
      lg.append(el('span', { class: 'lg' }, el('i', { class: 'ring' }), 'aggregate / country-level'));
    }
    function render() {
      if (!svg) init();
      gMarks.replaceChildren();
      const pts = state.shown.filter((e) => e.hasXY).sort((a, b) => b.killed - a.killed);
      for (const e of pts) {
        const c = el('circle', { class: 'marker' + (e.kind !== 'incident' ? ' agg' : '') + (state.selected === e.id ? ' selected' : ''),
          cx: px(e.longitude).toFixed(4), cy: py(e.latitude).toFixed(4), 'data-event-id': e.id,
          fill: color(e.type), style: e.kind !== 'incident' ? 'stroke:' + color(e.type) : null });
        // A tally's figure is a running national total, not this point's.
        c.__r = e.kind === 'tally' ? 6 : Math.min(34, 4 + 2.4 * Math.sqrt(e.killed));
        c.addEventListener('click', () => select(e.id, true));
        c.addEventListener('mouseenter', (ev) => showTip(e, ev));
        c.addEventListener('mousemove', (ev) => showTip(e, ev));
        c.addEventListener('mouseleave', () => { tip.hidden = true; });
        gMarks.append(c);
      }
      if (!view) fit(); else update();
    }
    function showTip(e, ev) {
      const r = $('map').getBoundingClientRect();
      tip.replaceChildren(el('b', { text: (e.location || e.countryName || '?') + ' \u00b7 ' + e.date }),
        el('div', { text: e.type + (e.sub_event_type ? ' \u2014 ' + e.sub_event_type : '') }),
        el('div', { text: figureLine(e) || 'no figures' }));
      tip.hidden = false;
      tip.style.left = Math.min(ev.clientX - r.left + 14, r.width - 240) + 'px';
      tip.style.top = (ev.clientY - r.top + 12) + 'px';
    }
    function highlight(id) {
      for (const c of gMarks.children) c.classList.toggle('selected', c.getAttribute('data-event-id') === id);
    }
    return { render, highlight };
  })();

  function rangeText(c) {
    if (!c) return '';
    const { low, best, high } = c;
    if (low !== null && low !== undefined && high !== null && high !== undefined && low !== high) return fmt(low) + '\u2013' + fmt(high);
    if (high === null || high === undefined) return (low ?? best) !== undefined && (low ?? best) !== null ? '\u2265 ' + fmt(low ?? best) : '';
    if (low === null || low === undefined) return '\u2264 ' + fmt(high);
    return fmt(best ?? low);
  }
  function figureLine(e) {
    return OUTCOMES.filter(([k]) => e[k]).map(([k, label]) => label.toLowerCase() + ' ' + rangeText(e[k])).join(', ');
  }

  // Shared with the other views (timeline, tallies, table, detail), which
  // web/report_views.js adds to this object.
  window.sitrepReport = { state, config, el, color, fmt, rangeText, figureLine, OUTCOMES, MapView, apply };
  function select(id, scroll) { window.sitrepReport.select(id, scroll); }
  function renderTimeline() { window.sitrepReport.renderTimeline(); }
  function renderTallies() { window.sitrepReport.renderTallies(); }
  function renderTable() { window.sitrepReport.renderTable(); }

  async function main() {
    $('meta').textContent = [config.subtitle, config.generated ? 'generated ' + config.generated : '',
      config.live ? 'live' : 'offline report'].filter(Boolean).join(' \u00b7 ');
    try {
      state.all = (await loadEvents()).map(normalise);
    } catch (err) {
      $('detail').replaceChildren(el('p', { class: 'error', text: 'Could not load events: ' + err.message }));
    }
    setupFilters();
    window.sitrepReport.setupTable();
    apply();
    document.body.setAttribute('data-ready', 'true');
  }
  window.addEventListener('DOMContentLoaded', main);
})();
