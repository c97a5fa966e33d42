/*
 * app.js: marsad's web page. One page with routes in the location hash
 * (#/story/s1, #/article/ID, ...), each drawing its part from the JSON API
 * (docs/API.md). Arabic first, right to left; a button switches the labels
 * to English.
 *
 * Every string that comes from the database (titles, bodies, names,
 * snippets) is untrusted: it only ever enters the page as a text node or an
 * attribute value set through the DOM (h() below); nothing is parsed as HTML.
 */
'use strict';

(function () {
  /* ---- Labels, in Arabic and English ---- */
  const LABELS = {
    stories: ['القصص', 'Stories'], story: ['القصة', 'Story'], events: ['الأحداث', 'Events'],
    articles: ['المقالات', 'Articles'], article: ['مقالة', 'Article'],
    entities: ['الكيانات', 'Entities'], entity: ['كيان', 'Entity'],
    figures: ['الأرقام', 'Figures'], statements: ['التصريحات', 'Statements'],
    search: ['بحث', 'Search'], searchPh: ['ابحث في الأخبار…', 'Search the news…'],
    stats: ['إحصاءات', 'Statistics'], loading: ['جارٍ التحميل…', 'Loading…'],
    nothing: ['لا شيء هنا بعد.', 'Nothing here yet.'], error: ['خطأ', 'Error'],
    namedSo: ['لا كيان يحوي هذا النص في اسمه؛ المقصود على الأرجح:', 'No entity holds this text in its name; most likely meant:'],
    lang: ['English', 'عربي'], next: ['التالي', 'Next'], prev: ['السابق', 'Previous'],
    date: ['التاريخ', 'Date'], outlet: ['المصدر الإعلامي', 'Outlet'],
    outlets: ['المصادر الإعلامية', 'Outlets'], title: ['العنوان', 'Title'],
    nArticles: ['عدد المقالات', 'Articles'], span: ['المدة', 'Date span'],
    copies: ['نسخ مطابقة', 'Copies'], copyOf: ['نسخة من', 'Copy of'],
    value: ['القيمة', 'Value'], counts: ['ما يُعدّ', 'Counts'], who: ['من يُعدّ', 'Who'],
    reportedBy: ['المصدر', 'Reported by'], evidence: ['النص', 'Evidence'],
    speaker: ['المتحدث', 'Speaker'], stance: ['الموقف', 'Stance'], cue: ['الفعل', 'Cue'],
    variants: ['الكتابات', 'Spellings'], mentions: ['الإشارات', 'Mentions'],
    mentionsOverTime: ['الإشارات عبر الزمن', 'Mentions over time'],
    said: ['ما قاله', 'What it said'], saidFrom: ['تصريحات من هناك', 'Statements from there'], kind: ['النوع', 'Kind'],
    topEntities: ['أبرز الكيانات', 'Top entities'], url: ['الرابط الأصلي', 'Original link'],
    input: ['المُدخل', 'Input'], published: ['تاريخ النشر', 'Published'],
    noDate: ['بلا تاريخ', 'undated'], facts: ['الوقائع في النص', 'Facts in the text'],
    dates: ['التواريخ', 'Dates'], score: ['الدرجة', 'Score'],
    results: ['نتائج', 'results'], total: ['حصيلة تراكمية', 'running total'],
    allArticles: ['كل المقالات', 'All articles'], arabic: ['عربية', 'Arabic'],
    notArabic: ['غير عربية', 'Not Arabic'], undated: ['بلا تاريخ', 'Undated'],
    first: ['الأول', 'First'], last: ['الأخير', 'Last'], bodyBytes: ['حجم النصوص', 'Body bytes'],
    source: ['المصدر', 'Source'], why: ['لماذا انضمت', 'Why it joined'],
    whyMerged: ['لماذا دُمجت', 'Why merged'], firstIn: ['أول مقالة', 'First article'],
    entityPh: ['جزء من الاسم...', 'Part of the name...'], unattributed: ['غير منسوب', 'unattributed'],
  };
  const KINDS = {
    person: ['شخص', 'person'], place: ['مكان', 'place'], org: ['منظمة', 'organisation'],
    other: ['أخرى', 'other'],
  };
  const COUNTS = {
    killed: ['قتلى', 'killed'], wounded: ['جرحى', 'wounded'], missing: ['مفقودون', 'missing'],
    wounded_or_missing: ['جرحى أو مفقودون', 'wounded or missing'],
    kidnapped: ['مختطفون', 'kidnapped'], arrested: ['معتقلون', 'arrested'],
    fighters: ['مقاتلون', 'fighters'], bodies: ['جثث', 'bodies'], returned: ['عائدون', 'returned'],
    displaced: ['نازحون', 'displaced'], personnel: ['أفراد', 'personnel'], other: ['أخرى', 'other'],
  };
  const STANCES = {
    affirm: ['يؤكد', 'affirms'], deny: ['ينفي', 'denies'], appeal: ['يدعو', 'appeals'],
    warn: ['يحذر', 'warns'], accuse: ['يتهم', 'accuses'], state: ['يصرّح', 'states'],
  };
  const STANCE_ORDER = ['affirm', 'deny', 'accuse', 'warn', 'appeal', 'state'];
  const HEDGES = {
    exact: ['', ''], at_least: ['على الأقل', 'at least'], at_most: ['على الأكثر', 'at most'],
    about: ['نحو', 'about'],
  };

  /* The language: ?lang=en|ar in the address, else the last choice, else Arabic. */
  const askedLang = new URLSearchParams(location.search).get('lang');
  let lang = (askedLang || localStorage.getItem('marsad.lang')) === 'en' ? 'en' : 'ar';
  let routes = new Set();      /* API routes this server has (GET /api) */
  let renderId = 0;            /* drops answers of a page the user has left */

  /* The label for key in the current language. */
  function t(key) { const l = LABELS[key]; return l ? l[lang === 'ar' ? 0 : 1] : key; }
  /* The label of value v in table tab (KINDS, COUNTS, ...), or v itself. */
  function tv(tab, v) { const l = tab[v]; return l ? l[lang === 'ar' ? 0 : 1] : String(v ?? ''); }

  /* ---- Safe DOM building: text is always a text node ---- */
  const SVGNS = 'http://www.w3.org/2000/svg';

  /* Appends kids (strings, numbers, nodes, arrays; null skipped) to el. */
  function add(el, kids) {
    for (const k of kids) {
      if (k === null || k === undefined || k === false) continue;
      if (Array.isArray(k)) add(el, k);
      else if (k instanceof Node) el.appendChild(k);
      else el.appendChild(document.createTextNode(String(k)));
    }
    return el;
  }
  /* Sets attributes; href must be an in-page route or an http(s) URL. */
  function attrs(el, a) {
    for (const [k, v] of Object.entries(a || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'href' && !/^(#\/|https?:\/\/)/i.test(String(v))) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, String(v));
    }
    return el;
  }
  /* An HTML element: h('a', {href: '#/'}, 'text', child, ...). */
  function h(tag, a, ...kids) { return add(attrs(document.createElement(tag), a), kids); }
  /* An SVG element. */
  function s(tag, a, ...kids) { return add(attrs(document.createElementNS(SVGNS, tag), a), kids); }

  /* ---- The API ---- */
  /* GETs path with the non-empty params; resolves to the JSON, or throws an
   * Error carrying the server's message and status. */
  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== '') q.set(k, v);
    }
    const url = path + (q.toString() ? '?' + q : '');
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const err = new Error((body && body.error) || r.status + ' ' + r.statusText);
      err.status = r.status;
      throw err;
    }
    return body;
  }
  /* True when the server has the API route (as listed by GET /api). */
  function has(route) { return routes.has(route); }

  /* ---- Small pieces ---- */
  function meta(...parts) { return h('div', { class: 'meta' }, parts.filter(Boolean).map(p => h('span', {}, p))); }
  /* A date as an isolated left-to-right run (so RTL text cannot reorder it). */
  function dateText(d) { return d ? h('bdi', { dir: 'ltr' }, d) : t('noDate'); }
  function span(first, last) {
    return first === last || !last ? dateText(first) : h('span', {}, dateText(first), ' – ', dateText(last));
  }
  /* "Label: n", the count after its label (reads right in both languages). */
  function count(key, n) { return t(key) + ': ' + (n ?? 0); }
  function storyLink(id, text) { return h('a', { href: '#/story/' + encodeURIComponent(id) }, text || id); }
  function articleLink(id, text, anchor) {
    return h('a', { href: '#/article/' + encodeURIComponent(id) + (anchor ? '/' + anchor : '') }, text || id);
  }
  function entityLink(id, text) {
    return id && has('/api/entities/{id}') ? h('a', { href: '#/entity/' + encodeURIComponent(id) }, text || id) : (text || id);
  }
  function chip(e) {
    const name = lang === 'en' && e.name_en ? e.name_en : e.name;
    return h('span', { class: 'chip ' + (e.kind || ''), title: tv(KINDS, e.kind) + ': ' + e.name }, entityLink(e.id, name));
  }
  function empty() { return h('p', { class: 'empty' }, t('nothing')); }
  function hedge(f) {
    const w = HEDGES[f.approx] ? tv(HEDGES, f.approx) : '';
    return (w ? w + ' ' : '') + Number(f.value).toLocaleString('en-US') + (f.max ? '–' + Number(f.max).toLocaleString('en-US') : '') +
      (f.vague ? ' (' + (lang === 'ar' ? 'تقريبي' : 'vague') + ')' : '');
  }
  /* Previous/next links for a list page at offset with page size n. */
  function pager(base, params, offset, n, got) {
    const p = h('div', { class: 'pager' });
    const link = (o, label) => {
      const q = new URLSearchParams(params);
      if (o > 0) q.set('offset', o); else q.delete('offset');
      return h('a', { href: base + (q.toString() ? '?' + q : '') }, label);
    };
    if (offset > 0) p.appendChild(link(Math.max(0, offset - n), t('prev')));
    if (got >= n) p.appendChild(link(offset + n, t('next')));
    return p;
  }
  /* The offset= of a list page's hash query. */
  function offsetOf(q) { const o = parseInt(q.get('offset') || '0', 10); return o > 0 ? o : 0; }

  /* ---- Charts (SVG drawn here, no library) ---- */
  /* Days since the epoch of a date written YYYY, YYYY-MM or YYYY-MM-DD. */
  function dayOf(d) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d || '');
    if (!m) return null;
    return Date.UTC(+m[1], (+m[2] || 1) - 1, +m[3] || 1) / 86400000;
  }
  function dayText(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  /* A round step (1, 2 or 5 times a power of ten) near v. */
  function niceStep(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5]) if (m * p >= v) return m * p;
    return 10 * p;
  }
  const PALETTE = ['#0b6e69', '#b3261e', '#6a4fb3', '#b26a00', '#2563eb', '#8e2453', '#4a5568'];
  /*
   * A timeline of points [{day, value, label, tip, series, vague, href}] as
   * an SVG: time runs left to right; each point is a dot with its value
   * above it and a tooltip naming its source; the points of one series (one
   * source) share a colour, named in a legend, and are joined in date order
   * unless a point says join: false.
   */
  function timeline(points, caption) {
    const W = 760, H = 230, L = 60, R = 48, T = 28, B = 36;
    const days = points.map(p => p.day);
    let d0 = Math.min(...days), d1 = Math.max(...days);
    if (d0 === d1) { d0 -= 1; d1 += 1; }
    const step = niceStep(Math.max(...points.map(p => p.value)) * 1.1 / 4);
    const yMax = step * Math.max(1, Math.ceil(Math.max(...points.map(p => p.value)) * 1.1 / step));
    const x = d => L + (d - d0) / (d1 - d0) * (W - L - R);
    const y = v => H - B - v / yMax * (H - T - B);
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': caption, direction: 'ltr' });
    for (let v = 0; v <= yMax + 1e-9; v += step) {
      svg.appendChild(s('line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      svg.appendChild(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, Math.round(v).toLocaleString('en-US')));
    }
    svg.appendChild(s('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
    svg.appendChild(s('line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B }));
    const nTick = Math.min(6, Math.max(2, Math.round(d1 - d0) + 1));
    for (let i = 0; i < nTick; i++) {
      const d = Math.round(d0 + (d1 - d0) * i / (nTick - 1));
      svg.appendChild(s('line', { class: 'axis', x1: x(d), x2: x(d), y1: H - B, y2: H - B + 4 }));
      svg.appendChild(s('text', { x: x(d), y: H - B + 18, 'text-anchor': 'middle' }, dayText(d)));
    }
    const series = [...new Set(points.map(p => p.series || ''))];
    const colour = k => PALETTE[series.indexOf(k) % PALETTE.length];
    for (const k of series) {
      const pts = points.filter(p => (p.series || '') === k).sort((a, b) => a.day - b.day || a.value - b.value);
      if (pts.length > 1 && pts.every(p => p.join !== false)) {
        svg.appendChild(s('polyline', { class: 'line', stroke: colour(k), points: pts.map(p => x(p.day) + ',' + y(p.value)).join(' ') }));
      }
    }
    for (const p of points) {
      const g = s('g', { class: 'point' });
      g.appendChild(s('title', {}, p.tip));
      g.appendChild(s('circle', { class: p.vague ? 'pt-vague' : 'pt', cx: x(p.day), cy: y(p.value), r: 5,
        fill: p.vague ? '#fff' : colour(p.series || ''), stroke: p.vague ? colour(p.series || '') : '#fff' }));
      if (points.length <= 12) {   /* more labels would overlap: the tooltips and the table have them */
        g.appendChild(s('text', { class: 'val', x: x(p.day), y: y(p.value) - 9, 'text-anchor': 'middle' }, p.label));
      }
      svg.appendChild(p.href ? add(s('a', { href: p.href }), [g]) : g);
    }
    const legend = series.length > 1 || series[0] ? h('div', { class: 'legend' }, series.map(k =>
      h('span', {}, h('span', { class: 'swatch', 'data-c': series.indexOf(k) % PALETTE.length }), ' ', k || '?'))) : null;
    return h('figure', { class: 'chart' }, svg, legend, h('figcaption', { class: 'meta' }, caption));
  }

  /* One chart and source table per kind of figure, from figure rows. */
  function figureCharts(figs) {
    const byKind = new Map();
    for (const f of figs) {
      if (typeof f.value !== 'number' || dayOf(f.date) === null) continue;
      if (!byKind.has(f.counts)) byKind.set(f.counts, []);
      byKind.get(f.counts).push(f);
    }
    const out = [];
    for (const [kind, list] of byKind) {
      list.sort((a, b) => (a.date || '').localeCompare(b.date || '') || a.value - b.value);
      const pts = list.map(f => ({
        day: dayOf(f.date), value: f.value, vague: !!f.vague,
        label: (HEDGES[f.approx] && f.approx !== 'exact' ? (f.approx === 'at_least' ? '≥' : f.approx === 'at_most' ? '≤' : '~') : '') + f.value,
        tip: hedge(f) + ' · ' + (f.reported_by_text || '?') + ' · ' + (f.date || '') + ' · ' + (f.outlet || ''),
        series: (f.reported_by_text || t('unattributed')) + (f.total ? ' · ' + t('total') : ''),
        join: !!f.reported_by_text,   /* unattributed points may come from anyone: not a line */
        href: f.article ? '#/article/' + encodeURIComponent(f.article) + '/fig-' + f.start : null,
      }));
      out.push(h('h3', {}, tv(COUNTS, kind)));
      out.push(timeline(pts, tv(COUNTS, kind) + ' — ' + list.length + ' ' + t('figures')));
      out.push(figureTable(list));
    }
    return out;
  }

  /* A table of figures with their source and evidence. */
  function figureTable(list) {
    return h('table', {},
      h('thead', {}, h('tr', {}, [t('date'), t('value'), t('who'), t('reportedBy'), t('outlet'), t('evidence')].map(x => h('th', {}, x)))),
      h('tbody', {}, list.map(f => h('tr', {},
        h('td', { class: 'num' }, dateText(f.date)),
        h('td', { class: 'num' }, hedge(f), f.total ? h('div', { class: 'meta' }, t('total')) : null),
        h('td', {}, f.who || ''),
        h('td', {}, f.reported_by ? entityLink(f.reported_by, f.reported_by_text || f.reported_by) : (f.reported_by_text || '')),
        h('td', {}, f.outlet || ''),
        h('td', { dir: 'auto' }, f.article ? articleLink(f.article, f.text || '…', 'fig-' + f.start) : (f.text || ''))))));
  }

  /* The speaker of a statement: a link to its entity when it has one. */
  function speakerOf(st) {
    return st.speaker ? entityLink(st.speaker, st.speaker_text || st.speaker) : (st.speaker_text || t('unattributed'));
  }

  /*
   * Statements grouped by stance: first a table of who takes each stance
   * (each speaker once, with how many times), then each group with every
   * statement's speaker, cue, words, day and outlet. Affirmations and
   * denials are open; the other groups fold.
   */
  function statementGroups(stmts) {
    const by = new Map();
    for (const st of stmts) {
      if (!by.has(st.stance)) by.set(st.stance, []);
      by.get(st.stance).push(st);
    }
    const order = STANCE_ORDER.filter(k => by.has(k)).concat([...by.keys()].filter(k => !STANCE_ORDER.includes(k)));
    /* each speaker once (by entity, else by words), named by the words
     * used most often for it */
    const who = k => {
      const n = new Map();
      for (const st of by.get(k)) {
        const key = st.speaker || st.speaker_text || '';
        if (!n.has(key)) n.set(key, { n: 0, texts: new Map() });
        const g = n.get(key);
        g.n++;
        const c = (g.texts.get(st.speaker_text) || { st, n: 0 });
        c.n++;
        g.texts.set(st.speaker_text, c);
      }
      return [...n.values()].map(g => {
        const top = [...g.texts.values()].reduce((a, b) => (b.n > a.n ? b : a));
        return h('span', { class: 'chip' }, speakerOf(top.st), g.n > 1 ? ' ×' + g.n : '');
      });
    };
    return [
      h('table', { class: 'stances' }, h('tbody', {}, order.map(k => h('tr', {},
        h('th', {}, h('span', { class: 'stance stance-' + k }, tv(STANCES, k))),
        h('td', {}, h('div', { class: 'chips' }, who(k))))))),
      order.map(k => h('details', { class: 'stance-group g-' + k, open: k === 'affirm' || k === 'deny' ? '' : null },
        h('summary', {}, h('span', { class: 'stance stance-' + k }, tv(STANCES, k)), ' ', by.get(k).length),
        by.get(k).map(st => h('div', { class: 'quote' },
          h('strong', {}, speakerOf(st)),
          st.cue ? ' (' + st.cue + '): ' : ': ',
          h('span', { class: 'said', dir: 'auto' }, st.article ? articleLink(st.article, st.content || st.text, 'st-' + st.start) : (st.content || st.text)),
          meta(dateText(st.date || st.published), st.outlet))))),
    ];
  }

  /* ---- Highlighting facts in an article's text ---- */
  /*
   * The text of field (title or body) split at every span boundary, each
   * piece a <span> carrying the classes of the spans that cover it; the
   * first piece of each span gets its anchor id. Offsets are UTF-8 bytes.
   */
  function highlighted(text, spans) {
    const bytes = new TextEncoder().encode(text);
    const dec = new TextDecoder();
    const cuts = new Set([0, bytes.length]);
    for (const sp of spans) {
      sp.start = Math.max(0, Math.min(bytes.length, sp.start | 0));
      sp.end = Math.max(sp.start, Math.min(bytes.length, sp.end | 0));
      cuts.add(sp.start); cuts.add(sp.end);
    }
    const at = [...cuts].sort((a, b) => a - b);
    const out = h('div', { class: 'body', dir: 'auto' });
    const seen = new Set();
    for (let i = 0; i + 1 < at.length; i++) {
      const a = at[i], b = at[i + 1];
      const piece = dec.decode(bytes.subarray(a, b));
      const cover = spans.filter(sp => sp.start <= a && sp.end >= b && sp.end > sp.start);
      if (!cover.length) { out.appendChild(document.createTextNode(piece)); continue; }
      const link = cover.find(sp => sp.href);
      const el = h(link ? 'a' : 'span', { class: [...new Set(cover.map(sp => 'hl-' + sp.kind))].join(' '),
        href: link ? link.href : null, title: cover.map(sp => sp.tip).join('\n') }, piece);
      for (const sp of cover) if (!seen.has(sp.id)) { seen.add(sp.id); if (!el.id) el.id = sp.id; else el.appendChild(h('a', { id: sp.id })); }
      out.appendChild(el);
    }
    return out;
  }

  /* The spans of an article's facts (export format) in field 'body'. */
  function factSpans(a) {
    const sp = [];
    (a.figures || []).forEach(f => sp.push({ kind: 'figure', id: 'fig-' + f.start, start: f.start, end: f.end,
      tip: tv(COUNTS, f.counts) + ': ' + hedge(f) + (f.reported_by_text ? ' — ' + f.reported_by_text : '') }));
    (a.statements || []).forEach(st => sp.push({ kind: 'statement', id: 'st-' + st.start, start: st.start, end: st.end,
      tip: tv(STANCES, st.stance) + ': ' + (st.speaker_text || '?') }));
    (a.mentions || []).forEach((m, i) => {
      if (m.field !== 'title') sp.push({ kind: 'mention', id: 'm-' + i, start: m.start, end: m.end, tip: m.text,
        href: m.entity && has('/api/entities/{id}') ? '#/entity/' + encodeURIComponent(m.entity) : null });
    });
    (a.dates || []).forEach((d, i) => sp.push({ kind: 'date', id: 'd-' + i, start: d.start, end: d.end, tip: d.value }));
    return sp;
  }

  /* ---- Pages ---- */
  async function pageHome() {
    if (has('/api/stories')) return pageStories(new URLSearchParams());
    return pageArticles(new URLSearchParams());
  }

  async function pageStories(q) {
    const n = 30, offset = offsetOf(q);
    const list = await api('/api/stories', { limit: n, offset, latest: 1, min_articles: q.get('min_articles') });
    if (has('/api/entities') && list.some(st => !st.entities)) {   /* a server without them in the list */
      const top = await Promise.all(list.map(st => api('/api/entities', { story: st.id, limit: 6 })));
      list.forEach((st, i) => { st.entities = top[i]; });
    }
    /* Each story by its lead event (its latest development), as the command
       line lists them: a front page; the whole story's span below it. */
    return [h('h1', {}, t('stories')),
      list.length ? list.map(st => { const ev = st.lead || st; return h('article', { class: 'card' },
        h('h3', { dir: 'auto' }, storyLink(st.id, ev.title)),
        meta(count('articles', ev.n_articles), span(ev.first, ev.last),
          count('outlets', ev.n_outlets) + ((ev.outlets || []).length ? ' (' + ev.outlets.slice(0, 6).join('، ') + ')' : '')),
        st.lead && st.n_events > 1 ? meta(t('story') + ': ' + count('articles', st.n_articles),
          count('events', st.n_events), span(st.first, st.last)) : null,
        st.entities && st.entities.length ? h('div', { class: 'chips' }, st.entities.slice(0, 8).map(chip))
          : st.top_terms && st.top_terms.length ? h('div', { class: 'chips' }, st.top_terms.slice(0, 8).map(w => h('span', { class: 'chip' }, w))) : null); })
        : empty(),
      pager('#/stories', q, offset, n, list.length)];
  }

  async function pageStory(id, q) {
    const why = q.get('why') === '1';
    const st = await api('/api/stories/' + encodeURIComponent(id), { why: why ? 1 : null });
    const [figs, stmts, ents] = await Promise.all([
      has('/api/figures') ? api('/api/figures', { story: id, limit: 500 }) : [],
      has('/api/statements') ? api('/api/statements', { story: id, limit: 500 }) : [],
      has('/api/entities') ? api('/api/entities', { story: id, limit: 16 }) : []]);
    const arts = st.articles || [];
    /* A copy repeats its original's facts: only the originals' are shown. */
    const copyIds = new Set(arts.flatMap(a => (a.copies || []).map(c => c.id)));
    const ownFigs = figs.filter(f => !copyIds.has(f.article));
    const ownStmts = stmts.filter(x => !copyIds.has(x.article));
    return [
      h('div', { class: 'meta' }, h('a', { href: '#/stories' }, t('stories')), ' › ', st.id),
      h('h1', { dir: 'auto' }, st.title),
      meta(count('articles', st.n_articles), span(st.first, st.last),
        (st.outlets || []).join('، ')),
      ents.length ? [h('h2', {}, t('topEntities')), h('div', { class: 'chips' }, ents.map(chip))] : null,
      ownFigs.length ? [h('h2', {}, t('figures')), figureCharts(ownFigs)] : null,
      ownStmts.length ? [h('h2', {}, t('statements')), statementGroups(ownStmts)] : null,
      h('h2', {}, t('articles'), ' ',
        h('a', { class: 'meta', href: '#/story/' + encodeURIComponent(st.id) + (why ? '' : '?why=1') }, why ? '×' : t('why'))),
      h('table', {},
        h('thead', {}, h('tr', {}, [t('date'), t('outlet'), t('title')].map(x => h('th', {}, x)))),
        h('tbody', {}, arts.map(a => h('tr', {},
          h('td', { class: 'num' }, dateText(a.published)),
          h('td', {}, a.outlet || ''),
          h('td', { dir: 'auto' }, articleLink(a.id, a.title || a.id),
            a.copies && a.copies.length ? h('ul', { class: 'copies' }, a.copies.map(c =>
              h('li', {}, t('copies') + ': ', articleLink(c.id, c.outlet || c.id), ' ', dateText(c.published),
                typeof c.resemblance === 'number' ? ' (' + Math.round(c.resemblance * 100) + '%)' : ''))) : null,
            why && a.why ? h('div', { class: 'meta why' }, evidence(a.why)) : null))))),
    ];
  }

  /* The evidence of a story assignment as plain text lines. */
  function evidence(w) {
    if (typeof w !== 'object' || w === null) return String(w);
    return Object.entries(w).map(([k, v]) => h('div', {}, k + ': ' +
      (Array.isArray(v) ? v.join('، ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))));
  }

  async function pageArticle(id, anchor) {
    const a = await api('/api/articles/' + encodeURIComponent(id));
    if (has('/api/articles/{id}/facts')) Object.assign(a, await api('/api/articles/' + encodeURIComponent(a.id) + '/facts'));
    const spans = factSpans(a);
    const nodes = [
      h('h1', { dir: 'auto' }, a.title || a.id),
      meta(a.outlet, dateText(a.published), a.story ? storyLink(a.story, t('story') + ' ' + a.story) : null,
        a.copy_of ? [t('copyOf') + ' ', articleLink(a.copy_of)] : null,
        /^https?:\/\//i.test(a.url || '') ? h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('url')) : null),
      spans.length ? h('div', { class: 'legend' },
        h('span', { class: 'hl-figure' }, t('figures')), h('span', { class: 'hl-statement' }, t('statements')),
        h('span', { class: 'hl-mention' }, t('entities')), h('span', { class: 'hl-date' }, t('dates'))) : null,
      highlighted(a.body || '', spans),
    ];
    const facts = [];
    (a.figures || []).forEach(f => facts.push(h('li', {}, h('a', { href: '#/article/' + encodeURIComponent(a.id) + '/fig-' + f.start },
      tv(COUNTS, f.counts) + ': ' + hedge(f)), f.reported_by_text ? ' — ' + f.reported_by_text : '', f.date ? [' (', dateText(f.date), ')'] : null)));
    (a.statements || []).forEach(st => facts.push(h('li', {}, h('span', { class: 'stance stance-' + st.stance }, tv(STANCES, st.stance)), ' ',
      h('a', { href: '#/article/' + encodeURIComponent(a.id) + '/st-' + st.start }, (st.speaker_text || '?') + (st.cue ? ' (' + st.cue + ')' : '')))));
    if (facts.length) nodes.push(h('h2', {}, t('facts')), h('ul', {}, facts));
    /* its entities, title included, each once as first written, with how often */
    const ents = new Map();
    (a.mentions || []).forEach(m => {
      if (!m.entity) return;
      if (!ents.has(m.entity)) ents.set(m.entity, { text: m.text, n: 0 });
      ents.get(m.entity).n++;
    });
    if (ents.size && has('/api/entities/{id}')) nodes.push(h('h2', {}, t('entities')), h('div', { class: 'chips' },
      [...ents].map(([eid, e]) => h('a', { class: 'chip', href: '#/entity/' + encodeURIComponent(eid) }, e.text, e.n > 1 ? ' ×' + e.n : ''))));
    if (a.copies && a.copies.length) nodes.push(h('h2', {}, t('copies')), h('ul', {}, a.copies.map(c => h('li', {}, articleLink(c)))));
    return { nodes, after: () => flash(anchor) };
  }

  /* Scrolls to the element with id anchor and marks it for a moment. */
  function flash(anchor) {
    const el = anchor && document.getElementById(anchor);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 2500);
  }

  async function pageArticles(q) {
    const n = 50, offset = offsetOf(q);
    const list = await api('/api/articles', { limit: n, offset, outlet: q.get('outlet') });
    return [h('h1', {}, t('articles')),
      list.length ? h('table', {},
        h('thead', {}, h('tr', {}, [t('date'), t('outlet'), t('title')].map(x => h('th', {}, x)))),
        h('tbody', {}, list.map(a => h('tr', {},
          h('td', { class: 'num' }, dateText(a.published)),
          h('td', {}, a.outlet || ''),
          h('td', { dir: 'auto' }, articleLink(a.id, a.title || a.id), a.copy_of ? h('span', { class: 'meta' }, ' · ' + t('copyOf') + ' ', articleLink(a.copy_of)) : null)))))
        : empty(),
      pager('#/articles', q, offset, n, list.length)];
  }

  async function pageSearch(q) {
    const text = q.get('q') || '';
    document.getElementById('search-q').value = text;
    if (!text) return [h('h1', {}, t('search')), empty()];
    const n = 20, offset = offsetOf(q);
    const hits = await api('/api/search', { q: text, limit: n, offset });
    return [h('h1', {}, t('search'), ': ', h('bdi', {}, text)),
      hits.length ? hits.map(hit => h('article', { class: 'card' },
        h('h3', { dir: 'auto' }, articleLink(hit.id, hit.title || hit.id)),
        meta(hit.outlet, dateText(hit.published), hit.story ? storyLink(hit.story, t('story') + ' ' + hit.story) : null),
        h('p', { class: 'snippet', dir: 'auto' }, marked(hit.snippet || ''))))
        : empty(),
      pager('#/search', q, offset, n, hits.length)];
  }

  /*
   * The search snippet as nodes: the library sends it HTML-escaped with
   * <mark>...</mark> around the matches. Only those two exact tags are
   * read; everything else is unescaped into plain text, never parsed.
   */
  function marked(snip) {
    const ENT = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
    const unescape = x => x.replace(/&(lt|gt|amp|quot|#39);/g, (m, e) => ENT[e]);
    const out = [];
    let on = false;
    for (const part of snip.split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') on = true;
      else if (part === '</mark>') on = false;
      else if (part) out.push(on ? h('mark', {}, unescape(part)) : unescape(part));
    }
    return out;
  }

  /* A box to find entities by a part of their name or spelling (the kind
   * chosen kept). */
  function entityFilter(q) {
    const input = h('input', { type: 'search', id: 'entity-name', value: q.get('name') || '',
      placeholder: t('entityPh'), dir: 'auto', autocomplete: 'off' });
    return h('form', { class: 'filter', onsubmit: ev => {
      ev.preventDefault();
      const p = new URLSearchParams();
      if (q.get('kind')) p.set('kind', q.get('kind'));
      if (input.value.trim()) p.set('name', input.value.trim());
      location.hash = '#/entities' + (p.toString() ? '?' + p : '');
    } }, input, h('button', { type: 'submit' }, t('search')));
  }

  /* When no entity holds the name typed (copied with its clitics: لأردوغان),
   * the entity /api/entities/{id} answers for it, as `marsad entity` does. */
  async function namedSo(name) {
    if (!name || !has('/api/entities/{id}')) return null;
    const e = await api('/api/entities/' + encodeURIComponent(name)).catch(() => null);
    return e ? h('p', { class: 'empty' }, t('namedSo'), ' ', entityLink(e.id, e.name),
      e.name_en ? h('span', { class: 'lbl-en' }, ' · ' + e.name_en) : null) : null;
  }

  async function pageEntities(q) {
    const n = 50, offset = offsetOf(q);
    const list = await api('/api/entities', { limit: n, offset, kind: q.get('kind'), name: q.get('name') });
    const meant = list.length || offset ? null : await namedSo(q.get('name'));
    /* a chip per kind, the one shown marked; the name asked for kept */
    const kindHref = k => { const p = new URLSearchParams();
      if (k) p.set('kind', k);
      if (q.get('name')) p.set('name', q.get('name'));
      return '#/entities' + (p.toString() ? '?' + p : ''); };
    return [h('h1', {}, t('entities')),
      h('div', { class: 'chips' }, ['', 'person', 'place', 'org', 'other'].map(k =>
        h('a', { class: (q.get('kind') || '') === k ? 'chip on' : 'chip', 'aria-current': (q.get('kind') || '') === k ? 'page' : null,
          href: kindHref(k) }, k ? tv(KINDS, k) : t('entities')))),
      entityFilter(q),
      list.length ? h('table', {},
        h('thead', {}, h('tr', {}, [t('entity'), t('kind'), t('nArticles'), t('mentions')].map(x => h('th', {}, x)))),
        h('tbody', {}, list.map(e => h('tr', {},
          h('td', {}, entityLink(e.id, e.name), e.name_en ? h('span', { class: 'lbl-en' }, ' · ' + e.name_en) : null), h('td', {}, tv(KINDS, e.kind)),
          h('td', { class: 'num' }, e.articles), h('td', { class: 'num' }, e.mentions)))))
        : meant || empty(),
      pager('#/entities', q, offset, n, list.length)];
  }

  /* An entity's spellings with why each was merged: the reason (English,
   * the resolver's words) left to right in its own cell, the article that
   * brought it linked. */
  function variantTable(vs) {
    return h('table', {}, h('thead', {}, h('tr', {}, [t('variants'), t('mentions'), t('whyMerged'), t('firstIn')].map(x => h('th', {}, x)))),
      h('tbody', {}, vs.map(v => h('tr', {},
        h('td', { title: v.key || '' }, v.text), h('td', { class: 'num' }, v.mentions),
        h('td', { dir: 'ltr' }, v.reason || ''),
        h('td', {}, v.first_article ? articleLink(v.first_article, v.first_article.slice(0, 12)) : '')))));
  }

  /* The chart's points of an entity's mentions by day: one per day from its
   * first to its last, 0 on the days without any (the line then drops,
   * where joining the days around them would draw mentions that were not
   * there); a span of more than 3,000 days keeps its dated days only. */
  function mentionDays(dates) {
    const byDay = new Map(dates.filter(d => dayOf(d.date) !== null).map(d => [dayOf(d.date), d]));
    const days = [...byDay.keys()];
    const d0 = Math.min(...days), d1 = Math.max(...days);
    if (days.length && d1 - d0 <= 3000) for (let d = d0; d <= d1; d++) {
      if (!byDay.has(d)) byDay.set(d, { date: dayText(d), articles: 0, mentions: 0 });
    }
    return [...byDay.values()].map(d => ({
      day: dayOf(d.date), value: d.mentions, label: String(d.mentions),
      tip: d.date + ': ' + count('mentions', d.mentions) + ', ' + count('articles', d.articles) }));
  }

  async function pageEntity(id, q) {
    const why = q.get('why') === '1';
    const e = await api('/api/entities/' + encodeURIComponent(id), { why: why ? 1 : null });
    const stmts = has('/api/statements') ? await api('/api/statements', { speaker: e.id, limit: 200 }) : [];
    const pts = mentionDays(e.dates || []);
    const undated = (e.dates || []).find(d => d.date === null);   /* articles without a date: not on the chart */
    const caption = count('mentions', e.mentions) +
      (undated ? ' · ' + t('undated') + ': ' + undated.mentions : '');
    return [
      h('div', { class: 'meta' }, h('a', { href: '#/entities' }, t('entities')), ' › ', e.id),
      h('h1', {}, e.name, e.name_en ? h('span', { class: 'lbl-en' }, ' · ' + e.name_en) : null),
      meta(tv(KINDS, e.kind), count('articles', e.articles), count('mentions', e.mentions)),
      h('h2', {}, t('variants'), ' ',
        h('a', { class: 'meta', href: '#/entity/' + encodeURIComponent(e.id) + (why ? '' : '?why=1') }, why ? '×' : t('whyMerged'))),
      why ? variantTable(e.variants || []) :
        h('div', { class: 'chips' }, (e.spellings || []).map(v => h('span', { class: 'chip' },
          v.text, ' (' + v.mentions + ')'))),
      pts.length ? [h('h2', {}, t('mentionsOverTime')), timeline(pts, caption)] : null,
      stmts.length ? [h('h2', {}, t(e.kind === 'place' ? 'saidFrom' : 'said')), statementGroups(stmts)] : null,
      e.stories && e.stories.length ? [h('h2', {}, t('stories')), h('ul', {}, e.stories.map(st =>
        h('li', {}, storyLink(st.id, st.title), ' ', h('span', { class: 'meta' }, count('articles', st.articles)))))] : null,
      e.latest && e.latest.length ? [h('h2', {}, t('articles')), h('ul', {}, e.latest.map(a =>
        h('li', {}, dateText(a.published), ' ', articleLink(a.id, a.title || a.id), ' ', h('span', { class: 'meta' }, a.outlet || ''))))] : null,
    ];
  }

  async function pageFigures(q) {
    const list = await api('/api/figures', { counts: q.get('counts'), story: q.get('story'), limit: 500 });
    return [h('h1', {}, t('figures')), list.length ? figureTable(list) : empty()];
  }

  async function pageStatements(q) {
    const list = await api('/api/statements', { stance: q.get('stance'), story: q.get('story'), limit: 500 });
    return [h('h1', {}, t('statements')), list.length ? statementGroups(list) : empty()];
  }

  /* A horizontal bar w rem wide (set through CSSOM: no style attribute). */
  function bar(w) { const el = h('span', { class: 'bar' }); el.style.width = w + 'rem'; return el; }

  async function pageStats() {
    const st = await api('/api/stats');
    const max = Math.max(1, ...(st.by_outlet || []).map(o => o.articles));
    const rows = [['articles', st.articles], ['copies', st.copies], ['notArabic', st.not_arabic],
      ['undated', st.undated], ['outlets', st.outlets], ['first', st.first], ['last', st.last],
      ['bodyBytes', st.body_bytes], ['entities', st.entities], ['mentions', st.mentions], ['stories', st.stories]];
    return [h('h1', {}, t('stats')),
      h('table', {}, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', {}, t(k)), h('td', { class: 'num' }, v ?? ''))))),
      h('h2', {}, t('outlets')),
      h('table', {}, h('tbody', {}, (st.by_outlet || []).map(o => h('tr', {},
        h('td', {}, h('a', { href: '#/articles?outlet=' + encodeURIComponent(o.outlet || '') }, o.outlet || '?')),
        h('td', { class: 'num' }, o.articles),
        h('td', {}, bar(12 * o.articles / max))))))];
  }

  /* ---- Routing ---- */
  const PAGES = [
    [/^#?\/?$/, () => pageHome()],
    [/^#\/stories$/, (m, q) => pageStories(q), '/api/stories'],
    [/^#\/story\/([^/]+)$/, (m, q) => pageStory(m[1], q), '/api/stories/{id}'],
    [/^#\/article\/([^/]+)(?:\/([\w-]+))?$/, m => pageArticle(m[1], m[2]), '/api/articles/{id}'],
    [/^#\/articles$/, (m, q) => pageArticles(q), '/api/articles'],
    [/^#\/search$/, (m, q) => pageSearch(q), '/api/search'],
    [/^#\/entities$/, (m, q) => pageEntities(q), '/api/entities'],
    [/^#\/entity\/([^/]+)$/, (m, q) => pageEntity(m[1], q), '/api/entities/{id}'],
    [/^#\/figures$/, (m, q) => pageFigures(q), '/api/figures'],
    [/^#\/statements$/, (m, q) => pageStatements(q), '/api/statements'],
    [/^#\/stats$/, () => pageStats(), '/api/stats'],
  ];
  const NAV = [['#/stories', 'stories', '/api/stories'], ['#/articles', 'articles', '/api/articles'],
    ['#/entities', 'entities', '/api/entities'], ['#/figures', 'figures', '/api/figures'],
    ['#/statements', 'statements', '/api/statements'], ['#/stats', 'stats', '/api/stats']];

  /* Draws the page the hash names. */
  async function render() {
    const id = ++renderId;
    const main = document.getElementById('main');
    const hash = location.hash || '#/';
    const iq = hash.indexOf('?');
    const path = iq < 0 ? hash : hash.slice(0, iq);
    const q = new URLSearchParams(iq < 0 ? '' : hash.slice(iq + 1));
    drawChrome(path);
    main.replaceChildren(h('p', { class: 'empty' }, t('loading')));
    let out;
    try {
      const hit = PAGES.find(([re, , route]) => re.test(path) && (!route || has(route)));
      if (!hit) { const e = new Error(t('nothing')); e.status = 404; throw e; }
      const m = hit[0].exec(path).map((x, i) => i && x ? decodeURIComponent(x) : x);
      out = await hit[1](m, q);
    } catch (e) {
      out = h('div', { class: 'err', role: 'alert' }, t('error') + (e.status ? ' ' + e.status : '') + ': ' + e.message);
    }
    if (id !== renderId) return;
    const nodes = out && out.nodes ? out.nodes : out;
    main.replaceChildren(add(document.createDocumentFragment(), [nodes]));
    if (out && out.after) out.after(); else window.scrollTo(0, 0);
  }

  /* The header: navigation for the routes the server has, labels, direction. */
  function drawChrome(path) {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
    document.getElementById('nav').replaceChildren(...NAV.filter(n => has(n[2])).map(([href, key]) =>
      h('a', { href, class: path === href ? 'on' : null }, t(key))));
    document.getElementById('search-form').hidden = !has('/api/search');
    document.getElementById('search-q').placeholder = t('searchPh');
    document.getElementById('search-go').textContent = t('search');
    document.getElementById('lang').textContent = t('lang');
  }

  async function start() {
    try {
      const idx = await api('/api');
      routes = new Set(idx.routes);
      document.getElementById('foot').textContent = 'marsad ' + idx.version;
    } catch (e) {
      routes = new Set();
    }
    document.getElementById('search-form').addEventListener('submit', ev => {
      ev.preventDefault();
      const v = document.getElementById('search-q').value.trim();
      if (v) location.hash = '#/search?' + new URLSearchParams({ q: v });
    });
    document.getElementById('lang').addEventListener('click', () => {
      lang = lang === 'ar' ? 'en' : 'ar';
      localStorage.setItem('marsad.lang', lang);
      render();
    });
    window.addEventListener('hashchange', render);
    render();
  }

  start();
})();
