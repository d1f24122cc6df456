// A small fake FHIR R4 server for the browser test: answers what the HL7 CDS Hooks Sandbox asks
// (metadata, Patient reads and lists, type searches by GET or POST _search) from the fixtures in ./fixtures,
// with CORS for any origin. Also serves a static folder (the built sandbox) on a second port.
//
//   node fake-fhir-server.mjs --fhir-port 5081 [--static-port 5082 --static-dir DIR] [--log FILE]
//
// Listens on 127.0.0.1 only. Dates in the fixtures are written relative to today ("@daysAgo:N"), so the
// fixtures stay current: the rule set judges lab results and orders by their age.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const fhirPort = Number(args['fhir-port'] ?? 5081);
const staticPort = args['static-port'] ? Number(args['static-port']) : null;
const staticDir = args['static-dir'] ? path.resolve(args['static-dir']) : null;
const logFile = args.log ?? null;
const base = `/fhir`;
const gapPatient = 'pt-prefetch-gap';
const failingSearches = new Set(['MedicationStatement', 'AllergyIntolerance']);

function isoDaysAgo(n) {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

function withDates(value) {
  if (typeof value === 'string') {
    const m = /^@daysAgo:(\d+)$/.exec(value);
    return m ? isoDaysAgo(Number(m[1])) : value;
  }
  if (Array.isArray(value)) return value.map(withDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDates(v)]));
  return value;
}

// Every resource of every fixture file, by type.
const resources = [];
for (const file of fs.readdirSync(path.join(here, 'fixtures')).filter((f) => f.endsWith('.json')).sort()) {
  const bundle = JSON.parse(fs.readFileSync(path.join(here, 'fixtures', file), 'utf8'));
  for (const entry of bundle.entry ?? []) resources.push(entry.resource);
}

const capability = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-12-01',
  kind: 'instance',
  software: { name: 'Imuran.ClinicalRules browser-test fake FHIR server' },
  fhirVersion: '4.0.1',
  format: ['json'],
  rest: [{
    mode: 'server',
    resource: ['Patient', 'MedicationRequest', 'MedicationStatement', 'Condition', 'AllergyIntolerance', 'Observation'].map((type) => ({
      type,
      interaction: [{ code: 'read' }, { code: 'search-type' }],
    })),
  }],
};

function log(line) {
  const stamped = `${new Date().toISOString()} ${line}`;
  console.log(stamped);
  if (logFile) fs.appendFileSync(logFile, `${stamped}\n`);
}

function send(res, status, body, type = 'application/fhir+json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' });
  res.end(text);
}

function outcome(status, code, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}

const refersTo = (resource, patientId) => [resource.subject?.reference, resource.patient?.reference]
  .some((r) => r === `Patient/${patientId}`);

const codings = (concept) => (Array.isArray(concept) ? concept : [concept]).flatMap((c) => c?.coding ?? []);

// The search parameters the sandbox sends for our prefetch templates; anything else (_sort, _count) is ignored.
function matches(resource, params) {
  for (const [name, raw] of params) {
    const values = raw.split(',');
    switch (name) {
      case 'patient':
      case 'subject':
        if (!values.some((v) => refersTo(resource, v.replace(/^Patient\//, '')))) return false;
        break;
      case 'status':
        if (!values.includes(resource.status)) return false;
        break;
      case 'category':
        if (!codings(resource.category).some((c) => values.includes(c.code) || values.includes(`${c.system}|${c.code}`))) return false;
        break;
      case 'code':
        if (!codings(resource.code).some((c) => values.includes(`${c.system}|${c.code}`) || values.includes(c.code))) return false;
        break;
      case '_id':
        if (!values.includes(resource.id)) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

function searchset(type, params, origin) {
  const found = resources.filter((r) => r.resourceType === type && matches(r, params)).map(withDates);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: found.length,
    entry: found.map((r) => ({ fullUrl: `${origin}${base}/${type}/${r.id}`, resource: r, search: { mode: 'match' } })),
  };
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const fhir = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const origin = `http://${req.headers.host}`;
  const body = req.method === 'POST' ? await readBody(req) : '';
  log(`FHIR ${req.method} ${url.pathname}${url.search}${body ? ` body=${body}` : ''} from=${req.headers.origin ? 'browser' : 'server'}`);

  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }

  if (!url.pathname.startsWith(`${base}/`)) {
    send(res, 404, outcome(404, 'not-found', `Not a FHIR path: ${url.pathname}`));
    return;
  }

  const parts = url.pathname.slice(base.length + 1).split('/').filter(Boolean);
  if (req.method === 'GET' && parts.length === 1 && parts[0] === 'metadata') {
    send(res, 200, capability);
    return;
  }

  const [type, idOrOp] = parts;
  if (req.method === 'GET' && parts.length === 2) {
    const found = resources.find((r) => r.resourceType === type && r.id === idOrOp);
    if (found) send(res, 200, withDates(found));
    else send(res, 404, outcome(404, 'not-found', `${type}/${idOrOp} is not known`));
    return;
  }

  if ((req.method === 'GET' && parts.length === 1) || (req.method === 'POST' && parts.length === 2 && idOrOp === '_search')) {
    const params = [...url.searchParams.entries(), ...new URLSearchParams(body).entries()];
    // A fault the sandbox cannot hide: for this one patient, these searches fail when a browser asks (a request with
    // an Origin header), so the sandbox leaves those prefetch keys out of its request. A server-side client (the CDS
    // service fetching what prefetch lacks from fhirServer) sends no Origin and gets the answer.
    if (req.headers.origin && failingSearches.has(type)
      && params.some(([k, v]) => (k === 'patient' || k === 'subject') && v.endsWith(gapPatient))) {
      send(res, 500, outcome(500, 'exception', `${type} search is down (a fault the test asks for)`));
      return;
    }
    send(res, 200, searchset(type, params, origin));
    return;
  }

  send(res, 400, outcome(400, 'not-supported', `${req.method} ${url.pathname} is not supported by this fake server`));
});

fhir.listen(fhirPort, '127.0.0.1', () => log(`fake FHIR server at http://127.0.0.1:${fhirPort}${base}`));

const mimeTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.map': 'application/json', '.ico': 'image/x-icon',
};

if (staticPort && staticDir) {
  const files = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const full = path.resolve(staticDir, relative);
    if (!full.startsWith(staticDir) || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypes[path.extname(full)] ?? 'application/octet-stream' });
    fs.createReadStream(full).pipe(res);
  });
  files.listen(staticPort, '127.0.0.1', () => log(`static files from ${staticDir} at http://127.0.0.1:${staticPort}/`));
}
