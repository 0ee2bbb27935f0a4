// Which values today's schema accepts that the released one rejects: json-schema-diff decides, run with today's
// schema as source and the release as destination, so that its "removed" values are exactly those. The walk
// below only names the field that broke, and covers the keywords json-schema-diff does not evaluate (enum, ...).
import jsonSchemaDiff from 'json-schema-diff';

const NOT_EVALUATED_BY_DIFF = ['pattern', 'format', 'patternProperties', 'propertyNames', 'dependencies',
  'if', 'then', 'else', 'multipleOf', 'uniqueItems', 'contains', 'additionalItems'];

/** What breaks consumers of `released` when data valid under `current` is produced; empty when nothing does. */
export async function breakingChanges(current, released) {
  const whole = await valuesOnlyCurrentAccepts(current, released);
  const problems = await explain(current, released, '', whole !== null);
  if (whole !== null && problems.length === 0) {
    problems.push(`accepts values the release rejects: ${JSON.stringify(whole)}`);
  }
  return problems;
}

/** With `diffed` false json-schema-diff found nothing, so only the keywords it does not evaluate are walked. */
async function explain(current, released, at, diffed) {
  if (!isSchemaObject(current) || !isSchemaObject(released)) {
    return diffed ? leaf(current, released, at) : [];
  }
  const problems = [];
  const currentProperties = current.properties ?? {};
  const currentRequired = new Set(current.required ?? []);
  const releasedRequired = new Set(released.required ?? []);
  for (const [name, releasedProperty] of Object.entries(released.properties ?? {})) {
    const field = at ? `${at}.${name}` : name;
    if (!(name in currentProperties)) {
      if (diffed) {
        problems.push(`field \`${field}\` removed or renamed (consumers of the release read it)`);
      }
      continue;
    }
    if (diffed && releasedRequired.has(name) && !currentRequired.has(name)) {
      problems.push(`field \`${field}\` was required and is now optional`);
    }
    problems.push(...(await explain(currentProperties[name], releasedProperty, field, diffed)));
  }
  if (released.items !== undefined && current.items !== undefined) {
    problems.push(...(await explain(current.items, released.items, `${at}[]`, diffed)));
  }
  problems.push(...keywordChanges(current, released, at));
  return problems.length || !diffed ? problems : leaf(current, released, at);
}

async function leaf(current, released, at) {
  const extra = at === '' ? null : await valuesOnlyCurrentAccepts(current, released);
  if (extra === null) {
    return [];
  }
  const types = Object.keys(extra).length === 1 && extra.type !== undefined ? [extra.type].flat() : null;
  return [types
    ? `field \`${at}\` type widened: it may now be ${types.join(' or ')}, which the release rejects`
    : `field \`${at}\` accepts values the release rejects: ${JSON.stringify(extra)}`];
}

async function valuesOnlyCurrentAccepts(current, released) {
  const diff = await jsonSchemaDiff.diffSchemas({ sourceSchema: current, destinationSchema: released });
  return diff.removalsFound ? diff.removedJsonSchema : null;
}

function keywordChanges(current, released, at) {
  const where = at ? `field \`${at}\`` : 'the data';
  const problems = [];
  const releasedValues = released.enum ?? ('const' in released ? [released.const] : null);
  if (releasedValues) {
    const currentValues = current.enum ?? ('const' in current ? [current.const] : null);
    const added = currentValues?.filter((value) => !releasedValues.some((old) => same(old, value)));
    if (!currentValues) {
      problems.push(`${where} no longer restricted to ${JSON.stringify(releasedValues)}`);
    } else if (added.length) {
      problems.push(`${where} has new enum value(s) ${JSON.stringify(added)}`);
    }
  }
  for (const keyword of NOT_EVALUATED_BY_DIFF) {
    if (keyword in released && !same(released[keyword], current[keyword])) {
      const change = keyword in current ? 'changed' : 'removed';
      problems.push(`${where}: \`${keyword}\` ${change} (only adding one, or keeping it, is known to be safe)`);
    }
  }
  return problems;
}

function isSchemaObject(schema) {
  return schema !== null && typeof schema === 'object';
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
