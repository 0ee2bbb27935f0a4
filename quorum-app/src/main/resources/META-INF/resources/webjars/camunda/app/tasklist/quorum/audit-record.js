/*
 * A task-detail tab ("Audit record") linking to the audit record of the task's request (/audit/#/instance/{id}).
 * The link is shown only when the server says the user may read the audit (GET /api/audit/me answers 200 with the
 * Tasklist session); the audit page and API still enforce access themselves, so this only spares others a link
 * that would be refused.
 */
const AUDIT_PAGE = '/audit/';
const AUDIT_ACCESS = '/api/audit/me';

function say(node, text) {
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  node.replaceChildren(paragraph);
}

async function processInstanceOf(taskId, api) {
  const response = await fetch(`${api.engineApi}/task/${encodeURIComponent(taskId)}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) throw new Error(`The task could not be read (${response.status}).`);
  return (await response.json()).processInstanceId;
}

async function mayReadAudit() {
  const response = await fetch(AUDIT_ACCESS, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' }
  });
  return response.ok;
}

async function show(node, taskId, api) {
  const [instanceId, allowed] = await Promise.all([processInstanceOf(taskId, api), mayReadAudit()]);
  if (!allowed) {
    say(node, 'The audit record of requests is open to process owners and administrators.');
    return;
  }
  if (!instanceId) {
    say(node, 'This task belongs to no request, so it has no audit record.');
    return;
  }
  const link = document.createElement('a');
  link.className = 'quorum-audit-record';
  link.href = `${AUDIT_PAGE}#/instance/${encodeURIComponent(instanceId)}`;
  link.textContent = 'Open the audit record of this request';
  const paragraph = document.createElement('p');
  paragraph.append(link);
  node.replaceChildren(paragraph);
}

export default {
  id: 'quorum-audit-record',
  pluginPoint: 'tasklist.task.detail',
  // Last of the tabs: the form stays the one a task opens with.
  priority: 0,
  properties: { label: 'Audit record' },
  render: (node, { taskId, api }) => {
    node.classList.add('quorum-audit-tab');
    show(node, taskId, api).catch((error) => say(node, error.message));
  }
};
