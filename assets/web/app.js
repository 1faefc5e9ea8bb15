/* app.js -- the student's page: joins a class game over the WebSocket at /ws, shows the nation's
 * dashboard, the world map and the class, and sends orders, deals and Ready. The page decides
 * nothing about the game: every rule, cost and refusal comes from the server, which asks the core
 * (protocol: docs/network.md). Every string from the server is put on the page with textContent,
 * never parsed as HTML. Plain JavaScript, no build step, no libraries. */
'use strict';

/* ---- small helpers ----------------------------------------------------------------------- */

const $ = (id) => document.getElementById(id);

/* Make an element: 'props' sets properties (className, type, value...), dataset entries through
 * 'data', listeners through 'on'; 'kids' are nodes or strings (strings become text nodes). */
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null) continue;
      if (k === 'data') Object.assign(e.dataset, v);
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else if (k === 'text') e.textContent = String(v);
      else if (k === 'innerHTML' || k === 'outerHTML') throw new Error('el(): ' + k + ': server text is text');
      else e[k] = v;
    }
  }
  for (const kid of kids) {
    if (kid === undefined || kid === null || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function str(v) { return v === undefined || v === null ? '' : String(v); }
function isNum(v) { return typeof v === 'number' && Number.isFinite(v); }

/* A number for people: thousands separated, at most 'digits' decimals, small numbers kept. */
function num(v, digits) {
  if (!isNum(v)) return '–';
  const d = digits === undefined ? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 1 : 2) : digits;
  return v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: 0 });
}
function pct(v) { return isNum(v) ? num(v * 100, Math.abs(v) < 0.1 ? 1 : 0) + '%' : '–'; }
function usdM(v) { return isNum(v) ? '$' + num(v, Math.abs(v) >= 10 ? 0 : Math.abs(v) >= 1 ? 1 : 2) + ' M' : '–'; }
function usdKg(v) {
  return isNum(v) ? '$' + v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + '/kg' : '–';
}

/* A field name from the server ('budget_musd', 'need_met') in words, and its value with the unit
 * its name carries (units are in the names, as everywhere in the project). */
function keyWords(key) {
  const w = str(key).replace(/_(musd|usd_per_kg|t_per_yr|t_per_q|t|share|pct|turns)$/, '')
    .replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
}
function keyValue(key, v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (!isNum(v)) return str(v);
  const k = str(key);
  if (/_musd$/.test(k)) return usdM(v);
  if (/_usd_per_kg$/.test(k)) return '$' + num(v, 2) + '/kg';
  if (/_t_per_yr$/.test(k)) return num(v, 0) + ' t/yr';
  if (/_t$/.test(k)) return num(v, 0) + ' t';
  if (/_turns$/.test(k)) return num(v, 0) + ' quarters';
  if (/(share|_kept|_met|rate|_pct)$/.test(k) || /^share_/.test(k)) return pct(v);
  return num(v);
}

/* ---- what the page knows ----------------------------------------------------------------- */

const store = {
  get(k) { try { return localStorage.getItem('chokepoint.' + k) || ''; } catch (e) { return ''; } },
  set(k, v) { try { localStorage.setItem('chokepoint.' + k, v); } catch (e) { /* private mode */ } },
  del(k) { try { localStorage.removeItem('chokepoint.' + k); } catch (e) { /* private mode */ } },
};

const S = {
  ws: null,          /* the open WebSocket, or null */
  active: false,     /* the student wants to be in the game: reconnect when the line drops */
  joined: false,     /* a welcome arrived on this connection */
  everJoined: false, /* a welcome arrived since the page loaded */
  code: '', name: '',
  welcome: null, catalog: null, state: null,
  ready: false,
  retryMs: 1000, retryTimer: 0, retryAt: 0,
  nextReq: 1, waiting: new Map(), /* req -> callback(reply) */
  timerBase: null,   /* {seconds, at}: the quarter's clock when the last state came */
  over: false,
  replaced: false,   /* another tab took the seat: no retries until the student asks */
  catalogKey: '',    /* the catalog the forms were built from */
  errorCode: '',     /* the code of the error in the banner */
};

/* ---- the connection ---------------------------------------------------------------------- */

function wsUrl() {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
}

/* Open the WebSocket and say hello with the code and name the student gave. A connection that
 * drops while the student is in the game is retried with a backoff of 1, 2, 4, 8, then 15 s. */
function connect() {
  clearTimeout(S.retryTimer);
  S.retryTimer = 0;
  if (S.ws) { S.ws.onclose = null; S.ws.close(); S.ws = null; }
  let ws;
  try { ws = new WebSocket(wsUrl()); } catch (e) { lineDown(); return; }
  S.ws = ws;
  S.joined = false;
  ws.onopen = () => {
    sendRaw({ type: 'hello', v: 1, code: S.code, name: S.name, client: 'page' });
  };
  ws.onmessage = (ev) => {
    let m;
    try { m = JSON.parse(ev.data); } catch (e) { return; }
    if (m && typeof m === 'object') onMessage(m);
  };
  ws.onclose = () => { if (S.ws === ws) { S.ws = null; lineDown(); } };
}

/* The line dropped (or never opened). In the game: show the banner and try again later; on the
 * join screen: say the server cannot be reached. */
function lineDown() {
  S.joined = false;
  for (const cb of S.waiting.values()) cb({ ok: false, message: 'The connection dropped before the answer came.' });
  S.waiting.clear();
  if (S.over || !S.active) return;
  if (!S.everJoined) {
    $('join-error').textContent = 'Cannot reach the game at ' + location.host +
      '. Is the teacher\'s game still running? Trying again...';
  }
  const wait = S.retryMs;
  S.retryMs = Math.min(S.retryMs * 2, 15000);
  S.retryAt = Date.now() + wait;
  S.retryTimer = setTimeout(connect, wait);
  showConnBanner();
}

function showConnBanner() {
  const b = $('banner-conn');
  if (S.replaced) return; /* onError's own words stay until the student acts */
  if (!S.active || S.joined || S.over || !S.everJoined) { b.hidden = true; return; }
  const s = Math.max(0, Math.ceil((S.retryAt - Date.now()) / 1000));
  clear(b).append('Connection to the game lost: reconnecting' + (s > 0 ? ' in ' + s + ' s...' : '...'),
    ' ', el('button', { type: 'button', text: 'Try now', on: { click: connect } }));
  b.hidden = false;
}

function sendRaw(obj) {
  if (!S.ws || S.ws.readyState !== WebSocket.OPEN) return false;
  S.ws.send(JSON.stringify(obj));
  return true;
}

/* Send a message that the server answers (quote, order, withdraw, deal): 'cb' gets the reply,
 * or an error carrying the same req, or a made-up refusal if the line is down. */
function request(obj, cb) {
  const req = S.nextReq++;
  obj.req = req;
  if (!S.joined || !sendRaw(obj)) {
    cb({ ok: false, message: 'Not connected to the game just now; try again in a moment.' });
    return req;
  }
  S.waiting.set(req, cb);
  return req;
}

/* ---- messages from the server ------------------------------------------------------------ */

function onMessage(m) {
  if (m.req !== undefined && S.waiting.has(m.req) && m.type !== 'state') {
    const cb = S.waiting.get(m.req);
    S.waiting.delete(m.req);
    if (m.type === 'error') cb({ ok: false, message: str(m.message) || str(m.code) });
    else cb(m);
    return;
  }
  switch (m.type) {
    case 'welcome': onWelcome(m); break;
    case 'state': onState(m); break;
    case 'quarter': onQuarter(m); break;
    case 'over': onOver(m); break;
    case 'class': if (Array.isArray(m.class)) renderClass(m.class); break;
    case 'error': onError(m); break;
    default: break; /* pong, world (bots only) and kinds this page does not use */
  }
}

function onWelcome(m) {
  S.joined = true;
  S.everJoined = true;
  S.retryMs = 1000;
  S.welcome = m;
  S.catalog = m.catalog || { goods: [], nations: [], facility_kinds: [], control_modes: [], orders: [] };
  store.set('code', S.code);
  store.set('name', S.name);
  if (location.search) history.replaceState(null, '', location.pathname); /* the code is a secret */
  $('join-error').textContent = '';
  $('banner-conn').hidden = true;
  $('banner-error').hidden = true;
  $('join').hidden = true;
  $('game').hidden = false;
  $('leave').hidden = false;
  const teacher = m.role === 'teacher';
  document.body.classList.toggle('teacher', teacher);
  $('top-nation').textContent = teacher ? 'Teacher' : str(m.nation || m.seat);
  document.title = 'Chokepoint: ' + $('top-nation').textContent;
  $('briefing-title').textContent = 'About this game' + (m.title ? ': ' + str(m.title) : '');
  $('briefing').textContent = str(m.briefing);
  $('briefing-box').hidden = !m.briefing && !m.title;
  $('ready').hidden = teacher;
  $('class-box').open = teacher;
  $('prices-title').textContent = teacher ? 'World prices' : 'Prices you pay';
  if (teacher) $('ready-note').textContent = 'You joined with the teacher\'s code: this page shows the class; ' +
    'the teacher\'s controls are in the game window.';
  const key = JSON.stringify(S.catalog) + str(m.seat);
  if (key !== S.catalogKey) { /* a rejoin keeps the order and deal half written */
    S.catalogKey = key;
    buildOrderKinds();
    buildDealForm();
  }
  mapRedraw();
}

function onState(st) {
  S.state = st;
  S.ready = !!st.ready;
  S.timerBase = isNum(st.seconds_left) ? { seconds: st.seconds_left, at: Date.now() } : null;
  renderState();
  if (st.over && !S.over) onOver({}); /* joined after the last quarter */
  if (!st.paused && S.errorCode === 'paused') $('banner-error').hidden = true;
}

function onQuarter(m) {
  $('ready-note').textContent = 'Quarter ' + str(m.date) + ' has been played. Your orders were carried out.';
}

function onOver(m) {
  S.over = true;
  S.active = false;
  const b = $('banner-over');
  b.textContent = 'The game is over. Thank you for playing!' + (m.hash ? ' (final hash ' + str(m.hash) + ')' : '');
  b.hidden = false;
  $('banner-conn').hidden = true;
  $('ready').disabled = true;
  $('order-place').disabled = true;
  store.del('code');
}

/* Errors that no request is waiting for: a wrong code sends the student back to the join screen;
 * a takeover by another tab stops the retries (else two tabs would take the seat from each other). */
function onError(m) {
  const code = str(m.code);
  const msg = str(m.message);
  if (code === 'bad_code' || (code === 'not_joined' && !S.joined)) {
    S.active = false;
    store.del('code');
    showJoin('That code is not right. Check it with your teacher (letters and digits; dashes do not matter).');
    if (S.ws) { S.ws.onclose = null; S.ws.close(); S.ws = null; }
    return;
  }
  if (code === 'bad_version') {
    S.active = false;
    showJoin('This page is older than the game server: reload the page.');
    return;
  }
  if (code === 'replaced') {
    S.active = false;
    S.joined = false;
    S.replaced = true;
    const b = $('banner-conn');
    clear(b).append('Your seat was opened in another window or tab. ',
      el('button', { type: 'button', text: 'Play here instead',
        on: { click: () => { S.replaced = false; S.active = true; S.retryMs = 1000; connect(); } } }));
    b.hidden = false;
    return;
  }
  if (code === 'game_over') { onOver({}); return; }
  /* a refused Ready (paused, say) has no reply of its own: show the server's last word on it */
  S.ready = !!(S.state && S.state.ready);
  renderReady();
  const b = $('banner-error');
  S.errorCode = code;
  b.textContent = capital(msg || code).replace(/\.?$/, '.');
  b.hidden = false;
  clearTimeout(onError.timer);
  onError.timer = setTimeout(() => { b.hidden = true; }, 8000);
}

/* ---- the dashboard ----------------------------------------------------------------------- */

function nationName(iso) {
  const n = S.catalog && (S.catalog.nations || []).find((x) => x.iso === iso);
  return n ? str(n.name) : str(iso);
}
function goodLabel(id) {
  const g = S.catalog && (S.catalog.goods || []).find((x) => x.id === id);
  return g ? str(g.label) : str(id);
}
function emptyItem(list, text) { list.append(el('li', { className: 'empty', text })); }

function renderState() {
  const st = S.state;
  if (!st) return;
  clear($('top-date')).append(st.date ? str(st.date) : '', el('span', { className: 'wide-only',
    text: isNum(st.turn) ? ' · quarter ' + (st.turn + 1) + (isNum(st.last_turn) ? ' of ' + st.last_turn : '') : '' }));
  $('banner-paused').hidden = !st.paused;
  renderFigures(st.me || {}, st.score);
  renderScore(st.score, st.goals);
  renderPrices(st.prices, st.shortages);
  renderPipeline(st.pipeline);
  renderPolicies(st.policies);
  renderPending(st.pending);
  renderDeals(st.deals);
  renderNews(st.news, st.report);
  if (Array.isArray(st.class)) renderClass(st.class);
  renderReady();
  tick();
  refreshFacilityChoices();
  mapRedraw();
}

/* The nation's key figures, in the words and units of docs/network.md's 'me' (cp_nation's own
 * figures); a figure this page does not know yet is still shown, named from its field. */
const FIGURES = [
  ['budget_musd', 'Treasury', (v) => usdM(v)],
  ['budget_musd_per_yr', 'Yearly budget for rare-earth policy', (v) => usdM(v) + ' a year'],
  ['gdp_busd_per_yr', 'Economy (GDP)', (v) => '$' + num(v, 0) + ' B a year'],
  ['gdp_loss_busd', 'GDP lost to shortages last quarter', (v) => '$' + num(v, 2) + ' B'],
  ['pressure', 'Political pressure', (v) => pct(v)],
  ['trust', 'Trust of other nations', (v) => pct(v)],
  ['mined_t', 'Ore mined last quarter', (v) => num(v, 0) + ' t'],
  ['separated_t', 'Light oxides separated', (v) => num(v, 0) + ' t'],
  ['heavy_separated_t', 'Heavy oxides separated', (v) => num(v, 0) + ' t'],
  ['magnets_t', 'Magnets made', (v) => num(v, 0) + ' t'],
  ['reserves_t', 'Reserves in the ground', (v) => num(v, 0) + ' t'],
  ['export_revenue_musd', 'Export revenue last quarter', (v) => usdM(v)],
  ['import_bill_musd', 'Import bill last quarter', (v) => usdM(v)],
  ['tariff_revenue_musd', 'Tariff revenue last quarter', (v) => usdM(v)],
];
const FIGURES_SHOWN_ELSEWHERE = new Set(['iso', 'name', 'score', 'locked', 'goods']);

const FIGURES_FIRST = 6; /* the money, the economy and the politics; output and trade fold away */

function renderFigures(me, score) {
  const dl = clear($('figures'));
  const more = clear($('figures-more'));
  /* the share of the nation's need met is the score's security part (docs/network.md) */
  const met = score && score.quarter && score.quarter.security;
  if (isNum(met) && me.iso) dl.append(el('dt', { text: 'Need met last quarter' }), el('dd', { text: num(met, 0) + '%' }));
  FIGURES.forEach(([k, label, fmt], i) => {
    if (isNum(me[k])) (i < FIGURES_FIRST ? dl : more).append(el('dt', { text: label }), el('dd', { text: fmt(me[k]) }));
  });
  const known = new Set(FIGURES.map((f) => f[0]));
  for (const [k, v] of Object.entries(me)) {
    if (known.has(k) || FIGURES_SHOWN_ELSEWHERE.has(k) || v === null || typeof v === 'object') continue;
    more.append(el('dt', { text: keyWords(k) }), el('dd', { text: keyValue(k, v) }));
  }
  if (me.locked) dl.append(el('dt', { text: 'Policies' }), el('dd', { text: 'locked by the teacher' }));
  renderGoods(me.goods);
}

/* Each good last quarter: what the nation's industry needed, what it went short of, and its
 * strategic stockpile, in tonnes. */
function renderGoods(goods) {
  const tb = clear($('goods').tBodies[0]);
  $('goods').hidden = !Array.isArray(goods) || !goods.length;
  for (const g of goods || []) {
    const short = isNum(g.shortage_t) && g.shortage_t > 0.5;
    tb.append(el('tr', null, el('td', { text: goodLabel(g.good) }),
      el('td', { className: 'num', text: num(g.demand_t, 0) }),
      el('td', { className: 'num' + (short ? ' bad' : ''), text: num(g.shortage_t, 0) }),
      el('td', { className: 'num', text: num(g.imports_t, 0) }),
      el('td', { className: 'num', text: num(g.stockpile_t, 0) })));
  }
}


const GOAL_TAG = { on_track: ['on track', 'good'], met: ['met', 'good'], behind: ['behind', 'warn'],
  missed: ['missed', 'bad'] };

function renderScore(score, goals) {
  const sc = score || {};
  $('score-total').textContent = isNum(sc.total) ? 'Score ' + num(sc.total, 0) + ' of 100' : '';
  const dl = clear($('score-parts'));
  for (const [k, v] of Object.entries(sc.parts || {})) {
    const q = sc.quarter && isNum(sc.quarter[k]) ? ' (last quarter ' + num(sc.quarter[k], 0) + ')' : '';
    dl.append(el('dt', { text: keyWords(k) }), el('dd', { text: (isNum(v) ? num(v, 0) : str(v)) + q }));
  }
  const ul = clear($('goals'));
  for (const g of goals || []) {
    const t = GOAL_TAG[g.status] || [str(g.status).replace(/_/g, ' '), ''];
    ul.append(el('li', null, el('span', { className: 'tag ' + t[1], text: t[0] }), str(g.text)));
  }
  if (!(goals || []).length) emptyItem(ul, 'No goals in this scenario.');
}

function renderPrices(prices, shortages) {
  const tb = clear($('prices').tBodies[0]);
  for (const p of prices || []) {
    const paid = p.paid_usd_per_kg;
    const dear = isNum(paid) && isNum(p.usd_per_kg) && paid > p.usd_per_kg * 1.001;
    tb.append(el('tr', null, el('td', { text: str(p.label || p.good) }),
      el('td', { className: 'num', text: usdKg(p.usd_per_kg) }),
      el('td', { className: 'num' + (dear ? ' dear' : ''), text: usdKg(paid) })));
  }
  const ul = clear($('shortages'));
  for (const s of shortages || []) {
    const t = isNum(s.shortage_t) && s.shortage_t > 0.5 ? num(s.shortage_t, 0) + ' t short' :
      isNum(s.share_short) && s.share_short > 0 ? pct(s.share_short) + ' short' : '';
    if (!t) continue;
    ul.append(el('li', null, el('span', { className: 'tag bad', text: t }), str(s.label || s.sector)));
  }
  if (!ul.firstChild) emptyItem(ul, 'No shortages: every sector got what it needed.');
}

const STAGE_TAG = { announced: '', permitting: 'info', construction: 'warn', ramp_up: 'warn',
  operating: 'good', idled: '', closed: 'bad' };

function renderPipeline(pipe) {
  const tb = clear($('pipeline').tBodies[0]);
  for (const f of pipe || []) {
    const stage = str(f.stage);
    const where = f.host && f.host !== (S.welcome && S.welcome.seat) ? ' (in ' + nationName(f.host) + ')' : '';
    tb.append(el('tr', null, el('td', { text: str(f.name || f.kind) + where }),
      el('td', null, el('span', { className: 'tag ' + (STAGE_TAG[stage] || ''), text: stage.replace(/_/g, ' ') })),
      el('td', { className: 'num', text: num(f.capacity_t_per_yr, 0) }),
      el('td', { className: 'when', text: stage === 'operating' ? 'now' : str(f.online_date) || '–' })));
  }
  if (!(pipe || []).length) {
    tb.append(el('tr', null, el('td', { colSpan: 4, className: 'dim', text: 'No plants yet.' })));
  }
}

/* The seat's own policies, as the server gives them: a list of lines or {text}, or an object of
 * named values, possibly nested (flattened into "Tariff · NdPr oxide: 25%"). */
function policyLines(p, prefix, out) {
  if (p === null || p === undefined) return out;
  if (Array.isArray(p)) {
    for (const x of p) {
      if (x && typeof x === 'object' && 'text' in x) out.push(str(x.text));
      else if (x && typeof x === 'object') policyLines(x, prefix, out);
      else out.push((prefix ? prefix + ': ' : '') + str(x));
    }
    return out;
  }
  if (typeof p === 'object') {
    if ('text' in p && typeof p.text === 'string') { out.push(p.text); return out; }
    for (const [k, v] of Object.entries(p)) {
      const label = (prefix ? prefix + ' · ' : '') + (S.catalog && nationName(k) !== k ? nationName(k) :
        goodLabel(k) !== k ? goodLabel(k) : keyWords(k));
      if (v && typeof v === 'object') policyLines(v, label, out);
      else out.push(label + ': ' + keyValue(k, v));
    }
    return out;
  }
  out.push((prefix ? prefix + ': ' : '') + str(p));
  return out;
}

/* The policies in the words of docs/network.md's 'policies' object; a list this page does not
 * know is still shown through policyLines. */
function kindLabel(id) {
  const k = S.catalog && (S.catalog.facility_kinds || []).find((x) => x.id === id);
  return k ? str(k.label) : str(id);
}
function partnerWords(iso) { return iso === 'all' ? 'every nation' : nationName(iso); }
const POLICY_WORDS = {
  tariffs: (p) => 'Tariff on ' + goodLabel(p.good) + ' from ' + partnerWords(p.partner) + ': ' + pct(p.rate),
  export_controls: (p) => 'Exports of ' + goodLabel(p.good) + ' to ' + partnerWords(p.partner) + ': ' + str(p.mode) +
    (p.mode === 'licensed' && isNum(p.approval_share) ? ', ' + pct(p.approval_share) + ' of requests approved' : '') +
    (p.suspended_turns > 0 ? '; suspended for ' + p.suspended_turns + ' more quarters (' + str(p.mode_now) + ' meanwhile)' : ''),
  export_quotas: (p) => 'Export quota on ' + goodLabel(p.good) + ': ' + num(p.t_per_quarter, 0) + ' t a quarter',
  export_taxes: (p) => 'Export tax on ' + goodLabel(p.good) + ': ' + pct(p.rate),
  price_floors: (p) => 'Price floor for ' + goodLabel(p.good) + ': ' + usdKg(p.usd_per_kg),
  subsidies: (p) => 'Subsidy for ' + kindLabel(p.facility_kind) + 's: ' + pct(p.share) + ' of operating costs',
  stockpile: (p) => isNum(p.t) && p.t > 0.5 ? 'Strategic stockpile of ' + goodLabel(p.good) + ': ' + num(p.t, 0) + ' t' : '',
};
const POLICY_SWITCHES = {
  tracking: (v) => v ? 'Magnets are tracked to their source' : '',
  tech_ban: (v) => v ? 'Technology exports are banned' : '',
  extraterritorial: (v) => v ? 'Magnets made abroad from your oxides need your licence (extraterritorial rule)' : '',
  foreign_investment_open: (v) => v ? '' : 'Foreign investment in your plants is closed',
  locked: (v) => v ? 'The teacher has locked your policies this quarter' : '',
};

function renderPolicies(pol) {
  const ul = clear($('policies'));
  const lines = [];
  if (pol && typeof pol === 'object' && !Array.isArray(pol)) {
    for (const [k, v] of Object.entries(pol)) {
      if (POLICY_WORDS[k] && Array.isArray(v)) for (const p of v) lines.push(POLICY_WORDS[k](p || {}));
      else if (POLICY_SWITCHES[k]) lines.push(POLICY_SWITCHES[k](v));
      else policyLines({ [k]: v }, '', lines);
    }
  } else {
    policyLines(pol, '', lines);
  }
  for (const line of lines) if (line) ul.append(el('li', { text: line }));
  if (!ul.firstChild) emptyItem(ul, 'No policies in force: trade is open and untaxed.');
}

function renderPending(pending) {
  const ul = clear($('pending'));
  for (const p of pending || []) {
    const b = el('button', { type: 'button', className: 'danger', text: 'Withdraw',
      on: { click: () => withdrawOrder(p.index, b) } });
    b.setAttribute('aria-label', 'Withdraw: ' + str(p.text));
    ul.append(el('li', null, el('div', { text: str(p.text || (p.order && p.order.kind)) }), b));
  }
  if (!ul.firstChild) emptyItem(ul, 'No orders yet this quarter.');
}

function withdrawOrder(index, button) {
  button.disabled = true;
  request({ type: 'withdraw', index }, (r) => {
    button.disabled = false;
    showResult($('order-result'), r, 'Order withdrawn.');
  });
}

function renderNews(news, report) {
  const ul = clear($('news'));
  const items = (news || []).slice().sort((a, b) => (b.turn || 0) - (a.turn || 0)); /* newest first */
  for (const n of items) {
    ul.append(el('li', null, el('span', { className: 'turn', text: turnDate(n.turn) }), str(n.text)));
  }
  if (!ul.firstChild) emptyItem(ul, 'No news yet.');
  const rl = clear($('report'));
  for (const line of report || []) rl.append(el('li', { text: str(line) }));
  if (!rl.firstChild) emptyItem(rl, 'The first quarter has not been played yet.');
}

/* A turn number as a date "2026Q1", counted from the state's own turn and date. */
function turnDate(turn) {
  const st = S.state;
  const m = st && /^(\d{4})Q([1-4])$/.exec(str(st.date));
  if (!m || !isNum(turn) || !isNum(st.turn)) return isNum(turn) ? 'Q' + (turn + 1) : '';
  const q = Number(m[1]) * 4 + Number(m[2]) - 1 + (turn - st.turn);
  return Math.floor(q / 4) + 'Q' + ((q % 4) + 1);
}

function renderClass(cls) {
  const tb = clear($('class').tBodies[0]);
  for (const c of cls) {
    const state = !c.connected ? ['away', ''] : c.ready ? ['ready', 'good'] : ['playing', 'info'];
    const orders = isNum(c.orders) && c.orders > 0 ? ' ' + c.orders + (c.orders === 1 ? ' order' : ' orders') : '';
    tb.append(el('tr', null, el('td', { text: str(c.nation) || nationName(c.iso) }), el('td', { text: str(c.name) || '–' }),
      el('td', null, el('span', { className: 'tag ' + state[1], text: state[0] }), orders)));
    if (S.welcome && c.iso === S.welcome.seat && S.state) S.ready = !!c.ready;
  }
  const ready = cls.filter((c) => c.ready).length;
  $('class-summary').textContent = 'The class: ' + ready + ' of ' + cls.length + ' ready';
  renderReady();
}

function renderReady() {
  const b = $('ready');
  b.classList.toggle('on', S.ready);
  b.setAttribute('aria-pressed', S.ready ? 'true' : 'false');
  b.textContent = S.ready ? 'Ready ✓ (press to take it back)' : 'I\'m ready: end my quarter';
  const t = $('top-ready');
  t.textContent = S.ready ? 'You are ready' : '';
  t.classList.toggle('on', S.ready);
  const note = $('ready-note');
  if (S.ready) note.textContent = WAITING;
  else if (note.textContent === WAITING) note.textContent = '';
}
const WAITING = 'Waiting for the rest of the class. You can still change your orders.';

$('ready').addEventListener('click', () => {
  const want = !S.ready;
  if (!sendRaw({ type: 'ready', ready: want })) return;
  S.ready = want;
  renderReady();
});

/* The quarter's clock: counted down locally from the last state's seconds_left. */
function tick() {
  const t = $('top-timer');
  if (!S.timerBase) { t.textContent = ''; return; }
  const left = Math.max(0, Math.round(S.timerBase.seconds - (Date.now() - S.timerBase.at) / 1000));
  const paused = S.state && S.state.paused;
  t.textContent = (paused ? 'paused, ' : '') + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') + ' left';
  t.classList.toggle('low', left <= 30);
}
setInterval(() => { if (S.timerBase && !(S.state && S.state.paused)) tick(); if (!S.joined) showConnBanner(); }, 1000);

function showResult(p, r, okText) {
  p.classList.toggle('refused', !r.ok);
  p.classList.toggle('ok', !!r.ok);
  p.textContent = r.ok ? okText : 'Refused: ' + (str(r.message) || 'the game said no.');
}

/* ---- orders ------------------------------------------------------------------------------ */

/* The unit of an order's amount, in words, when the catalog does not say it (the range itself
 * always comes from the catalog, which asks the core's cp_order_amount_range). */
const AMOUNT_WORDS = {
  build_facility: 'capacity in tonnes a year', fund_facility: 'US dollars, millions',
  set_tariff: 'a share of the price: 0.25 is 25%', set_export_control: 'share of licence requests approved: 0.5 is 50%',
  suspend_export_control: 'share of requests approved meanwhile', set_export_quota: 'tonnes a quarter (below 0 removes the quota)',
  set_export_tax: 'a share of the price: 0.1 is 10%', buy_stockpile: 'tonnes bought this quarter',
  release_stockpile: 'tonnes released this quarter', set_subsidy: 'share of the operating cost the state pays: 0.3 is 30%',
  set_price_floor: 'US dollars per kg (0 removes it)',
};
const RATE_KINDS = new Set(['set_tariff', 'set_export_control', 'suspend_export_control', 'set_export_tax', 'set_subsidy']);
const FIELD_LABEL = { good: 'Good', partner: 'Partner nation', facility: 'Plant', facility_kind: 'Kind of plant',
  mode: 'Export regime', flag: 'Switch', turns: 'For how many quarters', amount: 'Amount' };
/* Which of an order kind's partner choices mean "every nation" (CP_ALL). */
const FIELD_ORDER = ['facility_kind', 'good', 'partner', 'facility', 'mode', 'flag', 'turns', 'amount'];
const PARTNER_ALL = new Set(['set_tariff', 'set_export_control', 'suspend_export_control']);
const GOOD_ALL = new Set(['set_export_control', 'suspend_export_control']);

function orderSpec(kind) { return ((S.catalog && S.catalog.orders) || []).find((o) => o.kind === kind); }

function buildOrderKinds() {
  const sel = clear($('order-kind'));
  for (const o of (S.catalog && S.catalog.orders) || []) sel.append(el('option', { value: o.kind, text: capital(str(o.label || o.kind)) }));
  if (S.catalog && S.catalog.orders && S.catalog.orders.some((o) => o.kind === 'set_tariff')) sel.value = 'set_tariff';
  buildOrderFields();
}

function capital(t) { return t.charAt(0).toUpperCase() + t.slice(1); }
function option(value, text) { return el('option', { value: String(value), text }); }

/* One control for one field of an order kind: selects for goods, nations, plants, kinds and
 * modes; a number box with the catalog's range for amounts and turns. */
function fieldControl(kind, f, spec, keep) {
  const id = 'order-' + f;
  let c;
  const me = S.welcome && S.welcome.seat;
  if (f === 'good') {
    c = el('select', { id });
    if (GOOD_ALL.has(kind)) c.append(option('all', 'every good'));
    for (const g of S.catalog.goods || []) c.append(option(g.id, str(g.label || g.id)));
  } else if (f === 'partner') {
    c = el('select', { id });
    if (kind === 'build_facility' && me) c.append(option(me, nationName(me) + ' (at home)'));
    if (PARTNER_ALL.has(kind)) c.append(option('all', 'every nation'));
    for (const n of S.catalog.nations || []) if (n.iso !== me) c.append(option(n.iso, str(n.name || n.iso)));
  } else if (f === 'facility_kind') {
    c = el('select', { id });
    for (const k of S.catalog.facility_kinds || []) c.append(option(k.id, str(k.label || k.id)));
  } else if (f === 'mode') {
    c = el('select', { id });
    for (const m of S.catalog.control_modes || []) c.append(option(m, str(m)));
  } else if (f === 'flag') {
    c = el('select', { id });
    const words = kind === 'set_foreign_investment' ? ['open', 'closed'] : kind === 'idle_facility' ?
      ['idle it', 'run it again'] : ['on', 'off'];
    c.append(option(1, words[0]), option(0, words[1]));
  } else if (f === 'facility') {
    c = el('select', { id });
    fillFacilities(c);
  } else if (f === 'turns') {
    c = el('input', { id, type: 'number', min: '1', max: '400', step: '1', value: '4', inputMode: 'numeric' });
  } else { /* amount, and any number field this page does not know yet */
    c = el('input', { id, type: 'number', step: 'any', inputMode: 'decimal' });
    const a = spec.amount;
    if (f === 'amount' && a) {
      if (isNum(a.lo)) c.min = String(a.lo);
      if (isNum(a.hi)) c.max = String(a.hi);
      c.value = String(isNum(a.lo) && a.lo > 0 ? a.lo : kind === 'set_tariff' ? 0.25 : 0);
    }
  }
  if (keep && keep[f] !== undefined && [...(c.options || [])].some((o) => o.value === keep[f])) c.value = keep[f];
  else if (keep && keep[f] !== undefined && c.tagName === 'INPUT' && f !== 'amount') c.value = keep[f];
  c.dataset.field = f;
  return c;
}

function fillFacilities(c) {
  const me = S.welcome && S.welcome.seat;
  const old = c.value;
  clear(c);
  for (const f of (S.state && S.state.pipeline) || []) {
    if (f.owner && me && f.owner !== me) continue;
    c.append(option(f.id, str(f.name) + ' (' + str(f.stage).replace(/_/g, ' ') + ')'));
  }
  if (!c.options.length) c.append(option('', 'you have no plants yet'));
  if ([...c.options].some((o) => o.value === old)) c.value = old;
}

function refreshFacilityChoices() { const c = $('order-facility'); if (c) fillFacilities(c); }

function buildOrderFields() {
  const box = $('order-fields');
  const keep = {};
  for (const c of box.querySelectorAll('[data-field]')) keep[c.dataset.field] = c.value;
  clear(box);
  const kind = $('order-kind').value;
  const spec = orderSpec(kind);
  if (!spec) return;
  /* what before how much: the amount comes last, whatever order the catalog lists fields in */
  const rank = (f) => { const i = FIELD_ORDER.indexOf(f); return i < 0 ? FIELD_ORDER.length : i; };
  for (const f of (spec.fields || []).slice().sort((a, b) => rank(a) - rank(b))) {
    const c = fieldControl(kind, f, spec, keep);
    let label = FIELD_LABEL[f] || keyWords(f);
    if (f === 'partner') label = kind === 'build_facility' ? 'Where (host nation)' :
      kind === 'set_tariff' ? 'On imports from' : /export/.test(kind) ? 'Exports to' : label;
    if (f === 'amount' && spec.amount && spec.amount.what) label = keyWords(spec.amount.what);
    const wrap = el('div', { className: 'field' }, el('label', { htmlFor: c.id, text: label }), c);
    if (f === 'amount') {
      const a = spec.amount || {};
      const words = str(a.unit) || AMOUNT_WORDS[kind] || '';
      const range = isNum(a.lo) && isNum(a.hi) ? 'from ' + num(a.lo, 4) + ' to ' + num(a.hi, 4) :
        isNum(a.hi) ? 'up to ' + num(a.hi, 4) : '';
      const hint = el('p', { className: 'hint', id: 'order-amount-hint' });
      const update = () => {
        const v = parseFloat(c.value);
        const asPct = RATE_KINDS.has(kind) && isNum(v) ? '= ' + pct(v) + ' · ' : '';
        hint.textContent = asPct + words + (range ? '; ' + range : '') + '.';
      };
      c.addEventListener('input', update);
      update();
      c.setAttribute('aria-describedby', hint.id);
      wrap.append(hint);
    }
    box.append(wrap);
  }
  $('order-result').textContent = '';
  askQuote();
}

/* The order the form describes, fields as the catalog names them. */
function readOrder() {
  const kind = $('order-kind').value;
  const o = { kind };
  for (const c of $('order-fields').querySelectorAll('[data-field]')) {
    const f = c.dataset.field;
    if (['amount', 'turns', 'flag', 'facility'].includes(f)) {
      const v = Number(c.value);
      if (c.value !== '' && Number.isFinite(v)) o[f] = v;
    } else {
      o[f] = c.value;
    }
  }
  return o;
}

/* Ask the server what the order would cost, a moment after the student stops typing; only the
 * newest answer is shown. */
let quoteTimer = 0, quoteReq = 0;
function askQuote() {
  clearTimeout(quoteTimer);
  quoteTimer = setTimeout(() => {
    const q = $('order-quote');
    if (!S.joined) { q.textContent = ''; return; }
    const req = request({ type: 'quote', order: readOrder() }, (r) => {
      if (req !== quoteReq) return;
      q.classList.toggle('refused', !r.ok);
      q.classList.toggle('ok', !!r.ok);
      if (!r.ok) { q.textContent = 'The game would refuse this: ' + str(r.message); return; }
      const now = r.cost_now_musd, total = r.cost_total_musd;
      q.textContent = (!isNum(now) || now === 0) && (!isNum(total) || total === 0) ? 'Costs nothing from the budget.' :
        'Costs ' + usdM(now) + ' this quarter' + (isNum(total) && total !== now ? ', ' + usdM(total) + ' in all' : '') + '.';
    });
    quoteReq = req;
  }, 250);
}

$('order-kind').addEventListener('change', buildOrderFields);
$('order-fields').addEventListener('input', askQuote);
$('order-fields').addEventListener('change', () => { askQuote(); mapRedraw(); });
$('order-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const b = $('order-place');
  b.disabled = true;
  request({ type: 'order', order: readOrder() }, (r) => {
    b.disabled = false;
    showResult($('order-result'), r, 'Order placed: it is carried out when the quarter ends.');
  });
});

/* ---- deals ------------------------------------------------------------------------------- */

/* The clause kinds and the fields each reads (the core's cp_clause), used when the catalog does
 * not list them itself ('catalog.clauses'). */
const CLAUSES = [
  { kind: 'tariff', label: 'cap a tariff', fields: ['good', 'amount'], amount: 'highest tariff rate: 0.05 is 5%' },
  { kind: 'licence', label: 'approve export licences', fields: ['good', 'amount'], amount: 'share of requests approved at least: 0.8 is 80%' },
  { kind: 'suspend', label: 'suspend export controls', fields: ['good'] },
  { kind: 'offtake', label: 'deliver every quarter (offtake)', fields: ['good', 'amount', 'price_usd_per_kg'], amount: 'tonnes a quarter' },
  { kind: 'coinvest', label: 'co-invest in a new plant', fields: ['facility_kind', 'amount', 'capacity_t_per_yr'], amount: 'share of the cost paid: 0.5 is 50%' },
  { kind: 'tech_transfer', label: 'transfer technology', fields: ['facility_kind', 'amount'], amount: 'share of the gap closed: 0.5 is 50%' },
  { kind: 'stockpile', label: 'hand over stockpile', fields: ['good', 'amount'], amount: 'tonnes' },
  { kind: 'alliance', label: 'buyers\' club (share stockpiles in a shortage)', fields: [] },
];
function clauseKinds() {
  const names = S.catalog && S.catalog.clause_kinds;
  if (!Array.isArray(names) || !names.length) return CLAUSES;
  return names.map((n) => CLAUSES.find((c) => c.kind === n) || { kind: str(n), label: str(n).replace(/_/g, ' '), fields: [] });
}

let counterOf = null; /* the deal id being countered, or null for a new proposal */

function buildDealForm() {
  const me = S.welcome && S.welcome.seat;
  const to = clear($('deal-to'));
  for (const n of (S.catalog && S.catalog.nations) || []) if (n.iso !== me) to.append(option(n.iso, str(n.name || n.iso)));
  clear($('deal-clauses'));
  addClause();
}

/* One clause row: who gives, what kind, and the fields that kind reads. */
function addClause(pre) {
  const box = $('deal-clauses');
  const n = box.children.length + 1;
  const me = S.welcome && S.welcome.seat;
  const row = el('fieldset', { className: 'clause' });
  const kindSel = el('select', { id: 'clause-kind-' + n });
  for (const k of clauseKinds()) kindSel.append(option(k.kind, str(k.label || k.kind)));
  const giver = el('select', { id: 'clause-from-' + n });
  const partnerName = () => nationName($('deal-to').value);
  const fillGiver = () => {
    const v = giver.value;
    clear(giver).append(option('me', 'You give'), option('them', partnerName() + ' gives'));
    if (v) giver.value = v;
  };
  fillGiver();
  $('deal-to').addEventListener('change', fillGiver);
  const fields = el('div', { className: 'row' });
  const remove = el('button', { type: 'button', className: 'quiet', text: 'Remove this clause',
    on: { click: () => row.remove() } });
  const build = () => {
    const spec = clauseKinds().find((k) => k.kind === kindSel.value) || { fields: [] };
    clear(fields);
    for (const f of spec.fields || []) {
      const id = 'clause-' + f + '-' + n;
      let c;
      if (f === 'good') {
        c = el('select', { id });
        for (const g of S.catalog.goods || []) c.append(option(g.id, str(g.label || g.id)));
      } else if (f === 'facility_kind') {
        c = el('select', { id });
        for (const k of S.catalog.facility_kinds || []) c.append(option(k.id, str(k.label || k.id)));
      } else {
        c = el('input', { id, type: 'number', step: 'any', inputMode: 'decimal', value: '0' });
      }
      if (pre && pre[f] !== undefined) c.value = String(pre[f]);
      c.dataset.field = f;
      const label = f === 'amount' ? str(spec.amount || 'amount') : f === 'price_usd_per_kg' ?
        'price, US dollars per kg (0: the market price)' : f === 'capacity_t_per_yr' ? 'capacity, tonnes a year' : keyWords(f);
      fields.append(el('div', null, el('label', { htmlFor: id, text: label.charAt(0).toUpperCase() + label.slice(1) }), c));
    }
  };
  kindSel.addEventListener('change', build);
  if (pre && pre.kind) kindSel.value = pre.kind;
  if (pre && pre.from && pre.from !== me) giver.value = 'them';
  build();
  row.append(el('legend', { text: 'Clause ' + n }),
    el('div', { className: 'row' },
      el('div', null, el('label', { htmlFor: giver.id, text: 'Who gives' }), giver),
      el('div', null, el('label', { htmlFor: kindSel.id, text: 'What' }), kindSel)),
    fields, remove);
  row.readClause = () => {
    const them = $('deal-to').value;
    const c = { kind: kindSel.value, from: giver.value === 'me' ? me : them, to: giver.value === 'me' ? them : me };
    for (const x of fields.querySelectorAll('[data-field]')) {
      const f = x.dataset.field;
      c[f] = x.tagName === 'SELECT' ? x.value : Number(x.value);
    }
    return c;
  };
  box.append(row);
}

$('deal-add').addEventListener('click', () => addClause());
$('deal-cancel').addEventListener('click', () => setCounter(null));
$('deal-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const clauses = [...$('deal-clauses').children].map((r) => r.readClause());
  const msg = { type: 'deal', action: counterOf === null ? 'propose' : 'counter',
    deal: { to: $('deal-to').value, term_turns: Number($('deal-term').value), clauses } };
  if (counterOf !== null) msg.deal_id = counterOf;
  const b = $('deal-send');
  b.disabled = true;
  request(msg, (r) => {
    b.disabled = false;
    showResult($('deal-result'), r, str(r.message) || (counterOf === null ? 'Proposal sent.' : 'Counter-offer sent.'));
    if (r.ok) setCounter(null);
  });
});

/* Switch the proposal form to a counter-offer to deal 'd' (or back to a new proposal). */
function setCounter(d) {
  counterOf = d ? d.id : null;
  const me = S.welcome && S.welcome.seat;
  $('deal-summary').textContent = d ? 'Counter-offer to deal ' + d.id : 'Propose a deal';
  $('deal-send').textContent = d ? 'Send the counter-offer' : 'Send the proposal';
  $('deal-cancel').hidden = !d;
  $('deal-counter-note').hidden = !d;
  $('deal-counter-note').textContent = d ? 'Their offer: ' + str(d.text) : '';
  if (d) {
    const other = d.from !== me ? d.from : d.to;
    if (other) $('deal-to').value = other;
    if (isNum(d.term_turns)) $('deal-term').value = String(d.term_turns);
    clear($('deal-clauses'));
    if (Array.isArray(d.clauses) && d.clauses.length) for (const c of d.clauses) addClause(c);
    else addClause();
    $('deal-new').open = true;
    $('deal-to').focus();
  }
}

const DEAL_TAG = { proposed: 'info', agreed: 'good', active: 'good', rejected: 'bad', expired: '', breached: 'bad',
  withdrawn: '' };

function renderDeals(deals) {
  const ul = clear($('deals'));
  const me = S.welcome && S.welcome.seat;
  for (const d of deals || []) {
    const status = str(d.status);
    const worth = isNum(d.value_musd_per_yr) && Math.abs(d.value_musd_per_yr) >= 0.05 ?
      el('div', { className: 'hint', text: 'Worth about ' + usdM(d.value_musd_per_yr) + ' a year to you' }) : null;
    const li = el('li', null, el('span', { className: 'tag ' + (DEAL_TAG[status] || ''), text: status }),
      el('span', { text: str(d.text) }), worth);
    const act = (action, label, cls) => el('button', { type: 'button', className: cls || '', text: label,
      on: { click: (ev) => answerDeal(d, action, ev.target) } });
    const buttons = el('div');
    if (d.mine_to_answer) {
      buttons.append(act('accept', 'Accept', 'primary'), act('reject', 'Reject', 'danger'),
        el('button', { type: 'button', text: 'Counter', on: { click: () => setCounter(d) } }));
    } else if (status === 'proposed' && d.from === me) {
      buttons.append(act('withdraw', 'Withdraw', 'danger'));
    }
    if (buttons.firstChild) li.append(buttons);
    ul.append(li);
  }
  if (!ul.firstChild) emptyItem(ul, 'No deals yet.');
}

const DEAL_DONE = { accept: 'You accepted the deal.', reject: 'You rejected the deal.',
  withdraw: 'You withdrew the proposal.' };

function answerDeal(d, action, button) {
  button.disabled = true;
  request({ type: 'deal', action, deal_id: d.id }, (r) => {
    button.disabled = false;
    showResult($('deal-result'), r, str(r.message) || DEAL_DONE[action] || 'Done.');
  });
}

/* ---- the world map ----------------------------------------------------------------------- */

/* The map asset (docs/map-asset.md), decoded with a DataView and checked as the window's
 * map_asset.c checks it: magic, version, size and FNV-1a checksum, and every count against the
 * bytes left. Each country keeps its rings already projected (Equal Earth) and a bounding box. */
const MAP = { countries: null, error: '' };

function parseMap(buf) {
  const dv = new DataView(buf);
  const n = buf.byteLength;
  const fail = (why) => { throw new Error('map.cpmap: ' + why); };
  if (n < 20) fail('too short');
  const magic = String.fromCharCode(...new Uint8Array(buf, 0, 6));
  if (magic !== 'CPMAP1') fail('not a map file');
  if (dv.getUint16(6, true) !== 1) fail('format version ' + dv.getUint16(6, true));
  const per = dv.getUint16(8, true);
  if (per === 0) fail('zero units per degree');
  const count = dv.getUint16(10, true);
  if (dv.getUint32(12, true) !== n) fail('size ' + n + ', the header says ' + dv.getUint32(12, true));
  let h = 0x811c9dc5;
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < n - 4; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  if (h !== dv.getUint32(n - 4, true)) fail('checksum does not match');
  let p = 16;
  const need = (k) => { if (p + k > n - 4) fail('truncated at byte ' + p); };
  const countries = [];
  const dec = new TextDecoder('utf-8');
  for (let c = 0; c < count; c++) {
    need(5);
    const iso = String.fromCharCode(bytes[p], bytes[p + 1], bytes[p + 2]);
    const flags = bytes[p + 3];
    const nameLen = bytes[p + 4];
    p += 5;
    need(nameLen + 2);
    const name = dec.decode(bytes.subarray(p, p + nameLen));
    p += nameLen;
    const polys = dv.getUint16(p, true); p += 2;
    const rings = [];
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (let q = 0; q < polys; q++) {
      need(2);
      const nr = dv.getUint16(p, true); p += 2;
      for (let r = 0; r < nr; r++) {
        need(2);
        const np = dv.getUint16(p, true); p += 2;
        need(np * 4);
        const xy = new Float32Array(np * 2);
        for (let i = 0; i < np; i++) {
          const lon = dv.getInt16(p, true) / per, lat = dv.getInt16(p + 2, true) / per;
          p += 4;
          const [x, y] = equalEarth(lon, lat);
          xy[2 * i] = x; xy[2 * i + 1] = y;
          if (x < box[0]) box[0] = x; if (y < box[1]) box[1] = y;
          if (x > box[2]) box[2] = x; if (y > box[3]) box[3] = y;
        }
        rings.push(xy);
      }
    }
    countries.push({ iso, name, antarctica: !!(flags & 1), rings, box });
  }
  if (p !== n - 4) fail('trailing bytes at ' + p);
  return countries;
}

/* Equal Earth (Šavrič, Patterson & Jenny 2018), as src/ui/map_project.c: degrees in, units of
 * the sphere's radius out, y north. The world spans ±2.70663 by ±1.31736. */
const EE = { A1: 1.340264, A2: -0.081106, A3: 0.000893, A4: 0.003796, M: Math.sqrt(3) / 2 };
function equalEarth(lonDeg, latDeg) {
  const lam = lonDeg * Math.PI / 180, phi = latDeg * Math.PI / 180;
  const th = Math.asin(EE.M * Math.sin(phi));
  const t2 = th * th, t6 = t2 * t2 * t2;
  const x = lam * Math.cos(th) / (EE.M * (EE.A1 + 3 * EE.A2 * t2 + t6 * (7 * EE.A3 + 9 * EE.A4 * t2)));
  const y = th * (EE.A1 + EE.A2 * t2 + t6 * (EE.A3 + EE.A4 * t2));
  return [x, y];
}
const MAP_W = 2.70663, MAP_H = 1.31736;

function loadMap() {
  fetch('map.cpmap').then((r) => {
    if (!r.ok) throw new Error('map.cpmap: HTTP ' + r.status);
    return r.arrayBuffer();
  }).then((buf) => { MAP.countries = parseMap(buf); mapRedraw(); })
    .catch((e) => { MAP.error = e.message; $('map-note').textContent = 'The map could not be drawn: ' + e.message; });
}

/* The nation a click or a key would pick: the partner field of the order form, else the deal's. */
function selectedPartner() {
  const p = $('order-partner');
  return p ? p.value : $('deal-to').value;
}

let mapFrame = 0;
function mapRedraw() { if (!mapFrame) mapFrame = requestAnimationFrame(drawMap); }

function mapTransform(cv) {
  const s = Math.min(cv.width / (2 * MAP_W), cv.height / (2 * MAP_H));
  return { s, ox: cv.width / 2, oy: cv.height / 2 };
}

function drawMap() {
  mapFrame = 0;
  const cv = $('map');
  if (!MAP.countries || $('game').hidden) return;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(200, Math.round(cv.clientWidth * dpr));
  const h = Math.round(w * MAP_H / MAP_W);
  if (cv.width !== w || cv.height !== h) { cv.width = w; cv.height = h; }
  const g = cv.getContext('2d');
  g.fillStyle = '#0d1621';
  g.fillRect(0, 0, w, h);
  const t = mapTransform(cv);
  const me = S.welcome && S.welcome.seat;
  const nations = new Map(((S.catalog && S.catalog.nations) || []).map((n) => [n.iso, n]));
  const picked = selectedPartner();
  g.lineJoin = 'round';
  for (const c of MAP.countries) {
    if (c.antarctica) continue;
    const n = nations.get(c.iso);
    g.fillStyle = c.iso === me ? '#56b4e9' : c.iso === picked ? '#e69f00' : n && n.human ? '#7d6aa8' : n ? '#4f5d70' : '#2e3742';
    g.beginPath();
    for (const xy of c.rings) {
      for (let i = 0; i < xy.length; i += 2) {
        const x = t.ox + xy[i] * t.s, y = t.oy - xy[i + 1] * t.s;
        if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
      }
      g.closePath();
    }
    g.fill('evenodd');
    g.strokeStyle = '#0d1621';
    g.lineWidth = Math.max(0.5, dpr * 0.6);
    g.stroke();
  }
  const cursor = mapCursor >= 0 ? (mapNations()[mapCursor] || {}).iso : '';
  const c = cursor && MAP.countries.find((x) => x.iso === cursor);
  if (c) {
    g.beginPath();
    for (const xy of c.rings) {
      for (let i = 0; i < xy.length; i += 2) {
        const x = t.ox + xy[i] * t.s, y = t.oy - xy[i + 1] * t.s;
        if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
      }
      g.closePath();
    }
    g.strokeStyle = '#ffffff';
    g.lineWidth = 2.5 * dpr;
    g.stroke();
  }
  if (cursor) return; /* the note names the outlined nation */
  const legend = [me ? nationName(me) + ' (you): blue' : '', 'other players: purple', 'nations in the game: grey-blue',
    picked && picked !== 'all' && nations.has(picked) ? 'chosen partner, ' + nationName(picked) + ': orange' : ''];
  if (!MAP.error) $('map-note').textContent = legend.filter(Boolean).join(' · ');
}

/* The country under a click, by the even-odd rule over its rings (holes excluded). */
function countryAt(px, py) {
  const cv = $('map');
  const t = mapTransform(cv);
  const x = (px - t.ox) / t.s, y = (t.oy - py) / t.s;
  for (const c of MAP.countries || []) {
    if (c.antarctica || x < c.box[0] || x > c.box[2] || y < c.box[1] || y > c.box[3]) continue;
    let inside = false;
    for (const xy of c.rings) {
      for (let i = 0, j = xy.length - 2; i < xy.length; j = i, i += 2) {
        const yi = xy[i + 1], yj = xy[j + 1];
        if ((yi > y) !== (yj > y) && x < (xy[j] - xy[i]) * (y - yi) / (yj - yi) + xy[i]) inside = !inside;
      }
    }
    if (inside) return c;
  }
  return null;
}

/* A click on a nation in the game makes it the partner of the order being written (or of the deal
 * when the order kind has no partner). */
function pickNation(iso, name) {
  const me = S.welcome && S.welcome.seat;
  const inGame = ((S.catalog && S.catalog.nations) || []).some((n) => n.iso === iso);
  if (!inGame) { $('map-note').textContent = name + ' is not one of the nations in this game.'; return; }
  if (iso === me) { $('map-note').textContent = nationName(iso) + ': that is you.'; return; }
  const p = $('order-partner');
  const target = p && [...p.options].some((o) => o.value === iso) ? p : $('deal-to');
  target.value = iso;
  target.dispatchEvent(new Event('change', { bubbles: true }));
  mapRedraw();
  setTimeout(() => {
    $('map-note').textContent = nationName(iso) + ' chosen as the ' + (target === p ? 'order\'s partner.' : 'deal\'s partner.');
  }, 20);
}

/* The keyboard's way round the map: arrow keys step through the game's nations (outlined in
 * white, named below the map), Enter or Space picks the one outlined. */
let mapCursor = -1;
function mapNations() {
  const me = S.welcome && S.welcome.seat;
  return ((S.catalog && S.catalog.nations) || []).filter((n) => n.iso !== me);
}
$('map').addEventListener('keydown', (ev) => {
  const list = mapNations();
  if (!list.length) return;
  if (['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(ev.key)) {
    const step = ev.key === 'ArrowRight' || ev.key === 'ArrowDown' ? 1 : -1;
    mapCursor = ((mapCursor < 0 ? (step > 0 ? -1 : 0) : mapCursor) + step + list.length) % list.length;
    $('map-note').textContent = nationName(list[mapCursor].iso) + ': press Enter to choose it as the partner.';
    mapRedraw();
    ev.preventDefault();
  } else if ((ev.key === 'Enter' || ev.key === ' ') && mapCursor >= 0 && mapCursor < list.length) {
    pickNation(list[mapCursor].iso, nationName(list[mapCursor].iso));
    ev.preventDefault();
  }
});
$('map').addEventListener('blur', () => { mapCursor = -1; mapRedraw(); });

$('map').addEventListener('click', (ev) => {
  const cv = $('map');
  const r = cv.getBoundingClientRect();
  const c = countryAt((ev.clientX - r.left) * cv.width / r.width, (ev.clientY - r.top) * cv.height / r.height);
  if (c) pickNation(c.iso, c.name);
});
window.addEventListener('resize', mapRedraw);

/* ---- joining ----------------------------------------------------------------------------- */

function showJoin(error) {
  $('game').hidden = true;
  $('join').hidden = false;
  $('leave').hidden = true;
  $('banner-conn').hidden = true;
  $('join-error').textContent = error || '';
  $('join-button').disabled = false;
}

/* A code as the server reads it: case and dashes do not matter, spaces are dropped. */
function cleanCode(s) { return str(s).trim().replace(/\s+/g, '').toUpperCase(); }

$('join-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const code = cleanCode($('join-code').value);
  const name = $('join-name').value.trim();
  if (!code) { $('join-error').textContent = 'Type the code your teacher gave you.'; return; }
  if (!name) { $('join-error').textContent = 'Type your name, so the class knows who plays this nation.'; return; }
  S.code = code; S.name = name; S.active = true; S.retryMs = 1000;
  $('join-error').textContent = 'Joining...';
  connect();
});

$('leave').addEventListener('click', () => {
  S.active = false;
  store.del('code');
  if (S.ws) { S.ws.onclose = null; S.ws.close(); S.ws = null; }
  S.joined = false; S.everJoined = false; S.state = null;
  showJoin('You left the game. Join again with your code.');
});

/* Back from sleep or a dropped Wi-Fi: try at once rather than waiting out the backoff. */
function wakeUp() { if (S.active && !S.ws && !S.over) { S.retryMs = 1000; connect(); } }
document.addEventListener('visibilitychange', () => { if (!document.hidden) wakeUp(); });
window.addEventListener('online', wakeUp);
setInterval(() => { if (S.joined) sendRaw({ type: 'ping' }); }, 25000);

/* On load: a code in the link (?code=) fills the form; a code this browser joined with before
 * rejoins at once, so a closed tab or a sleeping laptop comes back to its seat. */
(function start() {
  const params = new URLSearchParams(location.search);
  const linkCode = cleanCode(params.get('code') || '');
  const savedCode = store.get('code');
  const savedName = store.get('name');
  $('join-code').value = linkCode || savedCode;
  $('join-name').value = savedName;
  loadMap();
  if (savedCode && savedName && (!linkCode || linkCode === savedCode)) {
    S.code = savedCode; S.name = savedName; S.active = true;
    showJoin('Rejoining as ' + savedName + '...');
    connect();
  } else {
    showJoin('');
    (linkCode ? $('join-name') : $('join-code')).focus();
  }
})();
