import { expect, test } from '@playwright/test';
import { denseFlowchart } from '../bench/denseFlowchart.mjs';

test.describe('Content-Security-Policy', () => {
  test('the page and its workers load with no policy violation; the header forbids framing', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const messages: string[] = [];
    page.on('console', (m) => {
      if (/content.security.policy|refused to/i.test(m.text())) messages.push(m.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      Reflect.set(window, '__violations', seen);
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const response = await page.goto('/');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-eval');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    // Schemas parse (a map file), the layout worker runs (an import laid out by elkjs, then
    // one in quick layers: over Tidy up's size budget) and the analysis worker runs (over
    // 250 steps).
    await page.locator('input[type=file]').setInputFiles({
      name: 'small.mmd',
      mimeType: 'text/plain',
      buffer: Buffer.from(denseFlowchart(30)),
    });
    await expect(page.locator('.lf-map-name')).toHaveText('small', { timeout: 30_000 });
    await page.locator('input[type=file]').setInputFiles({
      name: 'dense.mmd',
      mimeType: 'text/plain',
      buffer: Buffer.from(denseFlowchart(300)),
    });
    await expect(page.locator('.lf-map-name')).toHaveText('dense', { timeout: 30_000 });
    await page.getByRole('tab', { name: 'Findings' }).click();
    await expect(page.getByRole('region', { name: 'Findings' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => Reflect.get(window, '__violations'))).toEqual([]);
    expect(messages).toEqual([]);

    // The worker's script is served under the same policy.
    const worker = page.workers()[0];
    expect(worker).toBeDefined();
    const workerResponse = await page.request.get(worker?.url() ?? '/');
    expect(workerResponse.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('another page cannot frame the app', async ({ page, baseURL }) => {
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|refused to (display|frame)/i.test(m.text())) blocked.push(m.text());
    });
    await page.route(`${baseURL}/framer.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><iframe src="${baseURL}/" width="800" height="600"></iframe>`,
      }),
    );
    await page.goto(`${baseURL}/framer.html`);
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.locator('.react-flow').count()).toBe(0);
  });
});
