#!/usr/bin/env node
// The build's guard of the event contract: fails when today's docs/schemas/*.json or docs/asyncapi.yaml would
// break a consumer coded against the release in docs/contract/released/. Run alone: npm run contract-guard.
// Options: --released DIR (default docs/contract/released), --current DIR (default docs), --events FILE
// (default events.md in the current folder).
import { parseArgs } from 'node:util';
import { checkContract } from './contract-guard/check.mjs';
import { typeVersion } from './contract-guard/documents.mjs';

const { values: options } = parseArgs({
  options: {
    released: { type: 'string', default: 'docs/contract/released' },
    current: { type: 'string', default: 'docs' },
    events: { type: 'string' },
  },
});

try {
  const { findings, checked, superseded } = await checkContract(options);
  if (findings.length === 0) {
    const replaced = superseded.length ? `; replaced with a migration note: ${superseded.join(', ')}` : '';
    console.log(`Event contract: compatible with the release in ${options.released} (${checked.length} types${replaced}).`);
  } else {
    console.log(`Event contract: ${findings.length} breaking change(s) against the release in ${options.released}.`);
    for (const group of byType(findings)) {
      console.log(`\n${group[0].type}:`);
      group.forEach((finding) => console.log(`  - ${finding.problem}`));
      console.log(`  How to proceed: ${advice(group[0])}`);
    }
    console.log('\nRules: docs/events.md, "Compatibility rules". The release changes only on a release (docs/contract/released/README.md).');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Event contract guard could not compare the contracts: ${error.message}`);
  process.exitCode = 2;
}

function byType(findings) {
  const groups = new Map();
  findings.forEach((finding) => groups.set(finding.type, [...(groups.get(finding.type) ?? []), finding]));
  return groups.values();
}

function advice(finding) {
  if (finding.kind === 'note') {
    const replaced = finding.replaced ?? 'the type it replaces';
    return `add a section "Migration to ${finding.type}" to docs/events.md naming ${replaced}, how long it is still `
      + 'produced, the topic of each, and how `sequence` numbers the two.';
  }
  if (finding.kind === 'topic') {
    return 'keep the topic, its address and its operations as released; publish what changes as new type versions '
      + '(.v2) with a migration note in docs/events.md.';
  }
  const { base, version } = typeVersion(finding.type);
  const next = `${base}.v${version + 1}`;
  return `keep ${finding.type} as released while it is produced; publish the change as ${next} (its own schema `
    + `in docs/schemas/ and a message in docs/asyncapi.yaml) and document it in docs/events.md under "Migration to ${next}": `
    + `how long ${finding.type} is still produced, on which topic, and how \`sequence\` numbers the two.`;
}
