// Guards the shape of `@gainsly/db/domain`: pure imports, an explicit barrel, documented exports.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as domain from '../../src/domain/index.js';

const DOMAIN_DIR = fileURLToPath(new URL('../../src/domain/', import.meta.url));
const files = readdirSync(DOMAIN_DIR).filter((name) => name.endsWith('.ts'));
const read = (name: string) => readFileSync(`${DOMAIN_DIR}${name}`, 'utf8');

describe('@gainsly/db/domain surface', () => {
  it('imports only sibling modules and the enums', () => {
    for (const file of files) {
      const specifiers = [...read(file).matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => m[1] ?? m[2]);
      for (const specifier of specifiers) {
        expect(`${file}: ${specifier}`).toMatch(/: (\.\/[a-z0-9-]+\.js|\.\.\/enums\/index\.js)$/);
      }
    }
  });

  it('has an explicit barrel (no export *)', () => {
    expect(read('index.ts')).not.toMatch(/export\s+\*/);
  });

  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(domain).sort()).toEqual(
      [
        'BRZYCKI_HIGH_REPS_MULTIPLIER',
        'BRZYCKI_REPS_LIMIT',
        'DEFAULT_DELOAD_MIN_DECLINING',
        'DEFAULT_PLATE_INCREMENTS',
        'DEFAULT_PSI_MICROCYCLES',
        'DEFAULT_TREND_THRESHOLD',
        'DomainArgumentError',
        'E1RMRangeError',
        'GAINSLY_ERROR_CODES',
        'GOAL_WEIGHT_RULES',
        'GainslyError',
        'KG_PER_LB',
        'MIN_PSI_EXPOSURES',
        'PROGRAM_DEFAULTS',
        'PROGRAM_LIMITS',
        'PatternTrend',
        'RATING_LIMITS',
        'UPSTREAM_MIN_TREND_EXPOSURES',
        'UPSTREAM_PSI_LOOKBACK',
        'UPSTREAM_TREND_THRESHOLD',
        'UPSTREAM_TREND_WINDOW',
        'addDaysToIsoDate',
        'deloadSignal',
        'estimateOneRepMax',
        'estimateOneRepMaxAsStored',
        'estimateOneRepMaxWithEffort',
        'formatValidationProblems',
        'isIsoDate',
        'kgToLb',
        'lbToKg',
        'loadForReps',
        'patternStrengthIndex',
        'patternStrengthIndexAll',
        'patternTrend',
        'planMicrocycles',
        'roundToPlate',
        'upstreamMicrocycleWindow',
        'upstreamPatternStrengthIndex',
        'upstreamPatternStrengthIndexAll',
        'upstreamPatternTrend',
        'upstreamPatternTrendAll',
        'validateGoalWeights',
        'validateProgramShape',
        'validateRatings',
      ].sort(),
    );
  });

  it('documents every name the barrel exports with TSDoc and an @example', () => {
    const barrel = read('index.ts');
    const exported = [...barrel.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/([a-z0-9-]+)\.js'/g)].flatMap((m) =>
      m[1]!
        .split(',')
        .map((part) => part.replace(/\btype\s+/, '').trim())
        .filter(Boolean)
        .map((name) => ({ name, file: `${m[2]}.ts` })),
    );
    expect(exported.length).toBeGreaterThan(40);
    for (const { name, file } of exported) {
      const source = read(file);
      const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export\\s+(?:class|function|const|interface|type)\\s+${name}\\b`);
      const match = declaration.exec(source);
      expect(match, `${name} in ${file} has no TSDoc block`).not.toBeNull();
      expect(match![1], `${name} in ${file} has no @example`).toContain('@example');
    }
  });
});
