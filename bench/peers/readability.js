// Mozilla Readability (with jsdom) over a directory of .html / .html.gz
// pages: writes {"id","text"} per page (textContent of the parsed article)
// to OUT and prints {"pages","parsed","pages_per_s"} (parse time only, CPU
// time of this process; reading and gunzip are not counted).
// Usage: node bench/peers/readability.js DIR OUT.jsonl
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function readPages(dir) {
  return fs.readdirSync(dir).sort().filter((f) => /\.html?(\.gz)?$/.test(f))
    .map((f) => {
      let buf = fs.readFileSync(path.join(dir, f));
      if (f.endsWith('.gz')) buf = zlib.gunzipSync(buf);
      return { id: f.replace(/\.html?(\.gz)?$/, ''), html: buf.toString('utf8') };
    });
}

function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function main() {
  const [dir, out] = process.argv.slice(2);
  const pages = readPages(dir);
  const virtualConsole = new VirtualConsole();  // silences CSS parse errors
  const lines = [];
  let parsed = 0;
  const t0 = cpuSeconds();
  for (const p of pages) {
    let text = '';
    try {
      const dom = new JSDOM(p.html, { url: 'https://example.org/', virtualConsole });
      const article = new Readability(dom.window.document).parse();
      if (article) {
        text = article.textContent || '';
        parsed++;
      }
      dom.window.close();
    } catch (e) {
      text = '';
    }
    lines.push(JSON.stringify({ id: p.id, text }));
  }
  const secs = cpuSeconds() - t0;
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(JSON.stringify({ pages: pages.length, parsed,
    pages_per_s: pages.length / secs, cpu_s: secs }));
}

main();
