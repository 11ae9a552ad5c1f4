// Takes a screenshot of a running Leverflow page: node scripts/shot.mjs URL OUT.png
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.mjs';

const [url = 'http://localhost:5173', out = '/tmp/shot.png'] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector('.react-flow__node');
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
console.log('wrote', out);
