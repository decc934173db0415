// HB Flow: the HB dashboard (HB-mittaristo) in Cockpit — the figures managers and THL follow in personal budgeting
// (henkilökohtainen budjetointi): cases per step, lead times against the legal clocks, rectification requests,
// budgets granted and used, support models, client satisfaction; by month and municipality.
//
// A Cockpit front-end plugin module (registered in scripts/config.js as a custom script): a page at
// #/hb-dashboard (plugin point cockpit.route), its link "HB-mittaristo" in Cockpit's navigation, and a small tile on
// Cockpit's dashboard. The figures come from the server-side plugin fi.hbflow.dashboard.cockpit (GET
// <cockpit api>/plugin/hb-dashboard/<engine>/figures), with Cockpit's own login session; only the groups johto and
// prosessinomistajat get them (others see the server's Finnish refusal). No libraries: plain DOM, CSS bars, inline SVG.
//
// Contract of the browser test: <section id="hb-dashboard">; once loaded, [data-hb-figure="cases-total"] holds the
// number of HB cases of the selection as a plain integer; a failed load shows [data-hb-error] with a Finnish message.

const ROUTE = '/hb-dashboard';
const STYLE_ID = 'hb-dashboard-style';

const CSS = `
#hb-dashboard { padding: 16px 24px 48px; max-width: 1200px; }
#hb-dashboard h2 { margin: 0 0 4px; }
#hb-dashboard h3 { font-size: 16px; margin: 28px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
#hb-dashboard .hb-sub { color: #666; margin: 0 0 16px; }
#hb-dashboard .hb-filters { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-end; margin-bottom: 16px; }
#hb-dashboard .hb-filters label { display: flex; flex-direction: column; font-weight: normal; gap: 4px; }
#hb-dashboard .hb-filters select { min-width: 160px; }
#hb-dashboard .hb-tiles { display: flex; flex-wrap: wrap; gap: 12px; }
#hb-dashboard .hb-tile { border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px; min-width: 150px; background: #fafafa; }
#hb-dashboard .hb-tile .hb-value { font-size: 26px; font-weight: bold; display: block; }
#hb-dashboard .hb-tile .hb-label { color: #555; }
#hb-dashboard .hb-bars { display: grid; grid-template-columns: minmax(180px, 320px) 1fr 70px; gap: 4px 10px; align-items: center; }
#hb-dashboard .hb-bar { background: #eee; height: 16px; border-radius: 2px; overflow: hidden; }
#hb-dashboard .hb-bar > span { display: block; height: 100%; background: #3c6e9f; }
#hb-dashboard .hb-bar.hb-warn > span { background: #b5482f; }
#hb-dashboard .hb-num { text-align: right; font-variant-numeric: tabular-nums; }
#hb-dashboard table.hb-table { border-collapse: collapse; }
#hb-dashboard table.hb-table th, #hb-dashboard table.hb-table td { padding: 4px 10px; border-bottom: 1px solid #eee; text-align: right; }
#hb-dashboard table.hb-table th:first-child, #hb-dashboard table.hb-table td:first-child { text-align: left; }
#hb-dashboard .hb-error { color: #a94442; background: #f2dede; border: 1px solid #ebccd1; padding: 10px 14px; border-radius: 4px; }
#hb-dashboard .hb-note { color: #666; font-size: 12px; margin-top: 6px; }
#hb-dashboard svg text { font-size: 11px; fill: #333; }
.hb-dashboard-tile .hb-value { font-size: 22px; font-weight: bold; margin-right: 6px; }
`;

// --- helpers ---------------------------------------------------------------------------------------------------

/** An element with attributes and children (text is always set as text, never parsed as HTML). */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat(Infinity).forEach(child => {
    if (child !== null && child !== undefined && child !== false) {
      element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

function svg(tag, attributes, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, String(value)));
  children.flat(Infinity).forEach(child => element.appendChild(child instanceof Node ? child : document.createTextNode(String(child))));
  return element;
}

const integer = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const euros = new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' });
const percent = new Intl.NumberFormat('fi-FI', { style: 'percent', maximumFractionDigits: 1 });

const num = n => integer.format(n);
const money = cents => euros.format(cents / 100);
const share = s => (s === null || s === undefined ? '–' : percent.format(s));
const days = d => (d === null || d === undefined ? '–' : `${num(d)} pv`);

function addStyle() {
  if (!document.getElementById(STYLE_ID)) {
    document.head.appendChild(h('style', { id: STYLE_ID }, CSS));
  }
}

function figuresUrl(api, filter) {
  const query = new URLSearchParams();
  Object.entries(filter || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== '*') {
      query.set(name, value);
    }
  });
  const q = query.toString();
  return `${api.cockpitApi}/plugin/hb-dashboard/${api.engine}/figures${q ? `?${q}` : ''}`;
}

/** The figures, or an Error whose message is Finnish and fit to show. */
async function load(api, filter) {
  let response;
  try {
    response = await fetch(figuresUrl(api, filter), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || '' }
    });
  } catch (e) {
    throw new Error('HB-mittariston tietoja ei saatu ladattua: palvelimeen ei saatu yhteyttä.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    if (body && body.virhe) {
      throw new Error(body.virhe);
    }
    if (response.status === 401) {
      throw new Error('Istunto on päättynyt. Kirjaudu Cockpitiin uudelleen.');
    }
    if (response.status === 403) {
      throw new Error('Sinulla ei ole oikeutta HB-mittaristoon.');
    }
    throw new Error(`HB-mittariston tietoja ei saatu ladattua (virhe ${response.status}).`);
  }
  if (!body || !body.cases) {
    throw new Error('HB-mittariston tietoja ei saatu ladattua: palvelimen vastaus oli tyhjä.');
  }
  return body;
}

// --- charts ----------------------------------------------------------------------------------------------------

/** Horizontal CSS bars: one row per count, the bar relative to the largest (or to `scale`). */
function bars(counts, { format = num, warn = false, scale = null, figure = null } = {}) {
  const max = scale || Math.max(1, ...counts.map(c => c.count));
  return h('div', { class: 'hb-bars', 'data-hb-figure': figure },
    counts.map(c => [
      h('span', { title: c.key }, c.label),
      h('div', { class: warn ? 'hb-bar hb-warn' : 'hb-bar', role: 'img', 'aria-label': `${c.label}: ${format(c.count)}` },
        h('span', { style: `width: ${Math.min(100, (100 * c.count) / max).toFixed(1)}%` })),
      h('span', { class: 'hb-num', 'data-hb-key': c.key }, format(c.count))
    ]));
}

/** Columns per month as inline SVG. */
function monthColumns(counts) {
  if (counts.length === 0) {
    return h('p', {}, 'Ei asioita.');
  }
  const column = 56;
  const width = counts.length * column;
  const height = 160;
  const max = Math.max(1, ...counts.map(c => c.count));
  const chart = svg('svg', { width, height: height + 34, role: 'img', 'aria-label': 'HB-asiat vireilletulokuukausittain' });
  counts.forEach((c, i) => {
    const barHeight = Math.round((height - 16) * c.count / max);
    const x = i * column + 6;
    chart.appendChild(svg('rect', { x, y: height - barHeight, width: column - 12, height: barHeight, fill: '#3c6e9f' },
      svg('title', {}, `${c.label}: ${num(c.count)}`)));
    chart.appendChild(svg('text', { x: x + (column - 12) / 2, y: height - barHeight - 3, 'text-anchor': 'middle' }, num(c.count)));
    chart.appendChild(svg('text', { x: x + (column - 12) / 2, y: height + 14, 'text-anchor': 'middle' }, c.label));
  });
  return h('div', { style: 'overflow-x: auto' }, chart);
}

/** Granted vs used as two SVG bars. */
function budgetChart(budget) {
  const width = 480;
  const max = Math.max(1, budget.grantedCents, budget.usedCents);
  const row = (y, label, cents, colour) => [
    svg('text', { x: 0, y: y + 13 }, label),
    svg('rect', { x: 90, y, width: Math.max(1, Math.round((width - 100) * cents / max)), height: 18, fill: colour },
      svg('title', {}, `${label}: ${money(cents)}`))
  ];
  return svg('svg', { width, height: 50, role: 'img', 'aria-label': 'Myönnetyt ja käytetyt budjetit' },
    row(2, 'Myönnetty', budget.grantedCents, '#3c6e9f'), row(28, 'Käytetty', budget.usedCents, '#6a9f3c'));
}

function tile(label, value, figure) {
  return h('div', { class: 'hb-tile' },
    h('span', { class: 'hb-value', 'data-hb-figure': figure }, value),
    h('span', { class: 'hb-label' }, label));
}

// --- the page --------------------------------------------------------------------------------------------------

function filters(figures, filter, onChange) {
  const select = (name, label, options) => {
    const element = h('select', { class: 'form-control', name, 'data-hb-filter': name },
      h('option', { value: '*' }, 'Kaikki'),
      options.map(o => h('option', { value: o.value, selected: filter[name] === o.value }, o.label)));
    element.addEventListener('change', () => onChange({ ...filter, [name]: element.value === '*' ? null : element.value }));
    return h('label', {}, label, element);
  };
  const months = figures.options.months.map(m => ({ value: m, label: m.replace(/^(\d{4})-0?(\d+)$/, '$2/$1') }));
  const municipalities = figures.options.municipalities.map(m => ({ value: m, label: m === '' ? '(ei kuntaa)' : m }));
  return h('div', { class: 'hb-filters' },
    select('kuukausiAlkaen', 'Vireille alkaen', months),
    select('kuukausiAsti', 'Vireille asti', months),
    select('kunta', 'Kotikunta', municipalities));
}

function clockTable(clocks) {
  return h('table', { class: 'hb-table', 'data-hb-figure': 'clocks' },
    h('thead', {}, h('tr', {},
      ['Määräaika', 'Valmiita', 'Mediaani', '90 %', 'Ajoissa', 'Myöhässä', 'Odottaa', 'Myöhässä-osuus'].map(t => h('th', {}, t)))),
    h('tbody', {}, clocks.map(c => h('tr', { 'data-hb-clock': c.clock },
      h('td', {}, c.label),
      h('td', {}, num(c.completed)),
      h('td', {}, days(c.medianDays)),
      h('td', {}, days(c.p90Days)),
      h('td', {}, num(c.onTime)),
      h('td', {}, num(c.overdue)),
      h('td', {}, num(c.pending)),
      h('td', {}, h('div', { style: 'display: flex; gap: 8px; align-items: center; justify-content: flex-end' },
        h('div', { class: 'hb-bar hb-warn', style: 'width: 80px' },
          h('span', { style: `width: ${((c.overdueShare || 0) * 100).toFixed(1)}%` })),
        share(c.overdueShare)))))));
}

function content(figures) {
  const { cases, budget, rectification, satisfaction } = figures;
  const updated = new Date(figures.computedAt);
  return [
    h('p', { class: 'hb-sub' },
      `Luvut laskettu ${updated.toLocaleString('fi-FI')} (päivittyvät enintään minuutin välein). `,
      'Asiat rajataan vireilletulokuukauden ja asiakkaan kotikunnan mukaan.'),
    h('div', { class: 'hb-tiles' },
      tile('HB-asioita', String(cases.total), 'cases-total'),
      tile('Kesken', num(cases.open), 'cases-open'),
      tile('Päättyneitä', num(cases.ended), 'cases-ended'),
      tile('Myönnetyt budjetit (kausi)', money(budget.grantedCents), 'budget-granted'),
      tile('Käytetty', money(budget.usedCents), 'budget-used'),
      tile('Tyytyväisyys (1–5)', satisfaction.mean === null ? '–' : decimal.format(satisfaction.mean), 'satisfaction-mean')),

    h('h3', {}, 'Keskeneräiset asiat vaiheittain'),
    bars(figures.openByStep, { figure: 'open-by-step' }),

    h('h3', {}, 'Läpimenoajat ja lakisääteiset määräajat'),
    clockTable(figures.clocks),
    h('p', { class: 'hb-note' }, 'Läpimenoaika on kalenteripäivinä vireilletulosta tapahtuman ensimmäiseen kirjattuun ',
      'päivään; oikaisuvaatimuksen käsittelyssä viimeisimmän vaatimuksen saapumisesta sen ratkaisuun. Lapsen arvioinnin ',
      'valmistuminen ja oikaisuvaatimuksen käsittely lasketaan vain asioista, joissa määräaika on. Myöhässä: tapahtuma ',
      'eräpäivän jälkeen, määräaikavalvonnan kirjaama ylitys tai keskeneräinen asia, jonka eräpäivä on ohi. Osuus ',
      'lasketaan ajoissa tai myöhässä olevista.'),

    h('h3', {}, 'Vanhan lain mukaiset päätökset (siirtymäaika)'),
    h('div', { class: 'hb-tiles', 'data-hb-figure': 'transition' },
      tile('Keskeneräisiä asioita, joissa vanhan lain päätös', num(figures.transition.open), 'transition-open'),
      tile('Uusi päätös 90 päivän sisällä tai myöhässä', num(figures.transition.dueSoon), 'transition-due-soon'),
      tile('Myöhässä', num(figures.transition.past), 'transition-past')),
    h('p', { class: 'hb-note' }, 'Päätös on tehty vammaispalvelulain 380/1987 tai kehitysvammalain 519/1977 mukaan, ja ',
      'asiassa on tehtävä uusi päätös eräpäivään mennessä (vanhan lain päätös on voimassa enintään kolme vuotta uuden lain ',
      'voimaantulosta 1.1.2025: vammaispalvelulaki 675/2023 42 § 3 mom).'),

    h('h3', {}, 'Oikaisuvaatimukset'),
    h('div', { class: 'hb-tiles', 'data-hb-figure': 'rectification' },
      tile('Vaatimuksia', num(rectification.requests), 'rectification-requests'),
      tile('Käsittelyssä', num(rectification.pending), 'rectification-pending'),
      tile('Hyväksytty (uusi päätös)', num(rectification.upheld), 'rectification-upheld'),
      tile('Hylätty', num(rectification.rejected), 'rectification-rejected')),

    h('h3', {}, 'Budjetit: myönnetty ja käytetty'),
    h('p', {}, `${num(budget.grantedCases)} myönnettyä HB-päätöstä, vuosibudjetit yhteensä ${money(budget.annualCents)}; `,
      `käytetty ${money(budget.usedCents)} / ${money(budget.grantedCents)} (${share(budget.useShare)}).`),
    budgetChart(budget),

    h('h3', {}, 'Valitut tukimallit'),
    bars(figures.supportModels, { figure: 'support-models' }),

    h('h3', {}, 'Asiakastyytyväisyys (selkokielinen palaute)'),
    h('p', {}, satisfaction.responses === 0 ? 'Ei vielä palautteita.'
      : `${num(satisfaction.responses)} asiakkaan viimeisin palaute, keskiarvo ${decimal.format(satisfaction.mean)} / 5.`),
    bars(Object.entries(satisfaction.distribution).map(([score, count]) => ({ key: score, label: `${score}`, count })),
      { figure: 'satisfaction' }),

    h('h3', {}, 'Asiat tuloksittain'),
    bars(cases.outcomes, { figure: 'outcomes' }),

    h('h3', {}, 'Asiat vireilletulokuukausittain'),
    monthColumns(figures.byMonth),

    h('h3', {}, 'Asiat kunnittain'),
    bars(figures.byMunicipality, { figure: 'by-municipality' })
  ];
}

function renderPage(node, api) {
  addStyle();
  const section = h('section', { id: 'hb-dashboard', 'aria-busy': 'true' }, h('h2', {}, 'HB-mittaristo'));
  const status = h('p', { 'data-hb-loading': true }, 'Ladataan…');
  const body = h('div', {});
  section.append(status, body);
  node.appendChild(section);
  let filter = {};
  let latest = 0;

  const show = async () => {
    const request = ++latest;
    section.setAttribute('aria-busy', 'true');
    try {
      const figures = await load(api, filter);
      if (request !== latest) {
        return;
      }
      body.replaceChildren(filters(figures, filter, next => {
        filter = next;
        show();
      }), ...content(figures));
      status.remove();
    } catch (e) {
      if (request !== latest) {
        return;
      }
      status.remove();
      body.replaceChildren(h('p', { class: 'hb-error', role: 'alert', 'data-hb-error': true }, e.message));
    } finally {
      if (request === latest) {
        section.setAttribute('aria-busy', 'false');
      }
    }
  };
  show();
}

function renderTile(node, api) {
  addStyle();
  load(api, {}).then(figures => {
    node.appendChild(h('div', { class: 'hb-dashboard-tile' },
      h('span', { class: 'hb-value' }, num(figures.cases.open)), 'keskeneräistä HB-asiaa, ',
      h('span', { class: 'hb-value' }, num(figures.cases.total)), 'yhteensä. ',
      h('a', { href: `#${ROUTE}` }, 'Avaa HB-mittaristo')));
  }).catch(() => {
    // not allowed (or not available): no tile
  });
}

export default [
  {
    id: 'hb-dashboard',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: 'HB-mittaristo' },
    render: (node, { api }) => renderPage(node, api)
  },
  {
    id: 'hb-dashboard-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE, label: 'HB-mittaristo' },
    checkActive: url => url.indexOf(`#${ROUTE}`) > -1,
    render: node => {
      node.appendChild(h('a', { href: `#${ROUTE}` }, 'HB-mittaristo'));
    }
  },
  {
    id: 'hb-dashboard-tile',
    pluginPoint: 'cockpit.dashboard',
    priority: 5,
    properties: { label: 'HB-mittaristo' },
    render: (node, { api }) => renderTile(node, api)
  }
];
