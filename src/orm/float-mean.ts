// The mean of a `double precision` column, as SQL, for every aggregate the library computes over
// stored floats (pattern strength, trends, recovery averages).
//
// Why not `avg(x)`:
// - It is not deterministic. Floating-point addition is not associative, and `avg` adds the rows
//   in whatever order the plan delivers them (heap order, which an UPDATE or VACUUM changes), so
//   the same rows gave 137.65625 one day and 137.65625000000003 the next.
// - It overflows. PostgreSQL's float8 `avg` keeps a running sum of squares for `variance` too and
//   raises "value out of range: overflow" once the sum or that sum of squares is infinite: two
//   readings of 1e308 (or of 1e155) made every later average of that user fail.
//
// What this computes instead: `sum(x × 2⁻⁶⁴ order by <key>) / count(x) × 2⁶⁴`.
// - `order by <key>` (a unique key such as the row id) fixes the order of the additions, so the
//   same rows give the same float, bit for bit, whatever their physical order.
// - `sum` (unlike `avg`) keeps no sum of squares, and scaling by 2⁻⁶⁴ first keeps the running sum
//   finite for any count below 2⁶⁴ of finite values (each term is at most 1.8e308 × 2⁻⁶⁴); the
//   mean of finite values is at most their largest, so scaling back cannot overflow either.
// - Multiplying by a power of two is exact and commutes with rounding (barring subnormals), so for
//   every value above 4e-289 the result is bit for bit `Σx / n` added in key order: the plain mean.
// - No rows (or only NULLs): `sum` is NULL and so is the mean, as with `avg`.
//
// NaN or ±Infinity among the inputs still give a non-finite mean (never an error): callers that
// must not return one check for it and name the row (see PatternExposureRepository).

/** 2⁻⁶⁴, written so that PostgreSQL parses it to exactly that double. */
const SCALE_DOWN = '5.421010862427522e-20::float8';
/** 2⁶⁴, exact as a double. */
const SCALE_UP = '18446744073709551616::float8';

/**
 * SQL for the overflow-free, order-independent mean of a float8 expression over the rows of the
 * group, added in `orderBy` order (which must be unique, e.g. `pe.id`). See the file comment.
 * @internal
 * @example
 * ```ts
 * const sql = `select ${floatMeanSql('pe.e1rm_value', 'pe.id')} as mean from pattern_exposures pe`;
 * ```
 */
export function floatMeanSql(expression: string, orderBy: string): string {
  return `(sum(${expression} * ${SCALE_DOWN} order by ${orderBy}) / count(${expression}) * ${SCALE_UP})`;
}
