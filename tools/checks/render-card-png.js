#!/usr/bin/env node
// Renders Adaptive Cards to PNG with the official renderer and Teams' host config, in Debian's
// Chromium (headless, offline), for the README's pictures.
//
//   node render-card-png.js <card.json> <out.png> [width]
//
// Needs /usr/bin/chromium (apt-get install chromium). Teams' host config comes from TEAMS_HOSTCONFIG,
// else from the adaptivecards-designer package.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { teamsHostConfigPath } = require('./teams-hostconfig');

async function main() {
  const [cardPath, outPath, widthArg] = process.argv.slice(2);
  if (!cardPath || !outPath) {
    console.error('usage: node render-card-png.js <card.json> <out.png> [width]');
    process.exit(2);
  }

  const card = JSON.parse(fs.readFileSync(cardPath, 'utf8'));
  const hostConfig = JSON.parse(fs.readFileSync(teamsHostConfigPath(), 'utf8'));
  const library = fs.readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
  const width = Number(widthArg || 520);
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'planbot-cards-'));
  const browser = await chromium.launchPersistentContext(userData, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: width + 32, height: 400 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', route => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0;padding:16px;background:#f5f5f5;font-family:'Segoe UI',sans-serif">
      <div id="card" style="width:${width}px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>`);
    await page.addScriptTag({ content: library });
    await page.evaluate(([cardJson, config]) => {
      // A small stand-in for the markdown Teams applies to TextBlocks: backslash escapes and bold.
      // HTML entities pass through as HTML, which is how Teams shows them.
      // Teams shows an <at>…</at> mention (one with its msteams entity) as the name, highlighted.
      const mentions = new Set(((cardJson.msteams || {}).entities || []).filter(e => e.type === 'mention').map(e => e.text));
      AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
        let html = text.replace(/<at>.*?<\/at>/g, m => (mentions.has(m) ? `<b style="color:#5b5fc7">@${m.slice(4, -5)}</b>` : m));
        html = html.replace(/<(?!\/?b[ >])/g, '&lt;');
        html = html.replace(/\\([\\`*_{}\[\]()#+\-.!|~<>=])/g, (_, c) => '&#' + c.charCodeAt(0) + ';');
        html = html.replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');
        html = html.replace(/\n\n/g, '<br>');
        result.outputHtml = html;
        result.didProcess = true;
      };
      const adaptive = new AdaptiveCards.AdaptiveCard();
      adaptive.hostConfig = new AdaptiveCards.HostConfig(config);
      delete cardJson.msteams;
      adaptive.parse(cardJson);
      document.getElementById('card').appendChild(adaptive.render());
    }, [card, hostConfig]);
    const element = await page.$('#card');
    await element.screenshot({ path: outPath });
  } finally {
    await browser.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().catch(error => { console.error(error); process.exit(1); });
