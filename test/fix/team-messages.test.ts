import { RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixDocument, FixReport } from '../../src/fix';
import { createRuleset } from '../../src/ruleset';
import { copyOfDocumentLevelFixture, copyOfFixtures, fix, removeDirectory } from './helpers';

/**
 * `fix` learns which finding a Spectral result reports from the rule and the place (file and JSON path), never from
 * the message: a team ruleset may word the rules' messages its own way, even give one message to every finding of
 * a rule. Each case is fixed with such a ruleset through the real engine, on a temporary copy of a fixture.
 */

/** A team ruleset that extends this one and redefines the message of some rules (`{{error}}` is the rule's own). */
function rulesetWithMessages(messages: Record<string, string>): RulesetDefinition {
  const own = createRuleset() as RulesetDefinition & { rules: Record<string, object> };
  const reworded = Object.fromEntries(
    Object.entries(messages).map(([rule, message]) => [rule, { ...own.rules[rule], message }]),
  );
  return { extends: [own], rules: reworded } as RulesetDefinition;
}

async function fixWith(ruleset: RulesetDefinition, file: string): Promise<FixReport> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  return fixDocument(file, { spectral });
}

const REPAIRABLE_MESSAGES = {
  'auth-401-documented': 'Team API guide, section 4: {{error}}',
  'auth-401-www-authenticate': 'Team API guide, section 4: {{error}}',
  'auth-403-documented': 'Team API guide, section 5: {{error}}',
  'auth-403-describes-scopes': 'Team API guide, section 5: {{error}}',
  'auth-404-protected-item': 'Team API guide, section 6: {{error}}',
};

let directories: string[] = [];
afterEach(() => {
  directories.forEach(removeDirectory);
  directories = [];
});

/** A fixture of fixtures/fix, or of fixtures/fix-document-level, in a fresh temporary directory. */
function freshCopy(name: string): string {
  const documentLevel = /^fix-document-level\/(.*)$/.exec(name);
  if (documentLevel !== null) {
    const file = copyOfDocumentLevelFixture(documentLevel[1]);
    directories.push(dirname(file));
    return file;
  }
  const directory = copyOfFixtures();
  directories.push(directory);
  return join(directory, name);
}

const fixedLines = (report: FixReport) =>
  report.fixed
    .flatMap(({ result, done }) => done.map(({ what }) => `${result.code} ${result.path.join('.')}: ${what}`))
    .sort();

test.each([
  'calls.oas30.yaml',
  'calls.oas2.json',
  'split/openapi.yaml',
  'fix-document-level/401-documented-nowhere.oas3.yaml',
])("reworded messages: %s gets the same repairs as with the rules' own messages", async (name) => {
  const own = await fix(freshCopy(name));
  const team = await fixWith(rulesetWithMessages(REPAIRABLE_MESSAGES), freshCopy(name));

  expect(own.fixed.length).toBeGreaterThan(0);
  expect(team.fixed.map(({ result }) => result.message)).toEqual(
    own.fixed.map((): unknown => expect.stringMatching(/^Team API guide/)),
  );
  expect(fixedLines(team)).toEqual(fixedLines(own));
  expect(team.left.map(({ reason }) => reason)).toEqual(own.left.map(({ reason }) => reason));
  expect(team.changes.map(({ after }) => after)).toEqual(own.changes.map(({ after }) => after));
});

test('one message for every finding of a rule: each result is repaired at its own place, or left for its own reason', async () => {
  // Two operations share one responses map through a YAML anchor and alias (editing it would change both); a third
  // has a map of its own. Each lacks a 401 and is reported with the same message, at its own path.
  const file = freshCopy('anchored-responses.oas30.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text.replace(
      '  /status:\n',
      "  /health:\n    get:\n      responses:\n        '200': { description: Healthy }\n  /status:\n",
    ),
  );

  const report = await fixWith(
    rulesetWithMessages({ 'auth-401-documented': 'Document the 401 (team rule 4.1).' }),
    file,
  );
  const ofRule = <T extends { result: { code: string | number } }>(outcomes: T[]) =>
    outcomes.filter(({ result }) => result.code === 'auth-401-documented');

  expect(
    ofRule(report.fixed).map(({ result, done }) => [
      result.path.join('.'),
      result.message,
      done.map(({ what }) => what),
    ]),
  ).toEqual([
    [
      'paths./health.get.responses',
      'Document the 401 (team rule 4.1).',
      ['added 401: $ref #/components/responses/Unauthorized'],
    ],
  ]);
  expect(ofRule(report.left).map(({ result, reason }) => [result.path.join('.'), result.message, reason])).toEqual([
    [
      'paths./calls.get.responses',
      'Document the 401 (team rule 4.1).',
      expect.stringContaining('is a YAML anchor (&listing)'),
    ],
    [
      'paths./archived-calls.get.responses',
      'Document the 401 (team rule 4.1).',
      expect.stringContaining('is a YAML alias (*listing)'),
    ],
  ]);
  expect(readFileSync(file, 'utf8')).toContain("        '200': { description: Healthy }\n        '401':");
});
