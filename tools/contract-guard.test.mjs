// The contract guard on copies of the released contract, each changed in one way (node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { checkContract } from './contract-guard/check.mjs';

const RELEASED = 'docs/contract/released';
const MIGRATION_NOTE = `# Quorum events

### Migration to quorum.task.created.v2

quorum.task.created.v2 leaves out \`assignee\`. Quorum produces quorum.task.created.v1 beside it, on the same topic
quorum.process-events, until the next release; each is one event with its own \`sequence\` number.
`;

/** Runs the guard on a copy of the release changed by `change(dir)`; returns the findings. */
async function guard(change, events = '') {
  const dir = await mkdtemp(path.join(tmpdir(), 'contract-guard-'));
  try {
    await cp(RELEASED, dir, { recursive: true });
    await writeFile(path.join(dir, 'events.md'), events);
    await change(dir);
    return (await checkContract({ released: RELEASED, current: dir })).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function editSchema(name, edit) {
  return async (dir) => {
    const file = path.join(dir, 'schemas', name);
    const schema = JSON.parse(await readFile(file, 'utf8'));
    edit(schema);
    await writeFile(file, JSON.stringify(schema));
  };
}

function editAsyncApi(edit) {
  return async (dir) => {
    const file = path.join(dir, 'asyncapi.yaml');
    const document = yaml.load(await readFile(file, 'utf8'));
    edit(document);
    await writeFile(file, yaml.dump(document));
  };
}

/** task.created.v2 without `assignee`, published on the lifecycle topic beside (or instead of) v1. */
function raiseTaskCreated({ dropV1 }) {
  return async (dir) => {
    const v2 = JSON.parse(await readFile(path.join(dir, 'schemas', 'task.created.json'), 'utf8'));
    delete v2.properties.assignee;
    v2.required = v2.required.filter((field) => field !== 'assignee');
    await writeFile(path.join(dir, 'schemas', 'task.created.v2.json'), JSON.stringify(v2));
    await editAsyncApi((document) => {
      const messages = document.channels.processEvents.messages;
      document.components.messages.taskCreatedV2 = {
        ...document.components.messages.taskCreated,
        name: 'quorum.task.created.v2',
        payload: { $ref: './schemas/task.created.v2.json' },
      };
      messages.taskCreatedV2 = { $ref: '#/components/messages/taskCreatedV2' };
      if (dropV1) {
        delete messages.taskCreated;
        delete document.components.messages.taskCreated;
      }
    })(dir);
  };
}

function problemsOf(findings, type) {
  return findings.filter((finding) => finding.type === type).map((finding) => finding.problem);
}

test('the repository docs are compatible with the release', async () => {
  const { findings, checked } = await checkContract({ released: RELEASED, current: 'docs' });
  assert.deepEqual(findings, []);
  assert.ok(checked.includes('quorum.task.completed.v1'));
});

test('a removed field fails, naming the field', async () => {
  const findings = await guard(editSchema('task.created.json', (schema) => {
    delete schema.properties.assignee;
    schema.required = schema.required.filter((field) => field !== 'assignee');
  }));
  assert.deepEqual(problemsOf(findings, 'quorum.task.created.v1'),
    ['data: field `assignee` removed or renamed (consumers of the release read it)']);
});

test('a widened type fails, naming the field', async () => {
  const findings = await guard(editSchema('task.created.json', (schema) => {
    schema.properties.taskId.type = ['string', 'number'];
  }));
  assert.deepEqual(problemsOf(findings, 'quorum.task.created.v1'),
    ['data: field `taskId` type widened: it may now be number, which the release rejects']);
});

test('a required field made optional fails, naming the field', async () => {
  const findings = await guard(editSchema('task.created.json', (schema) => {
    schema.required = schema.required.filter((field) => field !== 'owner');
  }));
  assert.deepEqual(problemsOf(findings, 'quorum.task.created.v1'), ['data: field `owner` was required and is now optional']);
});

test('a changed field of an array item fails, naming its path', async () => {
  const findings = await guard(editSchema('decision.evaluated.json', (schema) => {
    schema.properties.outcome.items.properties.name.type = ['string', 'null', 'integer'];
  }));
  assert.deepEqual(problemsOf(findings, 'quorum.decision.evaluated.v1'),
    ['data: field `outcome[].name` type widened: it may now be integer, which the release rejects']);
});

test('a new enum value fails, though json-schema-diff does not evaluate enum', async () => {
  const released = await mkdtemp(path.join(tmpdir(), 'contract-guard-released-'));
  const current = await mkdtemp(path.join(tmpdir(), 'contract-guard-current-'));
  try {
    for (const [dir, states] of [[released, ['ACTIVE', 'COMPLETED']], [current, ['ACTIVE', 'COMPLETED', 'SUSPENDED']]]) {
      await cp(RELEASED, dir, { recursive: true });
      await editSchema('process.started.json', (schema) => { schema.properties.state.enum = states; })(dir);
    }
    const { findings } = await checkContract({ released, current });
    assert.deepEqual(problemsOf(findings, 'quorum.process.started.v1'), ['data: field `state` has new enum value(s) ["SUSPENDED"]']);
  } finally {
    await Promise.all([released, current].map((dir) => rm(dir, { recursive: true, force: true })));
  }
});

test('an added optional field passes', async () => {
  const findings = await guard(editSchema('task.created.json', (schema) => {
    schema.properties.candidateGroups = { type: 'array', items: { type: 'string' } };
  }));
  assert.deepEqual(findings, []);
});

test('a removed event type fails', async () => {
  const findings = await guard(editAsyncApi((document) => {
    delete document.channels.processEvents.messages.timerFired;
    delete document.components.messages.timerFired;
  }));
  assert.deepEqual(problemsOf(findings, 'quorum.timer.fired.v1'),
    ['event type removed or renamed (the release publishes it on quorum.process-events)']);
  assert.equal(findings.length, 1);
});

test('a changed topic address fails', async () => {
  const findings = await guard(editAsyncApi((document) => {
    document.channels.decisionEvents.address = 'quorum.decisions';
  }));
  assert.deepEqual(problemsOf(findings, 'topic quorum.decision-events'), [
    'address changed from quorum.decision-events to quorum.decisions (@asyncapi/diff: edit /channels/decisionEvents/address)']);
});

test('a raised suffix (.v2 beside the released .v1) with its migration note passes', async () => {
  assert.deepEqual(await guard(raiseTaskCreated({ dropV1: false }), MIGRATION_NOTE), []);
});

test('a .v1 replaced by its .v2 with a migration note passes', async () => {
  assert.deepEqual(await guard(raiseTaskCreated({ dropV1: true }), MIGRATION_NOTE), []);
});

test('a raised suffix without a migration note fails', async () => {
  const findings = await guard(raiseTaskCreated({ dropV1: true }));
  assert.deepEqual(problemsOf(findings, 'quorum.task.created.v2'),
    ['raised version without its migration note: no section "Migration to quorum.task.created.v2" in docs/events.md']);
  assert.deepEqual(problemsOf(findings, 'quorum.task.created.v1'),
    ['event type removed or renamed (the release publishes it on quorum.process-events)']);
});

test('the command prints the type, what broke and how to proceed, and exits 1', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'contract-guard-cli-'));
  try {
    await cp(RELEASED, dir, { recursive: true });
    await editSchema('task.created.json', (schema) => { schema.required = schema.required.filter((f) => f !== 'owner'); })(dir);
    const run = promisify(execFile)(process.execPath, ['tools/contract-guard.mjs', '--current', dir]);
    const failure = await run.then(() => assert.fail('the guard passed'), (error) => error);
    assert.equal(failure.code, 1);
    assert.match(failure.stdout, /quorum\.task\.created\.v1:\n {2}- data: field `owner` was required and is now optional\n/);
    assert.match(failure.stdout, /How to proceed: keep quorum\.task\.created\.v1 as released .* "Migration to quorum\.task\.created\.v2"/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
