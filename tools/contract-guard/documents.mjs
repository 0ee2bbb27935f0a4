// Reads one version of the event contract: an AsyncAPI document with its data schemas beside it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';

const TYPE_VERSION = /^(.*)\.v(\d+)$/;

/** `quorum.task.created.v1` -> { base: 'quorum.task.created', version: 1 }. */
export function typeVersion(type) {
  const match = TYPE_VERSION.exec(type);
  return match ? { base: match[1], version: Number(match[2]) } : { base: type, version: 1 };
}

/**
 * The document with its internal references (#/...) resolved, so that @asyncapi/diff sees what each channel
 * carries; references to the schema files stay as they are, because payloads are compared semantically.
 * `types` maps each event type (message name) to where it is published and its data and header schemas.
 */
export async function loadContract(dir) {
  const raw = yaml.load(await readFile(path.join(dir, 'asyncapi.yaml'), 'utf8'));
  const asyncapi = resolveInternal(raw, raw);
  const types = new Map();
  for (const [channelKey, channel] of Object.entries(asyncapi.channels ?? {})) {
    for (const [messageKey, message] of Object.entries(channel.messages ?? {})) {
      types.set(message.name, {
        type: message.name,
        channelKey,
        messageKey,
        address: channel.address,
        payloadFile: message.payload?.$ref,
        payload: await schemaOf(dir, message.payload),
        headers: message.headers ?? {},
      });
    }
  }
  return { dir, asyncapi, types };
}

async function schemaOf(dir, payload) {
  if (typeof payload?.$ref !== 'string') {
    return payload ?? {};
  }
  return JSON.parse(await readFile(path.join(dir, payload.$ref), 'utf8'));
}

function resolveInternal(node, root) {
  if (Array.isArray(node)) {
    return node.map((item) => resolveInternal(item, root));
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    return resolveInternal(pointer(root, node.$ref), root);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveInternal(value, root)]));
}

function pointer(root, ref) {
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, part) => {
      if (node?.[part] === undefined) {
        throw new Error(`Unresolvable reference ${ref}`);
      }
      return node[part];
    }, root);
}

/**
 * The migration note for a raised type in events.md: a heading naming "Migration" and the type; its section must
 * name the released type it replaces, the topic, and how `sequence` numbers the two. Returns what is missing, or null.
 */
export function migrationNoteGap(eventsMarkdown, type, replaced, topic) {
  const lines = (eventsMarkdown ?? '').split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.includes('Migration') && line.includes(type));
  if (start < 0) {
    return `no section "Migration to ${type}" in docs/events.md`;
  }
  const level = lines[start].indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  const section = lines.slice(start, end < 0 ? lines.length : end).join('\n');
  const missing = [replaced, topic, 'sequence'].filter((word) => word && !section.includes(word));
  return missing.length ? `the migration note for ${type} does not mention ${missing.join(' or ')}` : null;
}
