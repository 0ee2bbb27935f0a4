// Compares today's event contract with the released one. Quorum produces the events, so a change breaks
// consumers when an event valid today could be invalid under the release (docs/events.md, "Compatibility rules").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diff as asyncApiDiff } from '@asyncapi/diff';
import { loadContract, migrationNoteGap, typeVersion } from './documents.mjs';
import { breakingChanges } from './schemas.mjs';

/**
 * `released` and `current` are folders holding asyncapi.yaml and its schemas; `events` is the events.md whose
 * migration notes excuse a raised type (default: events.md in `current`). Each finding names the event type
 * (or the topic) and what broke; `kind` says how to proceed (see advice.mjs).
 */
export async function checkContract({ released: releasedDir, current: currentDir, events }) {
  const released = await loadContract(releasedDir);
  const current = await loadContract(currentDir);
  const notes = await readFile(events ?? path.join(currentDir, 'events.md'), 'utf8').catch(() => '');
  const raised = raisedTypes(released, current, notes);
  const findings = [...raised.findings];
  for (const [type, was] of released.types) {
    const now = current.types.get(type);
    if (!now) {
      if (!raised.superseded.has(type)) {
        findings.push({ kind: 'type', type, problem: `event type removed or renamed (the release publishes it on ${was.address})` });
      }
      continue;
    }
    for (const problem of await breakingChanges(now.payload, was.payload)) {
      findings.push({ kind: 'type', type, problem: `data: ${problem}` });
    }
    for (const problem of await breakingChanges(now.headers, was.headers)) {
      findings.push({ kind: 'type', type, problem: `headers: ${problem}` });
    }
  }
  findings.push(...channelChanges(released, current, raised.superseded));
  return { findings, checked: [...released.types.keys()], superseded: [...raised.superseded] };
}

/** A new type with a raised suffix needs a migration note; with it, the lower versions it replaces may go. */
function raisedTypes(released, current, notes) {
  const superseded = new Set();
  const findings = [];
  for (const [type, now] of current.types) {
    const { base, version } = typeVersion(type);
    if (released.types.has(type) || version < 2) {
      continue;
    }
    const lower = [...released.types.keys()].filter((old) => {
      const was = typeVersion(old);
      return was.base === base && was.version < version;
    });
    const gap = migrationNoteGap(notes, type, lower.at(-1), now.address);
    if (gap) {
      findings.push({ kind: 'note', type, replaced: lower.at(-1), problem: `raised version without its migration note: ${gap}` });
    } else {
      lower.forEach((old) => superseded.add(old));
    }
  }
  return { superseded, findings };
}

/**
 * Channels, their addresses and messages, and operations, as @asyncapi/diff classifies them. Payloads and
 * headers are compared semantically above; a message gone because its type is gone is reported once, above.
 */
function channelChanges(released, current, superseded) {
  const findings = [];
  for (const change of asyncApiDiff(released.asyncapi, current.asyncapi).breaking()) {
    const [, section, key, part, messageKey] = change.path.split('/').map(unescapePointer);
    if (section !== 'channels' && section !== 'operations') {
      continue;
    }
    const channelKey = section === 'channels' ? key : channelOfOperation(released.asyncapi, key);
    const channel = released.asyncapi.channels?.[channelKey];
    const types = [...released.types.values()]
      .filter((t) => t.channelKey === channelKey && (part !== 'messages' || !messageKey || t.messageKey === messageKey))
      .map((t) => t.type);
    const gone = types.filter((type) => !current.types.has(type));
    if (types.length && types.every((type) => superseded.has(type) || (messageKey && gone.includes(type)))) {
      continue;
    }
    const message = section === 'channels' && part === 'messages' && messageKey;
    findings.push({
      kind: message ? 'type' : 'topic',
      type: message ? types[0] : `topic ${channel?.address ?? channelKey}`,
      problem: `${describe(change, section, part)} (@asyncapi/diff: ${change.action} ${change.path})`,
    });
  }
  return findings;
}

function describe(change, section, part) {
  if (section === 'operations') {
    return `operation ${change.action === 'remove' ? 'removed' : 'changed'}`;
  }
  if (part === undefined) {
    return change.action === 'remove' ? 'topic removed' : 'channel changed';
  }
  if (part === 'address') {
    return `address changed from ${change.before} to ${change.after}`;
  }
  if (part === 'messages') {
    return change.action === 'remove' ? 'message removed from the channel' : 'message changed';
  }
  return `${part} ${change.action === 'remove' ? 'removed' : 'changed'}`;
}

function channelOfOperation(asyncapi, operationKey) {
  const address = asyncapi.operations?.[operationKey]?.channel?.address;
  return Object.keys(asyncapi.channels ?? {}).find((key) => asyncapi.channels[key].address === address);
}

function unescapePointer(part) {
  return part?.replaceAll('~1', '/').replaceAll('~0', '~');
}
