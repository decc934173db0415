// HB Flow: carries one HB case through the real Camunda 7.24 Tasklist, form by form, as the workers would.
//
//   npm install playwright-core            (Chromium itself is not downloaded: Debian's /usr/bin/chromium is used)
//   BASE_URL=http://localhost:8181 SHOTS_DIR=./shots node tasklist-e2e.mjs
//
// Environment:
//   BASE_URL   the application (default http://localhost:8181)
//   SHOTS_DIR  where a screenshot of every form is written (default ./shots)
//   PASSWORD   password of the demo users (default demo)
//   ADMIN      admin user for REST look-ups and for firing timers (default demo)
//   CHROMIUM   Chromium executable (default /usr/bin/chromium)
//   LOCALE     browser language (default fi-FI; the date picker's format follows it)
//   HEADED=1   show the browser; SLOW_MO=ms slows every action down
//
// Only what a worker does is used: log in, Start process, click the filter and the task, Claim, fill the fields with
// the keyboard and the mouse, click Start/Complete. Never Save. REST is used only to wait for the asynchronous steps,
// to let time pass (the rectification window and the follow-up date are timers, fired here as the admin) and to
// check the end: the case is completed and every text typed reached the case unchanged.
// Wrong input is tried on the way (bad henkilötunnus, absurd amounts, a plan over budget, a too short justification,
// an ending without a reason): each must be refused, and what the worker saw is recorded.
// Exit code 0 = the case went through; 1 otherwise. A Markdown summary table is printed at the end.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const BASE_URL = (process.env.BASE_URL || 'http://localhost:8181').replace(/\/$/, '');
const SHOTS_DIR = process.env.SHOTS_DIR || './shots';
const PASSWORD = process.env.PASSWORD || 'demo';
const ADMIN = process.env.ADMIN || 'demo'; // only for read-only look-ups and for firing timers (see passTimeUntil)
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LOCALE = process.env.LOCALE || 'fi-FI'; // the workers' browsers are Finnish
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;

const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const CLIENT = `Testi Asiakas ${RUN}`;
const VALID_HETU = '010594Y9021';
const INVALID_HETU = '010594Y9022'; // right format, wrong check character

const today = new Date();
const TODAY = isoDate(today);

mkdirSync(SHOTS_DIR, { recursive: true });

// ---------------------------------------------------------------------------------------------------------------
// Result bookkeeping

const results = []; // { step, rendered, completable, refusals: [], notes: [] }
let current = null;
let shotNo = 0;
const t0 = Date.now();

function beginStep(step) {
  current = { step, rendered: '?', completable: '?', refusals: [], notes: [], started: Date.now() };
  results.push(current);
  log(`\n=== ${step}`);
}
function note(text) {
  current.notes.push(text);
  log(`  note: ${text}`);
}
function refusal(what, shown) {
  current.refusals.push(`${what} → ${shown}`);
  log(`  refusal: ${what} → ${shown}`);
}
function log(text) {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${text}`);
}
function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
/**
 * Writes an ISO date the way the date picker's placeholder asks. form-js takes the format from the browser's
 * language: "dd.mm.yyyy" in a Finnish browser, "mm/dd/yyyy" in an American one.
 */
function asPlaceholder(iso, placeholder) {
  const [y, m, d] = iso.split('-');
  return placeholder.toLowerCase().replace('yyyy', y).replace('mm', m).replace('dd', d);
}

// ---------------------------------------------------------------------------------------------------------------
// Browser and Tasklist helpers

let browser;
let page;

async function launch() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    slowMo: Number(process.env.SLOW_MO || 0),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'].filter(
      (a) => a !== '--headless' || !process.env.HEADED),
  });
}

async function login(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: LOCALE });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  await page.goto(TASKLIST);
  const username = page.locator('form input[type=text]'); // the 7.24 login input has no name attribute
  const password = page.locator('form input[type=password]');
  await password.waitFor();
  await page.waitForLoadState('networkidle');
  await username.fill(user);
  await password.fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.getByText('Start process').first().waitFor();
  log(`  logged in as ${user}`);
}

/** Ends the worker's browser session (each step is a fresh login, as another worker or another day). */
async function logout() {
  if (page) await page.context().close();
  page = null;
}

/**
 * Screenshot of the whole page with the whole form: Tasklist scrolls the task pane (and the start dialog) inside the
 * page, so the viewport is made tall enough for the longest scrolled pane while the picture is taken.
 */
async function shot(name) {
  shotNo += 1;
  const file = join(SHOTS_DIR, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  const size = page.viewportSize();
  const extra = await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('*')]
    .filter((e) => /(auto|scroll)/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight)
    .map((e) => e.scrollHeight - e.clientHeight)));
  if (extra > 0) await page.setViewportSize({ width: size.width, height: Math.min(size.height + extra + 40, 8000) });
  await page.waitForTimeout(500); // form-js shows field errors after its input debounce
  await page.screenshot({ path: file, fullPage: true });
  if (extra > 0) await page.setViewportSize(size);
  log(`  screenshot ${file}`);
  return file;
}

/** The form-js form currently shown (start dialog or task). */
function form() {
  return page.locator('.fjs-form').last();
}
/** A form-js input by component id: form-js renders it as id "fjs-form-<random>-<componentId>". */
function field(componentId, suffix = '') {
  return form().locator(`[id$="-${componentId}${suffix}"]`);
}

async function waitForForm() {
  await form().waitFor();
  await page.waitForTimeout(300); // form-js renders the text templates right after the form element
  const failure = page.locator('.alert-danger:visible', { hasText: 'Form failure' });
  if (await failure.count()) {
    throw new Error(`Form failure: ${(await failure.first().innerText()).trim()}`);
  }
}

const typed = {}; // variable name → the text the worker typed last (checked against the case at the end)

async function typeText(componentId, value) {
  typed[componentId.replace(/^Field_/, '')] = String(value);
  const input = field(componentId);
  await input.click();
  await input.fill('');
  await input.pressSequentially(String(value), { delay: 5 });
}

async function chooseSelect(componentId, optionLabel) {
  await field(componentId, '-display').click();
  const item = form().locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first();
  await item.click();
}

async function chooseRadio(componentId, optionLabel) {
  const group = form().locator(`.fjs-form-field-radio:has([id*="-${componentId}-"])`);
  await group.locator('label', { hasText: optionLabel }).first().click();
}

async function tickCheckbox(componentId) {
  await field(componentId).check();
}

/** Ticks one option of a checklist by its label (leaves it ticked when an earlier answer already is). */
async function tickChecklist(componentId, optionLabel) {
  const group = form().locator(`.fjs-form-field-checklist:has([id*="-${componentId}-"])`);
  await group.getByRole('checkbox', { name: optionLabel }).first().check();
}

/** The client-work evaluation (SOPIVA) that the suitability and every review carry. */
async function evaluate(workerView) {
  await tickChecklist('Field_arvio_toimintarajoitteet', 'Liikkuminen');
  await tickChecklist('Field_arvio_hyodyt', 'Asiakas päättää itse enemmän');
  await typeText('Field_arvio_tyontekijanNakemys', workerView);
  delete typed.arvio_tyontekijanNakemys; // kept in the case's list of evaluations (arvioinnit), the field is emptied
}

/** Types the date in the format the picker's placeholder shows, then Enter (takes the date, closes the calendar). */
async function typeDate(componentId, iso) {
  const input = field(componentId, '-date');
  const text = asPlaceholder(iso, (await input.getAttribute('placeholder')) || 'mm/dd/yyyy');
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 5 });
  await input.press('Enter');
  const shown = await input.inputValue();
  const unpadded = (t) => t.replace(/\b0(\d)/g, '$1');
  if (unpadded(shown) !== unpadded(text)) note(`date field ${componentId} shows "${shown}" after typing "${text}"`);
}

/** Labels and radio options that do not fit their column (cut off without a line break). */
async function truncatedTexts() {
  return form().locator('label, .fjs-form-field-label').evaluateAll((els) => els
    .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
    .map((e) => e.textContent.trim()));
}

/** Visible form-js validation messages (field errors under the inputs). */
async function fieldErrors() {
  return (await form().locator('.fjs-form-field-error:visible').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** Texts of the Tasklist notifications now shown (errors of Start/Complete appear there). */
async function notifications() {
  const texts = await page.locator('.notifications .alert:visible').allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').replace(/^×\s*(Close\s*)?/, '').trim());
}

/** Closes the notifications still shown, so that the next submit's messages are told apart. */
async function dismissNotifications() {
  for (const close of await page.locator('.notifications .alert:visible button.close:visible').all()) {
    await close.click({ timeout: 1000 }).catch(() => {});
  }
}

// ---- start dialog

async function openStartForm() {
  await page.getByText('Start process').first().click();
  await page.locator('.modal ul.processes a', { hasText: 'HB-palveluprosessi' }).click();
  await waitForForm();
}

function startButton() {
  return page.locator('.modal-footer button', { hasText: 'Start' });
}

// ---- tasks

/**
 * Opens a task of our case as the worker does: click the group filter, then the task in the list. The list cannot
 * tell cases apart by client for a worker (see the report), so the task is recognised by its link, whose id the test
 * got read-only from REST. Polls a while, because the list refreshes itself only periodically.
 */
async function openTask(filterName, task) {
  const filter = page.locator('[cam-tasklist-filters] .task-filter', { hasText: filterName }).first();
  const link = page.locator(`.tasks-list li.task a[href$="task=${task.id}"]`).first();
  for (let i = 0; ; i++) {
    await filter.click();
    try {
      await link.waitFor({ timeout: 3000 });
      break;
    } catch {
      if (i === 10) throw new Error(`task "${task.name}" (${task.id}) not in filter "${filterName}"`);
      await page.reload();
    }
  }
  const card = page.locator('.tasks-list li.task', { has: page.locator(`a[href$="task=${task.id}"]`) });
  const cardText = (await card.innerText()).replace(/\s+/g, ' ');
  if (!cardText.includes(CLIENT)) note(`task list card does not show the client: "${cardText.slice(0, 120)}"`);
  await link.click();
  await page.locator('.task-details').waitFor();
}

/** Records layout problems a worker would see in the form now shown. */
async function checkLayout() {
  const cut = await truncatedTexts();
  if (cut.length) note(`cut-off labels: ${cut.map((t) => `"${t}"`).join(', ')}`);
}

async function claim() {
  const claimButton = page.locator('.task-details button, .task-details a', { hasText: /^\s*Claim\s*$/ }).first();
  await claimButton.click();
  await claimButton.waitFor({ state: 'hidden' });
  await waitForForm();
}

function completeButton() {
  return page.locator('.task-details button', { hasText: /^\s*Complete\s*$/ }).first();
}

/**
 * Whether the button can be clicked. form-js applies typed input after a short debounce and Tasklist re-validates
 * after that, so the button is given up to `settleMs` to become enabled (a person is slower than that anyway).
 */
async function isEnabled(button, settleMs = 3000) {
  try {
    await button.waitFor({ state: 'visible', timeout: 5000 });
  } catch {
    return false;
  }
  const end = Date.now() + settleMs;
  while (!(await button.isEnabled())) {
    if (Date.now() > end) return false;
    await page.waitForTimeout(100);
  }
  return true;
}

/**
 * Clicks the button and waits until either Tasklist shows a notification or `gone` (the form) disappears.
 * Returns { ok, disabled, messages }: ok = the form went away and no error was shown.
 */
async function submit(button, gone) {
  await dismissNotifications();
  await page.waitForTimeout(500); // form-js applies the last keystrokes after a debounce; a person pauses anyway
  if (!(await isEnabled(button))) {
    return { ok: false, disabled: true, messages: await fieldErrors() };
  }
  await button.click();
  const alert = page.locator('.notifications .alert:visible').first();
  await Promise.race([
    alert.waitFor({ timeout: 15000 }),
    gone.waitFor({ state: 'detached', timeout: 15000 }),
  ]).catch(() => {});
  await page.waitForTimeout(300);
  const messages = await notifications();
  const failed = messages.some((m) => /Lomaketta ei voitu|could not|error|failure|virhe/i.test(m));
  const stillThere = await gone.count() > 0;
  return { ok: !stillThere && !failed, disabled: false, messages };
}

/** Complete of a task form (never Save first). */
async function complete() {
  return submit(completeButton(), page.locator('.task-details .fjs-form'));
}

/** Start of the start dialog. */
async function startCase() {
  return submit(startButton(), page.locator('.modal .fjs-form'));
}

// ---- REST: read-only look-ups, and the clock

async function rest(path, method = 'GET', body = undefined) {
  const res = await fetch(`${BASE_URL}/engine-rest${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${ADMIN}:${PASSWORD}`).toString('base64')}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** The case (hb-palveluprosessi instance) of this run, found by the client's name. */
async function caseInstance() {
  const list = await rest('/history/process-instance?processDefinitionKey=hb-palveluprosessi'
    + `&variables=asiakasNimi_eq_${encodeURIComponent(CLIENT)}`);
  return list[0];
}

/**
 * Waits for a task of the case, also in called processes (they share the case's business key), until the async
 * steps before it (budget calculation, decision document) have run. Fails at once on an incident.
 */
async function waitForTaskOfCase(taskKey, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const pi = await caseInstance();
    if (pi) {
      const tasks = await rest(`/task?processInstanceBusinessKey=${pi.businessKey}&taskDefinitionKey=${taskKey}`);
      if (tasks.length) return tasks[0];
      const incidents = await rest(`/incident?processInstanceId=${pi.id}`);
      if (incidents.length) throw new Error(`incident at ${incidents[0].activityId}: ${incidents[0].incidentMessage}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no ${taskKey} task for ${CLIENT} within ${timeoutMs} ms`);
}

/**
 * Lets time pass for one timer of the case: the timer job at `activityId` is executed now (as the admin, through
 * REST). Used for the waits no worker can shorten: the 30-day rectification window and the follow-up date.
 */
async function passTimeUntil(activityId, timeoutMs = 30000) {
  const pi = await caseInstance();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await rest(`/job?processInstanceId=${pi.id}&activityId=${activityId}&timers=true`);
    if (jobs.length) {
      log(`  clock: timer ${activityId} (due ${jobs[0].dueDate}) fired now`);
      await rest(`/job/${jobs[0].id}/execute`, 'POST');
      return jobs[0].dueDate;
    }
    if (Date.now() > end) throw new Error(`no timer ${activityId} in the case`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

/** Runs a task step: waits for the task, logs in, opens, claims, screenshots, lets `fill` do the rest. */
async function taskStep(title, { user, filter, taskKey }, fill) {
  beginStep(title);
  try {
    const task = await waitForTaskOfCase(taskKey);
    await login(user);
    await openTask(filter, task);
    await claim();
    current.rendered = 'yes';
    await checkLayout();
    await fill();
  } catch (e) {
    if (current.rendered === '?') current.rendered = `NO (${e.message.split('\n')[0]})`;
    else note(`ERROR: ${e.message.split('\n')[0]}`);
    if (!page) {
      // the task never came: show what the worker sees in the group's list instead
      await login(user).then(() => page.locator('[cam-tasklist-filters] .task-filter', { hasText: filter }).first()
        .click()).catch(() => {});
    }
    if (page) await shot(`${taskKey}-error`).catch(() => {});
    throw e;
  } finally {
    await logout();
    log(`  step took ${((Date.now() - current.started) / 1000).toFixed(1)} s`);
  }
}

/**
 * Tries a submit that the worker should not get through; records what was shown, takes a screenshot, and closes
 * the message as the worker must (Tasklist's message box lies over the bottom of the form and the Complete button).
 */
async function expectRefusal(what, submit, shotName) {
  const r = await submit();
  if (r.ok) {
    refusal(what, 'ACCEPTED (should have been refused)');
    throw new Error(`${what}: accepted`);
  }
  const shown = r.disabled
    ? `button disabled; field errors: ${r.messages.join(' | ') || '(none visible)'}`
    : (r.messages.join(' | ') || '(nothing shown)');
  refusal(what, shown);
  if (shotName) await shot(shotName);
  await dismissNotifications();
  return r;
}

async function expectSuccess(submit) {
  const r = await submit();
  if (!r.ok) {
    current.completable = r.disabled ? `NO: button disabled (${r.messages.join(' | ') || 'no visible error'})`
      : `NO: ${r.messages.join(' | ')}`;
    throw new Error(`could not complete: ${current.completable}`);
  }
  current.completable = 'yes';
  if (r.messages.length) note(`after completing: ${r.messages.join(' | ')}`);
}

async function stepStart() {
  beginStep('1. Vireilletulo (start form)');
  try {
    await login('sosiaalityontekija');
    await openStartForm();
    current.rendered = 'yes';
    await checkLayout();
    await shot('vireilletulo-empty');
    await typeText('Field_asiakasNimi', CLIENT);
    await typeText('Field_henkilotunnus', '010594-902');
    await chooseSelect('Field_kotikunta', 'Lappeenranta');
    await typeText('Field_puhelin', '040 123 4567');
    await typeDate('Field_vireilletulopaiva', TODAY);
    await typeText('Field_osoite', 'Koulukatu 1, 53100 Lappeenranta');
    await typeText('Field_tavallisetPalvelutEivatSovi',
      'Asiakas tarvitsee apua iltaisin ja viikonloppuisin; palveluasumisen aikataulut eivät sovi opiskeluun.');
    await typeText('Field_nykyisetPalvelut', 'henkilökohtainen apu 20 h/kk');
    await expectRefusal('henkilötunnus 010594-902 (one digit missing)', startCase, 'vireilletulo-hetu-format-refused');
    await typeText('Field_henkilotunnus', INVALID_HETU);
    const r = await expectRefusal(`henkilötunnus ${INVALID_HETU} (wrong check character)`, startCase,
      'vireilletulo-invalid-hetu-refused');
    if (!r.messages.some((m) => m.includes('Lomaketta ei voitu tallentaa'))) note('the Finnish refusal was not shown');

    await typeText('Field_henkilotunnus', VALID_HETU);
    await expectSuccess(startCase);
    const pi = await caseInstance();
    note(`case started: business key ${pi && pi.businessKey}`);
  } finally {
    await logout();
  }
}

async function stepAssessment() {
  await taskStep('2. Palvelutarpeen arviointi', {
    user: 'sosiaalityontekija', filter: 'HB: Sosiaalityö', taskKey: 'Task_Arviointi',
  }, async () => {
    await shot('arviointi-empty');
    const length = await field('Field_budjettikaudenPituusKk').inputValue();
    if (length !== '12') note(`budjettikauden pituus default shown as "${length}"`);
    await typeDate('Field_arvioinninAloituspaiva', TODAY);
    await chooseRadio('Field_oikeusVammaispalveluihin', 'Kyllä');
    await typeText('Field_arvioinninYhteenveto',
      'Asiakas tarvitsee henkilökohtaista apua opiskeluun ja vapaa-aikaan sekä kuljetuksia harrastuksiin.');
    await typeText('Field_tarve_HENKILOKOHTAINEN_APU', '-40');
    await typeText('Field_tarve_KULJETUSPALVELU', '18');
    await typeDate('Field_budjettikaudenAlku', '2026-07-01');
    await expectRefusal('henkilökohtainen apu -40 h/kk', complete, 'arviointi-negative-amount');
    await typeText('Field_tarve_HENKILOKOHTAINEN_APU', '100000');
    await expectRefusal('henkilökohtainen apu 100000 h/kk', complete, 'arviointi-absurd-amount');
    await typeText('Field_tarve_HENKILOKOHTAINEN_APU', '40');
    await shot('arviointi-filled');
    await expectSuccess(complete);
  });
}

async function stepSuitability() {
  await taskStep('3. HB:n soveltuvuus', {
    user: 'sosiaalityontekija', filter: 'HB: Sosiaalityö', taskKey: 'Task_Soveltuvuus',
  }, async () => {
    await shot('soveltuvuus-empty');
    await chooseRadio('Field_hbSoveltuu', 'Kyllä');
    await chooseRadio('Field_nykyistaVoiMuokata', 'Ei');
    await typeText('Field_soveltuvuudenPerustelut',
      'Asiakas haluaa itse valita avustajansa ja ajat; tavanomainen palvelu ei jousta.');
    await evaluate('HB sopii: asiakas suunnittelee itse ja tukea on saatavilla.');
    await shot('soveltuvuus-filled');
    await expectSuccess(complete);
  });
}

async function stepSupportChoice() {
  await taskStep('4. HB-tuen valinta', {
    user: 'palveluohjaaja', filter: 'HB: Palveluohjaus', taskKey: 'Task_TuenValinta',
  }, async () => {
    await shot('tuen-valinta-empty');
    await chooseSelect('Field_tukimalli', 'Läheiset');
    await typeText('Field_tukijanNimi', 'Maija Meikäläinen (äiti)');
    await typeText('Field_tukijanYhteystiedot', '040 765 4321');
    await tickCheckbox('Field_suostumusTietojenLuovutukseen');
    await typeText('Field_tuenSisalto', 'Tukisuunnitelman laatiminen ja palveluntuottajien vertailu.');
    await shot('tuen-valinta-filled');
    await expectSuccess(complete);
  });
}

async function stepSupportPlan() {
  await taskStep('5. Tukisuunnitelma (after the async budget calculation)', {
    user: 'sosiaalityontekija', filter: 'HB: Sosiaalityö', taskKey: 'Task_Tukisuunnitelma',
  }, async () => {
    await shot('tukisuunnitelma-empty');
    const breakdown = form().locator('.fjs-form-field-text', { hasText: 'Budjetin erittely' });
    const items = await breakdown.locator('li').allInnerTexts();
    if (items.length) note(`budget breakdown is a list of ${items.length}: ${items.join(' / ')}`);
    else note(`budget breakdown is NOT a list: "${(await breakdown.innerText()).replace(/\s+/g, ' ').slice(0, 200)}"`);
    const summary = await form().locator('.fjs-form-field-text', { hasText: 'Budjetti yhteensä' }).innerText();
    note(`summary: ${summary.replace(/\s+/g, ' ').slice(0, 200)}`);

    const rowsShown = async () => form().locator('.fjs-form-field-group:visible').count();
    note(`plan rows shown before typing: ${await rowsShown()}`);
    await typeText('Field_suunnitelma1Mita', 'Henkilökohtainen apu 40 h/kk');
    await typeText('Field_suunnitelma1Tuottaja', 'Avustajapalvelu Oy');
    await typeText('Field_suunnitelma1EuroaKk', '2 500 €');
    await expectRefusal('€/kk typed as "2 500 €"', complete, 'tukisuunnitelma-money-format-refused');
    await typeText('Field_suunnitelma1EuroaKk', '2500');
    await typeText('Field_tukisuunnitelmanTavoitteet', 'Asiakas opiskelee ja harrastaa itsenäisesti.');
    await expectRefusal('plan 2500 €/kk (over budget)', complete, 'tukisuunnitelma-over-budget-refused');

    await typeText('Field_suunnitelma1EuroaKk', '1500');
    await typeText('Field_suunnitelma2Mita', 'Kuljetuspalvelu 18 matkaa/kk');
    await typeText('Field_suunnitelma2Tuottaja', 'Taksi Etelä-Karjala');
    await typeText('Field_suunnitelma2EuroaKk', '300');
    await page.waitForTimeout(500);
    note(`plan rows shown after filling two: ${await rowsShown()}`);
    await shot('tukisuunnitelma-filled');
    await expectSuccess(complete);
  });
}

/** The decision maker's group comes from the delegation rules (hb-delegointisaannot); a small budget → sosiaalityo. */
async function stepDecision() {
  const task = await waitForTaskOfCase('Task_Paatos');
  const links = await rest(`/task/${task.id}/identity-links`);
  const groups = links.filter((l) => l.type === 'candidate' && l.groupId).map((l) => l.groupId);
  const byGroup = {
    sosiaalityo: ['sosiaalityontekija', 'HB: Sosiaalityö'],
    'johtavat-sosiaalityontekijat': ['johtava', 'HB: Johtavat sosiaalityöntekijät'],
    yksilojaosto: ['jaosto', 'HB: Yksilöjaosto'],
  };
  if (!byGroup[groups[0]]) throw new Error(`Task_Paatos for unexpected groups ${groups.join(', ')}`);
  const [user, filter] = byGroup[groups[0]];
  await taskStep(`6. Päätös (candidate group ${groups.join(', ')})`, { user, filter, taskKey: 'Task_Paatos' }, async () => {
    await shot('paatos-empty');
    for (const heading of ['Budjetin erittely', 'Asiakkaan tukisuunnitelma']) {
      const block = form().locator('.fjs-form-field-text', { hasText: heading });
      const li = await block.locator('li').count();
      note(`${heading}: ${li ? `list of ${li}` : `NOT a list: "${(await block.innerText()).replace(/\s+/g, ' ').slice(0, 160)}"`}`);
    }
    const text = (await form().innerText()).replace(/\s+/g, ' ');
    const odd = text.match(/.{0,40}(\[object|undefined|\bnull\b|\{\{).{0,40}/);
    if (odd) note(`suspicious text in the form: "${odd[0]}"`);
    await chooseRadio('Field_paatos', 'Myönnetään');
    await typeDate('Field_paatospaiva', TODAY);
    await expectRefusal('empty justification', complete, 'paatos-empty-justification-refused');
    await typeText('Field_paatoksenPerustelut', 'Liian lyhyt');
    await expectRefusal('justification of 11 characters', complete, 'paatos-short-justification-refused');
    await typeText('Field_paatoksenPerustelut',
      'Budjetti vastaa arvioituihin tarpeisiin: henkilökohtainen apu ja kuljetuspalvelu.');
    await shot('paatos-filled');
    await expectSuccess(complete);
  });
}

async function stepNotification() {
  await taskStep('7. Tiedoksianto', {
    user: 'sosiaalityontekija', filter: 'HB: Sosiaalityö', taskKey: 'Task_Tiedoksianto',
  }, async () => {
    await shot('tiedoksianto-empty');
    await typeDate('Field_tiedoksiantopaiva', TODAY);
    await chooseSelect('Field_tiedoksiantotapa', 'Sähköinen');
    if (await field('Field_oikaisuvaatimusSaapui', '-0').count()) await chooseRadio('Field_oikaisuvaatimusSaapui', 'Ei');
    await shot('tiedoksianto-filled');
    await expectSuccess(complete);
  });
}

/**
 * The rectification window: a task waits in the group's list until the window closes (a timer). Nobody completes it
 * when no rectification request arrives; the test only checks that it renders, then lets the 30 days pass.
 */
async function stepRectificationWindow() {
  beginStep('8. Oikaisuvaatimusaika (no request: the window closes)');
  const task = await waitForTaskOfCase('Task_OikaisuvaatimusAika');
  try {
    await login('sosiaalityontekija');
    await openTask('HB: Sosiaalityö', task);
    await claim();
    current.rendered = 'yes';
    await shot('oikaisuvaatimusaika');
    const text = (await form().innerText()).replace(/\s+/g, ' ');
    note(`form says: "${text.slice(0, 260)}"`);
    current.completable = 'not completed (no request): window closed by the timer';
  } finally {
    await logout();
  }
  await passTimeUntil('Boundary_OikaisuaikaPaattyi');
}

async function stepImplementation() {
  await taskStep('9. Toteutus', {
    user: 'palveluohjaaja', filter: 'HB: Palveluohjaus', taskKey: 'Task_Toteutus',
  }, async () => {
    await shot('toteutus-empty');
    const labels = await form().locator('.fjs-form-field-group:visible').evaluateAll(
      (groups) => groups.map((g) => (g.querySelector('label, legend') || {}).textContent || '?'));
    note(`plan rows shown: ${labels.length} (${labels.join(' / ')})`);
    await chooseSelect('Field_suunnitelma1Jarjestamistapa', 'Työnantajamalli');
    await chooseSelect('Field_suunnitelma2Jarjestamistapa', 'Palveluseteli');
    await typeDate('Field_toteutuksenAloituspaiva', TODAY);
    await shot('toteutus-filled');
    await expectSuccess(complete);
  });
}

async function stepFollowUpContinue() {
  await passTimeUntil('Timer_Seurantapaiva');
  await taskStep('10a. Seuranta → jatketaan', {
    user: 'sosiaalityontekija', filter: 'HB: Sosiaalityö', taskKey: 'Task_Seuranta',
  }, async () => {
    await shot('seuranta-empty');
    await typeDate('Field_seurantapaiva', TODAY);
    await typeText('Field_seurannanHavainnot', 'Budjetti käytetty suunnitelman mukaan; asiakas tyytyväinen.');
    await evaluate('Budjetti toimii; asiakas päättää itse avustajistaan.');
    await tickCheckbox('Field_palaute_eiHalua');
    await chooseRadio('Field_seurannanTulos', 'jatkuu');
    await shot('seuranta-jatketaan-filled');
    await expectSuccess(complete);
  });
}

async function stepFollowUpEnd() {
  await passTimeUntil('Timer_Seurantapaiva');
  await taskStep('10b. Seuranta → päätetään (muutto)', {
    user: 'sosiaalityontekija', filter: 'HB: Sosiaalityö', taskKey: 'Task_Seuranta',
  }, async () => {
    await typeDate('Field_seurantapaiva', TODAY);
    await typeText('Field_seurannanHavainnot', 'Asiakas muuttaa toiselle paikkakunnalle.');
    await evaluate('HB päättyy muuton vuoksi; järjestely toimi hyvin.');
    await tickCheckbox('Field_palaute_eiHalua');
    await chooseRadio('Field_seurannanTulos', 'päättyy');
    await expectRefusal('HB päättyy without a reason', complete, 'seuranta-no-reason-refused');
    await chooseSelect('Field_paattymisenSyy', 'Muutto');
    await shot('seuranta-paatetaan-filled');
    await expectSuccess(complete);
  });
  const pi = await caseInstance();
  const vars = await rest(`/history/variable-instance?processInstanceId=${pi.id}&variableName=hbTulos`);
  note(`case ${pi.businessKey}: state ${pi.state}, hbTulos=${vars[0] && vars[0].value}`);
  if (pi.state !== 'COMPLETED') throw new Error(`case not completed: ${pi.state}`);
}

/** Every text the workers typed must have reached the case exactly (the Tasklist once dropped leading characters). */
async function stepCheckTypedValues() {
  beginStep('11. What the workers typed is what the case holds');
  const pi = await caseInstance();
  const stored = {};
  for (const v of await rest(`/history/variable-instance?processInstanceId=${pi.id}&deserializeValues=false`)) {
    stored[v.name] = v.value;
  }
  const lost = Object.entries(typed)
    .filter(([name]) => name in stored || !/^tarve_/.test(name))
    .filter(([name, value]) => String(stored[name] ?? '') !== value && String(stored[name]) !== String(Number(value)));
  current.rendered = '–';
  if (lost.length) {
    current.completable = 'NO';
    for (const [name, value] of lost) note(`DATA LOSS in ${name}: typed "${value}", stored "${stored[name]}"`);
    throw new Error(`${lost.length} typed value(s) did not reach the case`);
  }
  current.completable = 'yes';
  note(`${Object.keys(typed).length} typed values checked`);
}

// ---------------------------------------------------------------------------------------------------------------

function printSummary(error) {
  console.log('\n| step | form rendered | Complete after normal filling | refusals: what the worker saw | notes |');
  console.log('|---|---|---|---|---|');
  for (const r of results) {
    const cell = (s) => String(s).replace(/\|/g, '\\|');
    console.log(`| ${cell(r.step)} | ${cell(r.rendered)} | ${cell(r.completable)} | ${cell(r.refusals.join('<br>') || '–')} | ${cell(r.notes.join('<br>') || '–')} |`);
  }
  console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(1)} s. ${error ? `FAILED: ${error.message}` : 'Case carried through.'}`);
}

let failure = null;
try {
  await launch();
  await stepStart();
  await stepAssessment();
  await stepSuitability();
  await stepSupportChoice();
  await stepSupportPlan();
  await stepDecision();
  await stepNotification();
  await stepRectificationWindow();
  await stepImplementation();
  await stepFollowUpContinue();
  await stepFollowUpEnd();
  await stepCheckTypedValues();
} catch (e) {
  failure = e;
  console.error(e);
} finally {
  if (browser) await browser.close();
  printSummary(failure);
}
process.exit(failure ? 1 : 0);
