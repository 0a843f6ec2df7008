#!/usr/bin/env node
// Prints the 24 enums of @gainsly/db/enums from the built package: one row per member with its
// database label and semantic value. Reads dist/ (not src/) so it shows exactly what consumers get.
//
//   npm run enums                 # build, then print every enum
//   npm run enums -- Goal Visibility   # only these enums
//   node scripts/print-enums.mjs  # print from an existing build

const distEntry = new URL('../dist/enums/index.js', import.meta.url);

let ENUMS;
try {
  ({ ENUMS } = await import(distEntry.href));
} catch (error) {
  console.error(`Cannot load ${distEntry.pathname}: run \`npm run build\` first.\n${error?.message ?? error}`);
  process.exit(1);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !Object.hasOwn(ENUMS, name));
if (unknown.length > 0) {
  console.error(`Unknown enum(s): ${unknown.join(', ')}. Known: ${Object.keys(ENUMS).join(', ')}`);
  process.exit(1);
}
const codecs = Object.values(ENUMS).filter((codec) => wanted.length === 0 || wanted.includes(codec.name));

const header = ['Enum', 'PG type', 'Label', 'Value'];
const blocks = codecs.map((codec) =>
  codec.dbValues.map((label, i) => {
    const value = codec.values[i];
    // Only the first row of an enum names it, so each enum reads as one block.
    return [
      i === 0 ? codec.name : '',
      i === 0 ? (codec.pgType ?? 'string') : '',
      label,
      // Quote strings so values with spaces ('aura ring') and numbers (PersonaAggression) stay distinct.
      typeof value === 'string' ? `'${value}'` : String(value),
    ];
  }),
);
const rows = blocks.flat();

const widths = header.map((title, col) => Math.max(title.length, ...rows.map((row) => row[col].length)));
const line = (cells) => cells.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd();

console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
console.log(blocks.map((block) => block.map(line).join('\n')).join('\n\n'));
const sqlCount = codecs.filter((codec) => codec.pgType !== null).length;
console.log(
  `\n${codecs.length} enums (${sqlCount} PostgreSQL enum types, ${codecs.length - sqlCount} string-only), ${rows.length} members`,
);
