// Means and relative changes below were computed by hand, e.g. (120+130+140+150)/4 = 135 and
// (104.5-100.5)/100.5 = 0.0398.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELOAD_MIN_DECLINING,
  DEFAULT_PSI_MICROCYCLES,
  DEFAULT_TREND_THRESHOLD,
  DomainArgumentError,
  GainslyError,
  MIN_PSI_EXPOSURES,
  PatternTrend,
  deloadSignal,
  patternStrengthIndex,
  patternStrengthIndexAll,
  patternTrend,
  type PatternExposureInput,
} from '../../src/domain/index.js';
import type { MovementPattern } from '../../src/enums/index.js';

const MONDAYS = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10'];

/** One exposure per microcycle 1..6 (weekly), with the given e1RMs. */
function weekly(pattern: MovementPattern, values: number[], dayOffset = 0): PatternExposureInput[] {
  return values.map((e1rmValue, index) => ({
    pattern,
    date: MONDAYS[index]!.replace(/\d{2}$/, (day) => String(Number(day) + dayOffset).padStart(2, '0')),
    e1rmValue,
    microcycleSequence: index + 1,
  }));
}

describe('patternStrengthIndex', () => {
  const squats = weekly('squat', [100, 110, 120, 130, 140, 150]);

  it('uses defaults of 4 microcycles and 2 exposures', () => {
    expect(DEFAULT_PSI_MICROCYCLES).toBe(4);
    expect(MIN_PSI_EXPOSURES).toBe(2);
  });

  it('averages the pattern over the last 4 microcycles by default', () => {
    expect(patternStrengthIndex(squats, { pattern: 'squat' })).toBe(135);
  });

  it('honours lastNMicrocycles, including a window larger than the history', () => {
    expect(patternStrengthIndex(squats, { pattern: 'squat', lastNMicrocycles: 2 })).toBe(145);
    expect(patternStrengthIndex(squats, { pattern: 'squat', lastNMicrocycles: 1 })).toBeNull();
    expect(patternStrengthIndex(squats, { pattern: 'squat', lastNMicrocycles: 10 })).toBe(125);
  });

  it('counts every exposure in a microcycle, and a microcycle once', () => {
    const extra: PatternExposureInput = { pattern: 'squat', date: '2025-02-13', e1rmValue: 160, microcycleSequence: 6 };
    // Window of 2 = microcycles 5 and 6: (140 + 150 + 160) / 3
    expect(patternStrengthIndex([...squats, extra], { pattern: 'squat', lastNMicrocycles: 2 })).toBe(150);
    // A single microcycle with two exposures is enough: (150 + 160) / 2
    expect(patternStrengthIndex([...squats, extra], { pattern: 'squat', lastNMicrocycles: 1 })).toBe(155);
  });

  it('returns null with fewer than 2 exposures', () => {
    expect(patternStrengthIndex([], { pattern: 'squat' })).toBeNull();
    expect(patternStrengthIndex(squats.slice(0, 1), { pattern: 'squat' })).toBeNull();
    expect(patternStrengthIndex(squats, { pattern: 'hinge' })).toBeNull();
  });

  it('takes the window over all patterns, so a pattern not trained lately is null', () => {
    const hinges = weekly('hinge', [180, 190]); // microcycles 1 and 2 only
    const exposures = [...squats, ...hinges];
    expect(patternStrengthIndex(exposures, { pattern: 'hinge' })).toBeNull();
    expect(patternStrengthIndex(exposures, { pattern: 'hinge', lastNMicrocycles: 6 })).toBe(185);
    expect(patternStrengthIndex(exposures, { pattern: 'squat' })).toBe(135);
  });

  it('does not depend on input order', () => {
    const shuffled = [squats[4]!, squats[0]!, squats[5]!, squats[2]!, squats[1]!, squats[3]!];
    expect(patternStrengthIndex(shuffled, { pattern: 'squat', lastNMicrocycles: 3 })).toBe(140);
  });

  it('orders microcycles by date, so sequence numbers restarting in a new program do not confuse it', () => {
    const exposures: PatternExposureInput[] = [
      { pattern: 'vertical_push', date: '2025-03-03', e1rmValue: 120, microcycleId: 20, microcycleSequence: 1 },
      { pattern: 'vertical_push', date: '2025-03-10', e1rmValue: 125, microcycleId: 21, microcycleSequence: 2 },
      { pattern: 'vertical_push', date: '2025-01-06', e1rmValue: 100, microcycleId: 10, microcycleSequence: 1 },
      { pattern: 'vertical_push', date: '2025-01-13', e1rmValue: 105, microcycleId: 11, microcycleSequence: 2 },
      { pattern: 'vertical_push', date: '2025-01-20', e1rmValue: 110, microcycleId: 12, microcycleSequence: 3 },
    ];
    expect(patternStrengthIndex(exposures, { pattern: 'vertical_push', lastNMicrocycles: 2 })).toBe(122.5);
    // Window of 3: ids 12, 20, 21 -> (110 + 120 + 125) / 3
    expect(patternStrengthIndex(exposures, { pattern: 'vertical_push', lastNMicrocycles: 3 })).toBeCloseTo(118.33333333333333, 9);
  });

  it('breaks date ties by sequence number', () => {
    const exposures: PatternExposureInput[] = [
      { pattern: 'core', date: '2025-01-06', e1rmValue: 10, microcycleSequence: 2 },
      { pattern: 'core', date: '2025-01-06', e1rmValue: 20, microcycleSequence: 1 },
      { pattern: 'core', date: '2025-01-06', e1rmValue: 40, microcycleSequence: 3 },
    ];
    // Last 2 by (date, sequence) = sequences 2 and 3.
    expect(patternStrengthIndex(exposures, { pattern: 'core', lastNMicrocycles: 2 })).toBe(25);
  });

  it('reports every invalid exposure field and option at once', () => {
    let caught: DomainArgumentError | undefined;
    try {
      patternStrengthIndex(
        [
          { pattern: 'squat', date: '2025-01-06', e1rmValue: 100, microcycleSequence: 1 },
          { pattern: 'legs' as MovementPattern, date: '2025-02-30', e1rmValue: -1, microcycleSequence: 1 },
          { pattern: 'squat', date: '2025-01-13', e1rmValue: Number.NaN },
          { pattern: 'squat', date: '2025-01-20', e1rmValue: 100, microcycleId: 1.5 },
        ],
        { pattern: 'squat', lastNMicrocycles: 0 },
      );
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(GainslyError);
    expect(caught).not.toBeInstanceOf(RangeError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(caught?.problems.map((problem) => problem.path)).toEqual([
      ['options', 'lastNMicrocycles'],
      ['exposures', 1, 'pattern'],
      ['exposures', 1, 'date'],
      ['exposures', 1, 'e1rmValue'],
      ['exposures', 2, 'e1rmValue'],
      ['exposures', 2, 'microcycleId'],
      ['exposures', 3, 'microcycleId'],
    ]);
  });

  it('rejects an unknown pattern option', () => {
    expect(() => patternStrengthIndex(squats, { pattern: 'legs' as MovementPattern })).toThrow(/pattern/);
  });
});

describe('patternStrengthIndexAll', () => {
  it('returns all 17 patterns, null where there is not enough data', () => {
    const exposures = [
      ...weekly('squat', [100, 110, 120, 130, 140, 150]),
      ...weekly('hinge', [200, 200, 200, 210, 220, 230], 1),
      ...weekly('carry', [0, 0, 0, 0, 0, 80], 2),
    ];
    const psi = patternStrengthIndexAll(exposures);
    expect(Object.keys(psi)).toEqual([
      'squat', 'hinge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull', 'carry', 'core',
      'lunge', 'rotation', 'plyometric', 'olympic', 'isolation', 'mobility', 'isometric', 'conditioning', 'cardio',
    ]);
    expect(psi.squat).toBe(135);
    expect(psi.hinge).toBe(215);
    expect(psi.carry).toBe(20); // (0 + 0 + 0 + 80) / 4
    expect(psi.lunge).toBeNull();
    expect(Object.values(psi).filter((value) => value === null)).toHaveLength(14);
    for (const pattern of ['squat', 'hinge', 'carry', 'lunge'] as const) {
      expect(psi[pattern]).toBe(patternStrengthIndex(exposures, { pattern }));
    }
    expect(patternStrengthIndexAll(exposures, { lastNMicrocycles: 1 }).squat).toBeNull();
    expect(patternStrengthIndexAll(exposures, { lastNMicrocycles: 2 }).squat).toBe(145);
  });

  it('returns all-null for no exposures', () => {
    expect(Object.values(patternStrengthIndexAll([])).every((value) => value === null)).toBe(true);
  });
});

describe('patternTrend', () => {
  it('defaults to a 2.5 % threshold', () => {
    expect(DEFAULT_TREND_THRESHOLD).toBe(0.025);
  });

  it.each([
    [[], 'insufficient_data'],
    [[100], 'insufficient_data'],
    [[null, 100, undefined], 'insufficient_data'],
    [[100, 103], 'increasing'], // +3 %
    [[100, 102], 'stable'], // +2 %
    [[100, 102.5], 'increasing'], // exactly +2.5 %
    [[100, 97.5], 'decreasing'], // exactly -2.5 %
    [[100, 97.6], 'stable'], // -2.4 %
    [[100, 101, 104, 105], 'increasing'], // 100.5 -> 104.5: +3.98 %
    [[100, 50, 101], 'stable'], // middle point ignored: 100 -> 101
    [[150, 148, 146, 144, 142, 140], 'decreasing'], // 148 -> 142: -4.05 %
    [[100, 100, 100, 100, 100, 106], 'stable'], // 100 -> 102: one good last session (+6 %) is damped
    [[100, null, 103], 'increasing'], // null dropped
    [[0, 5], 'increasing'],
    [[0, 0], 'stable'],
  ] as const)('%j -> %s', (series, expected) => {
    expect(patternTrend(series)).toBe(expected);
  });

  it('honours the threshold option', () => {
    expect(patternTrend([100, 104], { threshold: 0.05 })).toBe(PatternTrend.STABLE);
    expect(patternTrend([100, 94], { threshold: 0.05 })).toBe(PatternTrend.DECREASING);
    expect(patternTrend([100, 100.001], { threshold: 0 })).toBe(PatternTrend.INCREASING);
    expect(patternTrend([100, 100], { threshold: 0 })).toBe(PatternTrend.STABLE);
  });

  it('rejects non-finite points and a bad threshold, listing both', () => {
    let caught: DomainArgumentError | undefined;
    try {
      patternTrend([100, Number.NaN, 101], { threshold: -1 });
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(GainslyError);
    expect(caught).not.toBeInstanceOf(RangeError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(caught?.problems.map((problem) => problem.path)).toEqual([['options', 'threshold'], ['series', 1]]);
  });
});

describe('deloadSignal', () => {
  it('defaults to 2 declining patterns', () => {
    expect(DEFAULT_DELOAD_MIN_DECLINING).toBe(2);
  });

  it('recommends a deload when 2 or more patterns decrease, listed in enum order', () => {
    expect(deloadSignal({ hinge: 'decreasing', squat: 'decreasing', vertical_pull: 'stable' })).toEqual({
      deload: true,
      decliningPatterns: ['squat', 'hinge'],
    });
    expect(deloadSignal({ cardio: 'decreasing', squat: 'decreasing', core: 'decreasing' })).toEqual({
      deload: true,
      decliningPatterns: ['squat', 'core', 'cardio'],
    });
  });

  it('does not recommend one for a single decline or other trends', () => {
    expect(deloadSignal({ squat: 'decreasing', hinge: 'stable' })).toEqual({ deload: false, decliningPatterns: ['squat'] });
    expect(
      deloadSignal({ squat: 'insufficient_data', hinge: 'insufficient_data', lunge: 'increasing', core: 'stable' }),
    ).toEqual({ deload: false, decliningPatterns: [] });
    expect(deloadSignal({})).toEqual({ deload: false, decliningPatterns: [] });
  });

  it('honours minDecliningPatterns', () => {
    expect(deloadSignal({ squat: 'decreasing', hinge: 'decreasing' }, { minDecliningPatterns: 3 }).deload).toBe(false);
    expect(deloadSignal({ squat: 'decreasing' }, { minDecliningPatterns: 1 }).deload).toBe(true);
  });

  it('rejects unknown patterns, unknown trends and a bad minimum', () => {
    let caught: DomainArgumentError | undefined;
    try {
      deloadSignal({ legs: 'decreasing', squat: 'down' } as never, { minDecliningPatterns: 0 });
    } catch (error) {
      caught = error as DomainArgumentError;
    }
    expect(caught).toBeInstanceOf(GainslyError);
    expect(caught).not.toBeInstanceOf(RangeError);
    expect((caught as GainslyError).code).toBe('GAINSLY_DOMAIN_ARGUMENT');
    expect(caught?.problems.map((problem) => problem.path)).toEqual([
      ['options', 'minDecliningPatterns'],
      ['trends', 'legs'],
      ['trends', 'squat'],
    ]);
  });

  it('works end to end from exposures: rolling PSI per microcycle -> trend -> signal', () => {
    const exposures = [
      ...weekly('squat', [140, 140, 138, 134, 132, 130]),
      ...weekly('hinge', [200, 198, 196, 190, 186, 184], 1),
      ...weekly('horizontal_push', [100, 101, 102, 103, 104, 105], 2),
    ];
    const trends: Partial<Record<MovementPattern, PatternTrend>> = {};
    for (const pattern of ['squat', 'hinge', 'horizontal_push'] as const) {
      // PSI over the last 2 microcycles as of each microcycle 2..6.
      const series = [2, 3, 4, 5, 6].map((upTo) =>
        patternStrengthIndex(exposures.filter((e) => (e.microcycleSequence ?? 0) <= upTo), { pattern, lastNMicrocycles: 2 }),
      );
      trends[pattern] = patternTrend(series);
    }
    // squat 140,139,136,133,131: 139.5 -> 132 (-5.4 %); hinge 199,197,193,188,185: 198 -> 186.5 (-5.8 %);
    // push 100.5,101.5,102.5,103.5,104.5: 101 -> 104 (+3.0 %)
    expect(trends).toEqual({ squat: 'decreasing', hinge: 'decreasing', horizontal_push: 'increasing' });
    expect(deloadSignal(trends)).toEqual({ deload: true, decliningPatterns: ['squat', 'hinge'] });
  });
});
