// Firefox for the tests, driven over WebDriver BiDi by puppeteer-core (Debian
// has firefox-esr but no geckodriver). One browser, one tab; the Python side
// (tests/support/engine_drivers.py) sends one JSON command per line on stdin and reads
// one JSON answer per line on stdout.
//   node firefox.mjs FIREFOX_PATH WIDTH HEIGHT
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const [executablePath, width, height] = process.argv.slice(2);
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath,
  headless: true,
  // A phone's scrollbars overlay the page; headless Firefox's default 12 px ones
  // would narrow it and count as a horizontal overflow that no reader has.
  extraPrefsFirefox: { "ui.useOverlayScrollbars": 1 },
});
const page = (await browser.pages())[0] || (await browser.newPage());
await page.setViewport({ width: Number(width), height: Number(height) });

const commands = {
  goto: ({ url }) => page.goto(url, { waitUntil: "load" }).then(() => null),
  evaluate: ({ expression }) => page.evaluate(expression),
  click: ({ selector }) => page.click(selector).then(() => null),
  type: ({ selector, text }) => page.type(selector, text).then(() => null),
  waitFor: ({ expression, timeout }) =>
    page.waitForFunction(expression, { timeout: timeout * 1000, polling: "raf" }).then(() => null),
  // A click that leads to another page: answer once that page has loaded.
  follow: ({ selector, timeout }) =>
    Promise.all([page.waitForNavigation({ timeout: timeout * 1000, waitUntil: "load" }),
                 page.click(selector)]).then(() => null),
  // The page printed on A4 as the reader's browser prints it (print CSS, @page), base64.
  pdf: () => page.pdf({ preferCSSPageSize: true }).then((bytes) => Buffer.from(bytes).toString("base64")),
  screenshot: () => page.screenshot({ encoding: "base64" }),
  url: () => page.url(),
  version: () => browser.version(),
};

process.stdout.write(JSON.stringify({ ready: true }) + "\n");
for await (const line of createInterface({ input: process.stdin })) {
  const message = JSON.parse(line);
  if (message.command === "close") break;
  try {
    const value = await commands[message.command](message);
    process.stdout.write(JSON.stringify({ value: value === undefined ? null : value }) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error && error.stack || error) }) + "\n");
  }
}
await browser.close();
