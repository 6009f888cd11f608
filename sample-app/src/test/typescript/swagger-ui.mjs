// Opens the sample application's Swagger UI in Debian's chromium, expands the people resource,
// runs "Try it out" on reading a page of people and expects 200; saves a screenshot.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const baseUrl = process.env.RESTLESS_SAMPLE_URL;
const screenshot = process.env.SCREENSHOT_PATH ?? "swagger-ui.png";
if (!baseUrl) {
  throw new Error("Set RESTLESS_SAMPLE_URL to the sample application's root URL");
}

const profile = mkdtempSync(join(tmpdir(), "restless-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 1600 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  await page.goto(`${baseUrl}/swagger-ui.html`);
  const people = page.locator("#operations-tag-people");
  await people.waitFor();
  const operation = page.locator("#operation-people-listPeople, #operations-people-listPeople").first();
  if (!(await operation.isVisible())) {
    await people.click();
  }
  await operation.locator(".opblock-summary").click();
  await operation.locator("button.try-out__btn").click();
  await operation.locator("button.execute").click();
  const status = operation.locator(".live-responses-table .response .response-col_status").first();
  await status.waitFor();
  const code = (await status.innerText()).trim();
  await operation.locator(".live-responses-table").scrollIntoViewIfNeeded();
  // The operation, from its summary line to the answer it shows.
  await operation.screenshot({ path: screenshot });
  if (!code.startsWith("200")) {
    throw new Error(`Try it out on GET /api/people answered ${code}`);
  }
  const body = await operation.locator(".live-responses-table .response-col_description pre").first().innerText();
  if (!body.includes("\"type\": \"people\"")) {
    throw new Error(`The response shown is not a page of people: ${body.slice(0, 200)}`);
  }
  console.log(`Swagger UI ran GET /api/people and showed ${code}; screenshot at ${screenshot}`);
}
finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
