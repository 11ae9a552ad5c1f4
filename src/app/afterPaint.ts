/**
 * Resolves once the browser has drawn what is on the page now (the frame after this one has
 * begun), or after `fallbackMs` in a tab the browser does not draw (hidden), so that what
 * follows runs in a task of its own.
 * @example await afterPaint();
 */
export function afterPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    const timer = setTimeout(finish, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        finish();
      }, 0),
    );
  });
}
