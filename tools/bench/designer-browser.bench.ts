// Import + lint + compile of a ~500-element diagram in the browser (target < 1 s, and within 2× vanilla bpmn-js
// importing the same file), in headless Chromium, in the same run. The page is bundled here with esbuild from
// tools/bench/designer-browser/entry.ts: bpmn-js configured as the designer configures it (the ow: extension, the
// reduced palette and the Chinese labels) and the designer's own lint + compile (lintAndCompile, as on every
// change), against a vanilla bpmn-js Modeler. Run with `npx tsx tools/bench/designer-browser.bench.ts [--rounds 15]`.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { repoRoot } from '@onewindow/config';
import { planToBpmn } from '@onewindow/flow-model/src/bpmn';
import { bigPlan } from './big-plan';
import { hostLine, hostNow, ms, summarize, writeResult } from './bench-report';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;

void (async () => {
  const host = hostNow();
  const xml = await planToBpmn(bigPlan());
  const elements = (xml.match(/<bpmn:(?!definitions|process|incoming|outgoing)[a-zA-Z]+ /g) ?? []).length;
  const dir = path.join(repoRoot(), 'tmp', 'bench', 'designer-browser');
  fs.mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [path.join(__dirname, 'designer-browser', 'entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(dir, 'bundle.js'),
    logLevel: 'error',
  });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><div id="canvas" style="width:1400px;height:900px"></div><script src="bundle.js"></script>',
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    const vanilla: number[] = [];
    const ours: number[] = [];
    let checked = { problems: 0, compiled: false };
    // Two warm-up rounds each, then alternate so both see the same host load.
    for (let i = -2; i < rounds; i++) {
      const v = await page.evaluate((x) => window.benchVanilla(x), xml);
      const o = await page.evaluate((x) => window.benchOneWindow(x), xml);
      checked = o;
      if (i >= 0) {
        vanilla.push(v);
        ours.push(o.total);
      }
    }
    if (!checked.compiled)
      throw new Error(`the benchmark diagram does not compile (${checked.problems} problems)`);
    const v = summarize(vanilla);
    const o = summarize(ours);
    console.log(
      `Designer in Chromium, ${elements} BPMN elements, ${rounds} rounds after 2 warm-up rounds; ${hostLine(host)}\n`,
    );
    console.log('| what | median ms | p95 ms |\n|---|---|---|');
    console.log(`| vanilla bpmn-js: Modeler.importXML | ${ms(v.median)} | ${ms(v.p95)} |`);
    console.log(`| OneWindow designer: import + saveXML + lint + compile | ${ms(o.median)} | ${ms(o.p95)} |`);
    console.log(
      `\nratio (median): ${(o.median / v.median).toFixed(2)} × vanilla; target < 1000 ms and ≤ 2 ×`,
    );
    console.log(
      `wrote ${writeResult('designer-browser', { host, elements, rounds, vanilla: v, oneWindow: o })}`,
    );
  } finally {
    await browser.close();
  }
})();
