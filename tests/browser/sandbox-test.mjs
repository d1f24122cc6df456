// Drives the HL7 CDS Hooks Sandbox in headless Chromium against the sample CDS Hooks host and the fake FHIR server,
// the way a clinician would: patient-view on load, the Rx View's medication picker (order-select on every change),
// Rx Sign (order-sign), and dismissing a card with an override reason (feedback). Checks what the browser saw:
// discovery read through CORS, the hook answers, the rendered cards, no dose or strength anywhere in a card.
//
//   node sandbox-test.mjs --sandbox URL --fhir URL --cds URL [--out DIR] [--jwt | --fetch --fhir-log FILE]
//
// --jwt: the host requires a JWT (every call must carry the sandbox's token and be accepted). --fetch: the host may read
// the fake FHIR server (AllowedFhirServers), so it fetches what the sandbox left out of prefetch.
//
// Every request the browser makes outside 127.0.0.1 is blocked (and listed), so nothing leaves the machine.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--')
    ? [...pairs, [a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]] : pairs), []),
);
const sandboxUrl = args.sandbox ?? 'http://127.0.0.1:5082/';
const fhirUrl = args.fhir ?? 'http://127.0.0.1:5081/fhir';
const cdsUrl = args.cds ?? 'http://127.0.0.1:5080/cds-services';
const outDir = path.resolve(args.out ?? 'out');
const label = args.jwt ? 'jwt' : args.fetch ? 'fetch' : 'open';
fs.mkdirSync(outDir, { recursive: true });

const onAzathioprine = 'pt-on-azathioprine-allopurinol';
const consideringAzathioprine = 'pt-tpmt-poor-allopurinol';
const prefetchGap = 'pt-prefetch-gap';
// Strengths and amounts: "50 MG", "50mg", "2.5 mg/kg", "{pill}", a dose quantity. None may appear in a card.
const doseText = /\d\s*(mg|mcg|µg|g|ml|mL|milligram)s?\b|\{pill\}|mg\/kg|doseQuantity|doseAndRate/i;

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok: Boolean(ok), detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} [${label}] ${name}${detail ? ` -- ${detail}` : ''}`);
}

const exchanges = [];
const blocked = [];
const consoleErrors = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
    // No name resolves except loopback: the sandbox's default FHIR server and services are never looked up.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
await context.route('**/*', (route) => {
  const { hostname } = new URL(route.request().url());
  if (hostname === '127.0.0.1') return route.continue();
  blocked.push(route.request().url());
  return route.abort('blockedbyclient');
});

const page = await context.newPage();
page.on('console', (msg) => {
  if (msg.type() === 'error') consoleErrors.push(msg.text());
});
page.on('response', async (response) => {
  const request = response.request();
  if (!request.url().startsWith(cdsUrl) || request.method() === 'OPTIONS') return;
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  let sent = null;
  try { sent = request.postDataJSON(); } catch { sent = request.postData(); }
  exchanges.push({
    method: request.method(),
    url: request.url(),
    status: response.status(),
    headers: response.headers(),
    request: sent,
    response: body,
    authorization: Boolean(request.headers().authorization),
  });
});

let mark = 0; // exchanges before this index belong to earlier steps
const hookCalls = (hook) => exchanges.slice(mark).filter((e) => e.method === 'POST' && e.request && e.request.hook === hook && !e.url.endsWith('/feedback'));
const cardsOf = (exchange) => (exchange && exchange.response && exchange.response.cards) || [];
const draftCodes = (exchange) => ((exchange.request.context.draftOrders || {}).entry || [])
  .flatMap((e) => (e.resource.medicationCodeableConcept || {}).coding || []).map((c) => c.code);

async function waitFor(predicate, what, timeout = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    if (predicate()) return true;
    await page.waitForTimeout(200);
  }
  console.log(`timed out waiting for ${what}`);
  return false;
}

async function open(patientId, hook, screen) {
  const query = new URLSearchParams({
    fhirServiceUrl: fhirUrl, patientId, serviceDiscoveryURL: cdsUrl, hook, screen,
  });
  await page.goto(`${sandboxUrl}?${query}`);
}

function checkCards(name, cards) {
  const invariants = cards.every((c) => typeof c.uuid === 'string' && c.uuid.length > 0
    && typeof c.summary === 'string' && c.summary.length < 140
    && ['info', 'warning', 'critical'].includes(c.indicator)
    && c.source && /Imuran/i.test(c.source.label) && c.source.topic && c.source.topic.code
    && !/<[a-z][\s\S]*>/i.test(c.detail || '')
    && !c.suggestions && !c.systemActions);
  check(`${name}: every card has uuid, summary < 140, indicator, source with topic, no HTML, no suggestions`, invariants);
  const dosed = cards.filter((c) => doseText.test(JSON.stringify(c)));
  check(`${name}: no dose or strength in any card`, dosed.length === 0, dosed.map((c) => c.summary).join(' | '));
}

async function renderedCardText() {
  // Card summaries are what the sandbox shows at the top of each card.
  return page.locator('body').innerText();
}

try {
  // 1. Patient-view, on load, for a patient who takes azathioprine (with allopurinol, TPMT poor).
  await open(onAzathioprine, 'patient-view', 'patient-view');
  const discovered = await waitFor(() => exchanges.some((e) => e.method === 'GET' && e.url === cdsUrl), 'discovery');
  const discovery = exchanges.find((e) => e.method === 'GET' && e.url === cdsUrl);
  check('discovery called by the sandbox', discovered && discovery.status === 200,
    discovery ? `${discovery.response.services.length} services` : 'not called');
  check('discovery answer carries CORS headers for the sandbox origin', discovery && discovery.headers['access-control-allow-origin'],
    discovery && discovery.headers['access-control-allow-origin']);
  // A script in the sandbox's page reads discovery itself (no token): CORS must let it see the answer, and with JWT
  // on, at least the 401's status (a missing CORS header would make fetch fail outright).
  const readable = await page.evaluate(async (url) => {
    try {
      const r = await fetch(url);
      return { status: r.status, services: r.status === 200 ? (await r.json()).services.length : 0 };
    } catch (e) { return { error: String(e) }; }
  }, cdsUrl);
  check(`discovery answer readable by script in the sandbox page (CORS)${args.jwt ? ': a bare 401 without a token' : ''}`,
    args.jwt ? readable.status === 401 : readable.status === 200 && readable.services >= 3, JSON.stringify(readable));

  await waitFor(() => hookCalls('patient-view').length > 0, 'patient-view call');
  const pv = hookCalls('patient-view').at(-1);
  check('patient-view called with prefetch filled by the sandbox', pv && pv.request.prefetch && pv.request.prefetch.patient,
    pv ? Object.keys(pv.request.prefetch || {}).join(',') : 'not called');
  check('patient-view answered 200', pv && pv.status === 200, pv && String(pv.status));
  const pvCards = cardsOf(pv);
  check('patient-view (takes azathioprine, TPMT poor, allopurinol): two or more critical cards',
    pvCards.filter((c) => c.indicator === 'critical').length >= 2, pvCards.map((c) => `${c.indicator}: ${c.summary}`).join(' | '));
  checkCards('patient-view', pvCards);
  if (pvCards.length) {
    await page.getByText(pvCards[0].summary, { exact: false }).first().waitFor({ timeout: 10000 }).catch(() => {});
    const text = await renderedCardText();
    check('patient-view cards rendered in the page', pvCards.every((c) => text.includes(c.summary)));
  }
  await page.screenshot({ path: path.join(outDir, `${label}-1-patient-view.png`), fullPage: false });
  await page.screenshot({ path: path.join(outDir, `${label}-1-patient-view.jpg`), type: 'jpeg', quality: 70 });

  // 2. Feedback: dismiss the first card with an override reason from its menu.
  if (pvCards.length) {
    const before = exchanges.length;
    await page.getByRole('button', { name: 'select dismiss reason' }).first().click();
    await page.getByRole('menuitem').first().click();
    await waitFor(() => exchanges.slice(before).some((e) => e.url.endsWith('/feedback')), 'feedback');
    const fb = exchanges.slice(before).find((e) => e.url.endsWith('/feedback'));
    check('feedback (overridden with a reason) accepted', fb && fb.status === 200,
      fb ? `${fb.status} ${JSON.stringify(fb.request.feedback[0].overrideReason || {})}` : 'not sent');

    // The plain Dismiss button: overridden without a reason.
    const beforePlain = exchanges.length;
    await page.getByRole('button', { name: 'Dismiss', exact: true }).first().click();
    await waitFor(() => exchanges.slice(beforePlain).some((e) => e.url.endsWith('/feedback')), 'feedback without a reason');
    const plain = exchanges.slice(beforePlain).find((e) => e.url.endsWith('/feedback'));
    check('feedback (overridden without a reason, the plain Dismiss button) accepted', plain && plain.status === 200,
      plain ? `${plain.status} ${JSON.stringify(plain.request.feedback[0])}` : 'not sent');
  }

  // 2b. Rx View for the patient who takes azathioprine, ordering allopurinol: the active azathioprine order counts.
  mark = exchanges.length;
  await page.getByRole('button', { name: 'Rx View' }).click();
  await page.locator('input[name="medication-input"]').fill('allopurinol 100');
  const allopurinol = page.getByRole('button', { name: 'Allopurinol 100 MG Oral Tablet', exact: true });
  await allopurinol.waitFor({ timeout: 10000 });
  await allopurinol.click();
  await waitFor(() => hookCalls('order-select').some((e) => draftCodes(e).includes('197319')), 'order-select with allopurinol');
  const allo = hookCalls('order-select').filter((e) => draftCodes(e).includes('197319')).at(-1);
  const alloCards = cardsOf(allo);
  check('order-select with allopurinol (RxNorm 197319) for a patient on azathioprine: the interaction card (critical)',
    allo && allo.status === 200 && alloCards.some((c) => c.indicator === 'critical' && /allopurinol/i.test(c.summary)),
    alloCards.map((c) => `${c.indicator}: ${c.summary}`).join(' | '));
  checkCards('order-select (allopurinol)', alloCards);

  // 2c. PAMA Imaging: order-select with a ServiceRequest draft (its empty study coding is sent as "coding": [{}]) for
  // the patient who takes azathioprine: a draft without a medicine answers {"cards": []}, not an error.
  mark = exchanges.length;
  await page.getByRole('button', { name: 'PAMA Imaging' }).click();
  await waitFor(() => hookCalls('order-select').some((e) => JSON.stringify(e.request.context.draftOrders || {}).includes('ServiceRequest')),
    'order-select with a ServiceRequest draft');
  const pama = hookCalls('order-select').filter((e) => JSON.stringify(e.request.context.draftOrders || {}).includes('ServiceRequest')).at(-1);
  check('order-select from PAMA Imaging (ServiceRequest draft, no medicine): 200 {"cards": []}',
    pama && pama.status === 200 && JSON.stringify(pama.response) === '{"cards":[]}', pama && `${pama.status} ${JSON.stringify(pama.response)}`);

  // 3. Patient-view for a patient not taking azathioprine: no cards.
  mark = exchanges.length;
  await open(consideringAzathioprine, 'patient-view', 'patient-view');
  await waitFor(() => hookCalls('patient-view').length > 0, 'patient-view call');
  const pv2 = hookCalls('patient-view').at(-1);
  check('patient-view (not taking azathioprine): {"cards": []}', pv2 && pv2.status === 200 && cardsOf(pv2).length === 0,
    pv2 && JSON.stringify(pv2.response));

  // 4. Rx View: order-select at load with an empty draft, then on every change of the form.
  mark = exchanges.length;
  await page.getByRole('button', { name: 'Rx View' }).click();
  await waitFor(() => hookCalls('order-select').length > 0, 'order-select with an empty draft');
  const empty = hookCalls('order-select')[0];
  check('order-select with a medication-less draft: 200 {"cards": []}', empty && empty.status === 200
    && draftCodes(empty).length === 0 && JSON.stringify(empty.response) === '{"cards":[]}', empty && JSON.stringify(empty.response));

  const medication = page.locator('input[name="medication-input"]');
  await medication.fill('azathioprine 50');
  const option = page.getByRole('button', { name: 'Azathioprine 50 MG Oral Tablet', exact: true });
  await option.waitFor({ timeout: 10000 });
  await option.click();
  await waitFor(() => hookCalls('order-select').some((e) => draftCodes(e).includes('197388') && e.status), 'order-select with 197388');
  const select = hookCalls('order-select').filter((e) => draftCodes(e).includes('197388')).at(-1);
  const draft = select && select.request.context.draftOrders.entry[0].resource;
  check('order-select draft carries RxNorm 197388 with a dose, frequency and supply (the sandbox\'s shape)',
    draft && draft.dosageInstruction && draft.dispenseRequest, draft && JSON.stringify(draft.dosageInstruction));
  const selectCards = cardsOf(select);
  check('order-select with Azathioprine 50 MG Oral Tablet (TPMT poor, allopurinol): two critical cards',
    select && select.status === 200 && selectCards.filter((c) => c.indicator === 'critical').length >= 2,
    selectCards.map((c) => `${c.indicator}: ${c.summary}`).join(' | '));
  checkCards('order-select', selectCards);
  if (selectCards.length) {
    await page.getByText(selectCards[0].summary, { exact: false }).first().waitFor({ timeout: 10000 }).catch(() => {});
  }
  const selectText = await renderedCardText();
  const cardArea = selectCards.map((c) => c.summary).filter((s) => selectText.includes(s));
  check('order-select cards rendered in the page', selectCards.length > 0 && cardArea.length === selectCards.length);
  await page.screenshot({ path: path.join(outDir, `${label}-2-rx-view-order-select.png`), fullPage: false });

  // Change the number in the dose form: the sandbox fires order-select again; the answer still shows no amount.
  const beforeChange = hookCalls('order-select').length;
  await page.locator('input[name="dosage-amount"]').fill('3');
  await waitFor(() => hookCalls('order-select').length > beforeChange, 'order-select after a form change');
  const changed = hookCalls('order-select').at(-1);
  check('order-select fired again on a change of the form, still no dose in any card',
    changed && changed.status === 200 && !cardsOf(changed).some((c) => doseText.test(JSON.stringify(c))),
    changed && `${cardsOf(changed).length} cards`);

  // 5. Rx Sign: choose the product again and sign.
  mark = exchanges.length;
  await page.getByRole('button', { name: 'Rx Sign' }).click();
  const signInput = page.locator('input[name="medication-input"]');
  if (await signInput.count()) {
    await signInput.fill('azathioprine 50');
    const signOption = page.getByRole('button', { name: 'Azathioprine 50 MG Oral Tablet', exact: true });
    await signOption.waitFor({ timeout: 10000 }).catch(() => {});
    if (await signOption.count()) await signOption.click();
  }
  await page.getByRole('button', { name: 'Sign Order' }).click();
  await waitFor(() => hookCalls('order-sign').length > 0, 'order-sign');
  const sign = hookCalls('order-sign').at(-1);
  const signCards = cardsOf(sign);
  check('order-sign called with the azathioprine draft', sign && draftCodes(sign).includes('197388'), sign && draftCodes(sign).join(','));
  check('order-sign (TPMT poor, allopurinol): two critical cards whose detail shows basis and sources',
    sign && sign.status === 200 && signCards.filter((c) => c.indicator === 'critical'
      && /basis/i.test(c.detail) && /source/i.test(c.detail)).length >= 2,
    signCards.map((c) => `${c.indicator}: ${c.summary}`).join(' | '));
  checkCards('order-sign', signCards);
  if (signCards.length) {
    await page.getByText(signCards[0].summary, { exact: false }).first().waitFor({ timeout: 10000 }).catch(() => {});
  }
  const signText = await renderedCardText();
  check('order-sign cards rendered in the page', signCards.length > 0 && signCards.every((c) => signText.includes(c.summary)));
  check('no dose or strength in the rendered card text', !signCards.some((c) => doseText.test(c.summary)));
  await page.screenshot({ path: path.join(outDir, `${label}-3-rx-sign-order-sign.png`), fullPage: false });
  // A small copy to keep as evidence (docs/images/).
  await page.screenshot({ path: path.join(outDir, `${label}-3-rx-sign-order-sign.jpg`), type: 'jpeg', quality: 70 });

  if (args.jwt) {
    const all = exchanges.filter((e) => e.method === 'POST');
    check('JWT on: every hook call carried the sandbox\'s ES384 token and none was refused',
      all.length > 0 && all.every((e) => e.authorization && e.status !== 401), all.map((e) => e.status).join(','));
  }

  // 6. A FHIR server fault: the sandbox leaves the failed searches out of prefetch; the service (which may fetch
  // from no server in this sample) answers with what it has and says so on every card.
  mark = exchanges.length;
  await open(prefetchGap, 'order-sign', 'rx-sign');
  await page.locator('input[name="medication-input"]').fill('azathioprine 50');
  const gapOption = page.getByRole('button', { name: 'Azathioprine 50 MG Oral Tablet', exact: true });
  await gapOption.waitFor({ timeout: 10000 });
  await gapOption.click();
  await page.getByRole('button', { name: 'Sign Order' }).click();
  await waitFor(() => hookCalls('order-sign').length > 0, 'order-sign with a prefetch gap');
  const gap = hookCalls('order-sign').at(-1);
  const gapKeys = gap ? Object.keys(gap.request.prefetch || {}) : [];
  const gapCards = cardsOf(gap);
  check('prefetch gap: the sandbox left the failed searches out', gap && !gapKeys.includes('medicationStatements')
    && !gapKeys.includes('allergies'), gapKeys.join(','));
  if (args.fetch) {
    // The service may read this FHIR server: it fetches the missing keys itself, so nothing is incomplete.
    const fhirLog = args['fhir-log'] && fs.existsSync(args['fhir-log']) ? fs.readFileSync(args['fhir-log'], 'utf8') : '';
    const fetched = ['MedicationStatement', 'AllergyIntolerance'].every((type) => fhirLog.split('\n')
      .some((l) => l.includes(`GET /fhir/${type}?patient=${prefetchGap}`) && l.endsWith('from=server')));
    check('prefetch gap, service allowed to read fhirServer: it fetched the two missing searches itself', fetched);
    check('prefetch gap, service allowed to read fhirServer: two critical cards, none saying incomplete data',
      gap && gap.status === 200 && gapCards.filter((c) => c.indicator === 'critical').length >= 2
        && !gapCards.some((c) => /incomplete data/i.test(c.detail)),
      gapCards.map((c) => `${c.indicator}: ${c.summary}`).join(' | '));
  } else {
    check('prefetch gap: cards still come, each saying it was computed from incomplete data and naming what is missing',
      gap && gap.status === 200 && gapCards.length > 0 && gapCards.every((c) => /incomplete data/i.test(c.detail)
        && /medicationStatements|MedicationStatement/.test(c.detail)),
      gapCards.length ? gapCards[0].detail.split('\n').slice(0, 6).join(' / ') : (gap && JSON.stringify(gap.response)));
  }
  checkCards('prefetch gap', gapCards);
  await page.screenshot({ path: path.join(outDir, `${label}-4-prefetch-gap.png`), fullPage: false });

  const corsErrors = consoleErrors.filter((t) => /CORS|Access-Control/i.test(t));
  check('no CORS error in the browser console', corsErrors.length === 0, corsErrors.slice(0, 3).join(' | '));
} catch (err) {
  check('the browser run completed', false, String(err && err.stack ? err.stack : err));
  await page.screenshot({ path: path.join(outDir, `${label}-error.png`) }).catch(() => {});
} finally {
  fs.writeFileSync(path.join(outDir, `${label}-exchanges.json`), JSON.stringify({ exchanges, blocked, consoleErrors }, null, 2));
  await browser.close();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`blocked (outside 127.0.0.1, never sent): ${[...new Set(blocked.map((u) => new URL(u).host))].join(', ') || 'none'}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
