// Open a notebook in a running JupyterLab with headless Chromium (playwright-core driving Debian's
// chromium), run all cells from the Run menu, wait until every cell ran and the kernel is idle, and
// print one JSON line describing what the page shows. Requests that leave the machine are aborted and
// listed. Used by tests/test_browser.py.
//
//   node jupyterlab_run_all.js --chromium /usr/bin/chromium --url http://127.0.0.1:PORT \
//        --token TOKEN --notebook notebooks/00-quickstart.ipynb --profile DIR --screenshot out.png
'use strict';

const { chromium } = require('playwright-core');

function parseArgs(argv) {
  const args = { timeout: 100000 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    args[key] = argv[i + 1];
  }
  for (const key of ['chromium', 'url', 'token', 'notebook', 'profile']) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  args.timeout = Number(args.timeout);
  return args;
}

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const deadline = started + args.timeout;
  const left = () => Math.max(1000, deadline - Date.now());
  const local = new URL(args.url).host;
  const blocked = [];
  const pageErrors = [];

  const context = await chromium.launchPersistentContext(args.profile, {
    executablePath: args.chromium,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
  });
  const result = { ok: false, blocked, pageErrors };
  try {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === local || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    await page.goto(`${args.url}/lab/tree/${args.notebook}?token=${args.token}`, { timeout: left() });
    // the notebook is open and its kernel has started
    await page.waitForSelector('.jp-NotebookPanel .jp-Cell', { timeout: left() });
    // the indicator says idle before a kernel is attached ("No Kernel"): wait for a named, idle kernel
    await page.waitForFunction(() => {
      const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
      const name = document.querySelector('.jp-NotebookPanel .jp-Toolbar-kernelName');
      return indicator && indicator.getAttribute('data-status') === 'idle' && name
        && !/no kernel|unknown|starting/i.test(name.textContent) && name.textContent.trim() !== '';
    }, null, { timeout: left(), polling: 250 });
    result.kernel = await page.locator('.jp-NotebookPanel .jp-Toolbar-kernelName').first().textContent();
    result.codeCells = await page.locator('.jp-NotebookPanel .jp-CodeCell').count();

    // Run > Run All Cells
    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();

    // done when every prompt shows a number (or a traceback appeared) and the kernel is idle again;
    // a kernel dialog (JupyterLab may ask which kernel to start) is answered with its default
    for (;;) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the cells to run');
      const dialog = page.locator('.jp-Dialog .jp-mod-accept');
      if (await dialog.count()) {
        result.dialogs = (result.dialogs || 0) + 1;
        await dialog.first().click();
      }
      const done = await page.evaluate(() => {
        const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
        const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
        const ran = prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p.textContent));
        const errored = [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output')]
          .some((o) => o.textContent.includes('Traceback (most recent call last)'));
        return (ran || errored) && indicator && indicator.getAttribute('data-status') === 'idle';
      });
      if (done) break;
      await page.waitForTimeout(500);
    }
    await page.waitForTimeout(500);

    Object.assign(result, await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')];
      const prompts = cells.map((c) => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
      const images = [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img')];
      const errors = [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output')]
        .map((o) => o.textContent)
        .filter((t) => t.includes('Traceback (most recent call last)'));
      return {
        prompts,
        executed: prompts.filter((p) => /\[\d+\]/.test(p)).length,
        images: images.map((i) => ({ width: i.naturalWidth, height: i.naturalHeight, complete: i.complete })),
        errors: errors.map((t) => t.slice(0, 2000)),
        status: document.querySelector('.jp-Notebook-ExecutionIndicator').getAttribute('data-status'),
      };
    }));
    if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: false });
    result.ok = true;
  } catch (err) {
    result.error = String(err && err.stack ? err.stack : err);
    try {
      const page = context.pages()[0];
      if (page && args.screenshot) await page.screenshot({ path: args.screenshot });
    } catch (_) { /* best effort */ }
  } finally {
    result.seconds = (Date.now() - started) / 1000;
    await context.close();
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(err && err.stack ? err.stack : err) }) + '\n');
  process.exit(1);
});
