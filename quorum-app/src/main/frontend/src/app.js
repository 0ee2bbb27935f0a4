// Quorum's audit page: a list of requests, and one request's timeline beside its diagram.
// Everything shown comes from /api/audit; the page keeps nothing but the sign-in for this browser tab.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './audit.css';

const AUTH_KEY = 'quorum.audit.authorization';
const $ = (selector) => document.querySelector(selector);
const sections = ['login', 'list', 'detail'];
let currentPage = 0;
let viewer;

class Unauthorized extends Error {}

function show(section) {
  sections.forEach((name) => { $('#' + name).hidden = name !== section; });
}

function message(text) {
  $('#message').textContent = text || '';
  $('#message').hidden = !text;
}

// A session of Camunda's webapps is accepted too, so without a stored sign-in the cookie may still do.
async function api(path, accept = 'application/json') {
  const headers = { 'X-Requested-With': 'fetch', Accept: accept };
  const authorization = sessionStorage.getItem(AUTH_KEY);
  if (authorization) headers.Authorization = authorization;
  const response = await fetch('/api/audit' + path, { headers, credentials: 'same-origin' });
  if (response.status === 401) throw new Unauthorized();
  if (!response.ok) {
    let detail = `The server answered ${response.status}.`;
    try { detail = (await response.json()).detail || detail; } catch { /* not a problem document */ }
    throw new Error(detail);
  }
  return response;
}

const when = (iso) => iso
  ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })
  : '';
const stateText = { active: 'in progress', completed: 'completed', cancelled: 'cancelled' };

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const token = btoa(unescape(encodeURIComponent(`${form.username.value}:${form.password.value}`)));
  sessionStorage.setItem(AUTH_KEY, 'Basic ' + token);
  form.password.value = '';
  await start();
}

function signOut() {
  sessionStorage.removeItem(AUTH_KEY);
  $('#who').textContent = '';
  $('#sign-out').hidden = true;
  show('login');
}

async function start() {
  try {
    const me = await (await api('/me')).json();
    $('#who').textContent = `Signed in as ${me.userId}`;
    $('#sign-out').hidden = false;
    message('');
    await route();
  } catch (error) {
    handle(error);
  }
}

function handle(error) {
  if (error instanceof Unauthorized) {
    if (sessionStorage.getItem(AUTH_KEY)) message('The user name or password is wrong.');
    sessionStorage.removeItem(AUTH_KEY);
    show('login');
  } else {
    message(error.message);
  }
}

async function route() {
  const match = location.hash.match(/^#\/instance\/(.+)$/);
  try {
    if (match) await showInstance(decodeURIComponent(match[1]));
    else await showList();
  } catch (error) {
    handle(error);
  }
}

async function showList() {
  show('list');
  const params = new URLSearchParams();
  new FormData($('#filters')).forEach((value, name) => { if (value) params.set(name, value); });
  params.set('page', currentPage);
  params.set('size', 25);
  const page = await (await api('/process-instances?' + params)).json();
  const body = $('#instances tbody');
  body.replaceChildren();
  page.items.forEach((item) => {
    const row = body.insertRow();
    const link = document.createElement('a');
    link.href = '#/instance/' + encodeURIComponent(item.id);
    link.textContent = item.businessKey || item.id;
    row.insertCell().append(link);
    cell(row, item.processDefinitionName || item.processDefinitionKey);
    cell(row, stateText[item.state] || item.state);
    cell(row, when(item.startedAt));
    cell(row, when(item.endedAt));
    cell(row, item.startedBy);
  });
  if (page.items.length === 0) cell(body.insertRow(), 'No requests match these filters.').colSpan = 6;
  // Over a long history the server stops counting past a cap: the total is then a lower bound.
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  $('#page-info').textContent = page.totalExact
    ? `Page ${page.page + 1} of ${pages} (${page.total} requests)`
    : `Page ${page.page + 1} of more than ${pages} (more than ${page.total} requests)`;
  $('#previous').disabled = page.page === 0;
  $('#next').disabled = page.totalExact && page.page + 1 >= pages;
}

async function showInstance(id) {
  show('detail');
  $('#verify-result').hidden = true;
  const path = '/process-instances/' + encodeURIComponent(id);
  const [timeline, xml] = await Promise.all([
    api(path).then((r) => r.json()),
    api(path + '/diagram', 'application/xml').then((r) => r.text()),
  ]);
  const instance = timeline.instance;
  $('#detail-title').textContent =
    `${instance.processDefinitionName || instance.processDefinitionKey}: ${instance.businessKey || instance.id}`;
  $('#detail-meta').textContent = `State: ${stateText[instance.state] || instance.state}. Started ${when(instance.startedAt)}`
    + (instance.startedBy ? ` by ${instance.startedBy}` : '')
    + (instance.endedAt ? `, ended ${when(instance.endedAt)}` : '') + ` (UTC). Instance ${instance.id}.`;
  $('#truncated').hidden = !timeline.truncated;
  $('#printed-at').textContent = `Decision record printed ${when(new Date().toISOString())} UTC from Quorum.`;

  const body = $('#timeline tbody');
  body.replaceChildren();
  timeline.entries.forEach((entry) => {
    const row = body.insertRow();
    row.dataset.kind = entry.kind;
    cell(row, when(entry.at));
    const what = cell(row, entry.summary);
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = entry.kind;
    what.append(kind);
    cell(row, entry.actor);
    cell(row, entry.actingFor);
  });
  await drawDiagram(xml, timeline.visits);
  $('#verify').onclick = () => verify(path).catch(handle);
  $('#download-csv').onclick = () => download(path + '/timeline.csv', 'text/csv', `audit-${instance.id}.csv`).catch(handle);
  $('#download-json').onclick = () => download(path + '/timeline.json', 'application/json', `audit-${instance.id}.json`).catch(handle);
}

async function drawDiagram(xml, visits) {
  if (viewer) viewer.destroy();
  viewer = new NavigatedViewer({ container: '#diagram' });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  Object.entries(visits).forEach(([activityId, count]) => {
    if (!registry.get(activityId)) return; // e.g. a step of an embedded model not drawn
    canvas.addMarker(activityId, 'audit-visited');
    const badge = document.createElement('span');
    badge.className = 'audit-count';
    badge.dataset.activityId = activityId;
    badge.title = `Visited ${count} time${count === 1 ? '' : 's'}`;
    badge.textContent = count;
    overlays.add(activityId, 'audit-count', { position: { top: -10, right: 10 }, html: badge });
  });
}

async function verify(path) {
  const result = await (await api(path + '/verify')).json();
  const out = $('#verify-result');
  out.hidden = false;
  if (result.intact) {
    out.className = 'verify intact';
    out.textContent = `Intact: all ${result.entriesChecked} recorded history entries still match their hash chain.`;
  } else {
    const m = result.firstMismatch;
    out.className = 'verify broken';
    out.textContent = `Altered: entry ${m.position}${m.kind ? ` (${m.kind} ${m.key})` : ''} no longer matches. ${m.reason}.`;
  }
}

async function download(path, accept, filename) {
  const blob = await (await api(path, accept)).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

$('#login-form').addEventListener('submit', (event) => signIn(event).catch(handle));
$('#sign-out').addEventListener('click', signOut);
$('#filters').addEventListener('submit', (event) => { event.preventDefault(); currentPage = 0; showList().catch(handle); });
$('#previous').addEventListener('click', () => { currentPage -= 1; showList().catch(handle); });
$('#next').addEventListener('click', () => { currentPage += 1; showList().catch(handle); });
$('#print').addEventListener('click', () => window.print());
window.addEventListener('hashchange', () => route());
start();
