#!/usr/bin/env node
// Render a BPMN diagram to PNG with the bpmn-js viewer in headless Chromium.
// Usage: node tools/render.mjs <file.bpmn> <out.png> [--scale N]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args.splice(scaleAt, 2)[1]) : 1.5;
const [input, output] = args;
if (!input || !output || !(scale > 0)) {
  console.error('usage: render.mjs <file.bpmn> <out.png> [--scale N]');
  process.exit(2);
}

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`render: ${executablePath} not found; install it with: apt-get install -y chromium`);
  process.exit(2);
}

if (!existsSync(input)) {
  console.error(`render: ${input}: no such file`);
  process.exit(2);
}
const xml = readFileSync(input, 'utf8');
if (!/<(\w+:)?BPMNDiagram[\s>]/.test(xml)) {
  console.error(`render: ${input} has no diagram; add one with: node tools/layout.mjs ${input}`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const viewerJs = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'
  ]
});

try {
  const page = await browser.newPage({ deviceScaleFactor: scale });
  // Nothing is fetched from the network: the viewer script is injected from node_modules.
  await page.route('**/*', route => route.abort());
  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><div id="c"></div></body></html>');
  await page.addScriptTag({ path: viewerJs });

  // Import, then export the diagram as SVG (bpmn-js crops it to the diagram bounds).
  const result = await page.evaluate(async (xml) => {
    const viewer = new window.BpmnJS({ container: '#c' });
    try {
      const { warnings } = await viewer.importXML(xml);
      const { svg } = await viewer.saveSVG();
      return { svg, warnings: warnings.map(w => w.message) };
    } catch (err) {
      return { error: err.message, warnings: (err.warnings || []).map(w => w.message) };
    }
  }, xml);

  for (const w of result.warnings) console.error(`render: warning: ${w}`);
  if (result.error) throw new Error(`cannot import ${input}: ${result.error}`);

  // Show the SVG alone on a white page, with a margin, and screenshot exactly that.
  await page.setContent(
    '<!doctype html><html><body style="margin:0;background:#fff">' +
    `<div id="d" style="display:inline-block;padding:20px;background:#fff">${result.svg}</div></body></html>`
  );
  const box = await page.locator('#d').boundingBox();
  await page.setViewportSize({ width: Math.ceil(box.width), height: Math.ceil(box.height) });
  await page.locator('#d').screenshot({ path: resolve(output) });
  console.log(`render: ${output} (${Math.ceil(box.width * scale)}x${Math.ceil(box.height * scale)} px)`);
} catch (err) {
  console.error(`render: ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
