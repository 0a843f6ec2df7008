// Mutation testing (issue #24, test/README.md): varcharSchema trims before it checks. The schemas of
// the inputs are built when their modules load, so only a schema built inside a test lets a
// mutation of varcharSchema itself be seen; expected values are written out literally.
import { describe, expect, it } from 'vitest';
import { varcharSchema } from '../../src/schemas/primitives.js';

describe('varcharSchema trims', () => {
  it('returns the value without surrounding whitespace, and refuses whitespace alone as empty', () => {
    const schema = varcharSchema(10);
    expect(schema.parse('  Block A  ')).toBe('Block A');
    const result = schema.safeParse('   ');
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must not be empty']);
  });

  it('counts the length after trimming', () => {
    expect(varcharSchema(3).parse('  abc  ')).toBe('abc');
  });
});
