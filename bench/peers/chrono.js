// chrono-node over bench/dates.tsv, scored like bench/date_bench.cc: a row
// is correct when the first date found (with a known day) equals the
// expected day, or, for "-" rows, when nothing is found. Speed: the whole
// set REPEAT times, CPU time. Prints one JSON object; misses to stderr.
// Usage: node bench/peers/chrono.js [TSV] [REPEAT]
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

function rows(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [ref, expected, sentence] = l.split('\t');
      const [y, m, d] = ref.split('-').map(Number);
      // Noon local time, so the reference day is the same in any zone.
      return { ref: new Date(y, m - 1, d, 12), expected, sentence };
    });
}

function pad(n) { return String(n).padStart(2, '0'); }

function answer(results) {
  if (!results.length) return '-';
  const s = results[0].start;
  return `${s.get('year')}-${pad(s.get('month'))}-${pad(s.get('day'))}`;
}

function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function main() {
  const file = process.argv[2] || path.join(__dirname, '..', 'dates.tsv');
  const repeat = Number(process.argv[3] || 200);
  const rs = rows(file);
  let correct = 0;
  for (const r of rs) {
    const got = answer(chrono.parse(r.sentence, r.ref));
    if (got === r.expected) correct++;
    else process.stderr.write(`chrono miss: want ${r.expected} got ${got}: ${r.sentence}\n`);
  }
  let bytes = 0;
  for (const r of rs) bytes += Buffer.byteLength(r.sentence);
  const t0 = cpuSeconds();
  for (let i = 0; i < repeat; i++) for (const r of rs) chrono.parse(r.sentence, r.ref);
  const secs = cpuSeconds() - t0;
  console.log(JSON.stringify({ sentences: rs.length, correct,
    accuracy: correct / rs.length, sentences_per_s: rs.length * repeat / secs,
    mb_per_s: bytes * repeat / secs / 1e6 }));
}

main();
