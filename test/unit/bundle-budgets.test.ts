// Browser bundle budgets of the pure subpaths (issue #18), measured as `npm run check:bundles`
// measures them (scripts/bundle-budgets.mjs): the package is built with its own tsup config into a
// scratch directory and bundled from there by esbuild for the browser, minified. One enum constant
// and estimateOneRepMax stay within 3 KB each; an enum-only bundle carries no zod; and the
// minified bundles still behave (frozen enum, the typed error).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_ENTRIES,
  ROOT,
  SINGLE_NAME_BUDGET,
  buildPackage,
  measureEntry,
  overBudget,
  type BundleMeasurement,
} from '../../scripts/bundle-budgets.mjs';

// A build of the whole package takes a few seconds (more on a busy 2-core machine).
const BUILD_TIMEOUT = 120_000;
const TIMEOUT = 60_000;

let workDir: string;
const measured = new Map<string, BundleMeasurement>();

beforeAll(async () => {
  // Inside the repository (zod resolves from its node_modules), apart from `npm run check:bundles`'s own.
  mkdirSync(join(ROOT, '.gainsly'), { recursive: true });
  workDir = mkdtempSync(join(ROOT, '.gainsly', 'bundle-budgets-test-'));
  await buildPackage(workDir);
  for (const entry of BUNDLE_ENTRIES) measured.set(entry.name, await measureEntry(entry, { workDir }));
}, BUILD_TIMEOUT);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Bundles `contents` like the budgeted entries and imports the result. */
async function importBundle(contents: string): Promise<Record<string, unknown>> {
  const { code } = await measureEntry({ name: 'probe', contents, budget: null }, { workDir });
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

describe('browser bundle budgets', () => {
  it('has a 3 KB budget for one enum constant and for estimateOneRepMax, and reports the three pure subpaths', () => {
    expect(SINGLE_NAME_BUDGET).toBe(3072);
    expect(BUNDLE_ENTRIES.filter((entry) => entry.budget !== null).map((entry) => [entry.name, entry.budget])).toEqual([
      ['MovementPattern from @gainsly/db/enums', 3072],
      ['estimateOneRepMax from @gainsly/db/domain', 3072],
    ]);
    expect(BUNDLE_ENTRIES.filter((entry) => entry.budget === null).map((entry) => entry.name)).toEqual([
      '@gainsly/db/enums (everything)',
      '@gainsly/db/domain (everything)',
      '@gainsly/db/schemas (everything)',
    ]);
  });

  it('keeps every budgeted entry within its budget', () => {
    const results = [...measured.values()];
    expect(results).toHaveLength(BUNDLE_ENTRIES.length);
    for (const result of results) {
      expect(result.minified).toBeGreaterThan(0);
      expect(result.gzip).toBeGreaterThan(0);
      if (result.budget !== null) expect(result.minified, result.name).toBeLessThanOrEqual(result.budget);
    }
    expect(overBudget(results)).toEqual([]);
  });

  it('names an entry over its budget', () => {
    const results = [
      { name: 'a', budget: 10, minified: 11 },
      { name: 'b', budget: 10, minified: 10 },
      { name: 'c', budget: null, minified: 1_000 },
    ];
    expect(overBudget(results).map((result) => result.name)).toEqual(['a']);
  });

  it('bundles no zod with an enum constant, and the schemas subpath does (the check can see zod)', () => {
    const enumOnly = measured.get('MovementPattern from @gainsly/db/enums')!;
    const schemas = measured.get('@gainsly/db/schemas (everything)')!;
    const fromZod = (result: BundleMeasurement) => result.inputs.filter((input) => input.includes('node_modules/zod/'));
    expect(fromZod(schemas).length).toBeGreaterThan(0);
    expect(schemas.code).toContain('_zod');
    expect(fromZod(enumOnly)).toEqual([]);
    expect(enumOnly.code).not.toContain('_zod');
    expect(enumOnly.code).not.toContain('defineEnum');
  });

  it('still works minified: the enum is the frozen constant, estimateOneRepMax computes and throws its typed error', async () => {
    const enums = await importBundle("export { MovementPattern } from '@gainsly/db/enums';\n");
    expect(Object.isFrozen(enums.MovementPattern)).toBe(true);
    expect((enums.MovementPattern as Record<string, string>).HORIZONTAL_PUSH).toBe('horizontal_push');

    const domain = await importBundle("export { estimateOneRepMax, GainslyError, E1RMRangeError } from '@gainsly/db/domain';\n");
    const estimate = domain.estimateOneRepMax as (weight: number, reps: number, formula?: string) => number;
    expect(estimate(100, 5)).toBeCloseTo(100 * (1 + 5 / 30), 10);
    let caught: unknown;
    try {
      estimate(-1, 5);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(domain.GainslyError as new () => Error);
    expect(caught).toMatchObject({ name: 'DomainArgumentError', code: 'GAINSLY_DOMAIN_ARGUMENT', argument: 'weight' });
    expect(() => estimate(100, 40, 'brzycki')).toThrow(domain.E1RMRangeError as new () => Error);
    expect(() => estimate(100, 40, 'brzycki')).toThrow(expect.objectContaining({ name: 'E1RMRangeError', code: 'GAINSLY_E1RM_RANGE' }));
  }, TIMEOUT);
});
