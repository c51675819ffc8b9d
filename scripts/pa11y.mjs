// A second accessibility engine beside axe: pa11y with HTML_CodeSniffer's WCAG 2 AA rules,
// in Debian's Chromium (one browser for every page).
//
//   node scripts/pa11y.mjs BASE_URL PATH...      e.g. node scripts/pa11y.mjs http://127.0.0.1:8000/ngay-hoi-dmst/ "" en/
//
// Prints one JSON object: {"<path>": [issues...]} with every error pa11y reports
// (code, message, selector, context); exit 0 either way (the caller judges), 2 on bad use.
// tests/build/test_pa11y.py runs it over every citizen page of the built site.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

import { existsSync } from "node:fs";

// Debian's Chromium headless shell when installed (the tests' browser: the same Blink for about
// half the CPU of the full browser in --headless=new), else its full browser.
const SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.CHROME_PATH || (existsSync(SHELL) ? SHELL : "/usr/bin/chromium");
const HEADLESS = CHROMIUM.endsWith("headless-shell") ? "shell" : true;
const OPTIONS = { runners: ["htmlcs"], standard: "WCAG2AA", includeWarnings: false, includeNotices: false, timeout: 60000 };

const [base, ...paths] = process.argv.slice(2);
if (!base || base === "--help" || base === "-h") {
  console.error("usage: node scripts/pa11y.mjs BASE_URL PATH... (paths relative to BASE_URL; \"\" is its home)");
  process.exit(base ? 0 : 2);
}

// A few pages at once: most of a page's time is spent waiting for it to load.
const TABS = Number(process.env.PA11Y_TABS || 4);

const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: HEADLESS, args: ["--no-sandbox"] });
const found = {};
const queue = [...(paths.length ? paths : [""])];
// Each tab goes from page to page: a new tab starts a new renderer, about a third of a page's CPU.
async function tab() {
  const page = await browser.newPage();
  try {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const result = await pa11y(new URL(path, base).href, { ...OPTIONS, browser, page });
      found[path] = result.issues.map(({ code, message, selector, context }) => ({ code, message, selector, context }));
    }
  } finally {
    await page.close();
  }
}
try {
  await Promise.all(Array.from({ length: TABS }, tab));
} finally {
  await browser.close();
}
console.log(JSON.stringify(found, null, 1));
