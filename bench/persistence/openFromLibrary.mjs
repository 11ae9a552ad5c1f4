// Shared by the persistence bench and its profiler: Library → Open, timed in the page.

/**
 * Opens `name` from the library; resolves to { total, read }: ms from the click until the
 * map is on screen in its own view, and of it the app's storage read ('leverflow:get').
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 */
export function openFromLibrary(page, name) {
  return page.evaluate(async (name) => {
    document.querySelector('.lf-toolbar button[title^="All your maps"]').click();
    const find = () =>
      [...document.querySelectorAll('.lf-library__item')].find(
        (li) => li.getAttribute('aria-label') === name,
      );
    while (!find()) await new Promise((r) => setTimeout(r, 10));
    const open = [...find().querySelectorAll('button')].find((b) => b.textContent === 'Open');
    const t0 = performance.now();
    open.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const shown =
        document.querySelector('.lf-map-name')?.textContent === name &&
        document.querySelectorAll('.react-flow__node').length > 0 &&
        !document.querySelector('.lf-loading') &&
        // …and in its own view (saved, or the opening view), not the last map's.
        performance.getEntriesByName('leverflow:shown').some((e) => e.startTime >= t0);
      if (shown) break;
    }
    await new Promise((r) => requestAnimationFrame(r));
    const total = performance.now() - t0;
    const read = performance
      .getEntriesByName('leverflow:get', 'measure')
      .filter((e) => e.startTime >= t0)
      .reduce((sum, e) => sum + e.duration, 0);
    return { total, read };
  }, name);
}
