// A page served from one origin calls the API on another, in Debian's Chromium driven by
// playwright-core: with Spring MVC's CORS configuration naming the page's origin the calls
// (preflighted ones included) succeed and the client can read the headers it needs; without it
// the browser refuses to hand the answer to the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const withCors = process.env.RESTLESS_API_WITH_CORS;
const withoutCors = process.env.RESTLESS_API_WITHOUT_CORS;
const pagePort = Number(process.env.RESTLESS_PAGE_PORT);
if (!withCors || !withoutCors || !pagePort) {
  throw new Error('Set RESTLESS_API_WITH_CORS, RESTLESS_API_WITHOUT_CORS and RESTLESS_PAGE_PORT');
}

let server;
let context;
let userDataDir;
let page;

before(async () => {
  server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another origin</title><p>A page of another origin</p>');
  });
  await new Promise((resolve) => server.listen(pagePort, '127.0.0.1', resolve));
  userDataDir = mkdtempSync(join(tmpdir(), 'restless-chromium-'));
  // A new, empty profile (playwright passes it as --user-data-dir).
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? await context.newPage();
  await page.goto(`http://localhost:${pagePort}/`);
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => server ? server.close(resolve) : resolve());
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

/** Run fetch in the page, as the page's own script would. */
function fetchInPage(url, init) {
  return page.evaluate(async ({ url, init }) => {
    try {
      const response = await fetch(url, init);
      return {
        status: response.status,
        link: response.headers.get('Link'),
        location: response.headers.get('Location'),
        body: await response.text(),
      };
    }
    catch (error) {
      return { refused: String(error) };
    }
  }, { url, init });
}

// people are written by the sample's editors (see "Securing the API" in the README)
const patchAge = {
  method: 'PATCH',
  headers: {
    'Content-Type': 'application/vnd.api+json',
    Accept: 'application/vnd.api+json',
    Authorization: 'Basic ' + btoa('editor:editor'),
  },
  body: JSON.stringify({ data: { type: 'people', id: '1', attributes: { age: 37 } } }),
};

test('with CORS configured, the page reads a page of people and its Link header', async () => {
  const answer = await fetchInPage(`${withCors}/people?page[limit]=2`, {
    headers: { Accept: 'application/vnd.api+json' },
  });
  assert.equal(answer.refused, undefined);
  assert.equal(answer.status, 200);
  assert.equal(JSON.parse(answer.body).data.length, 2);
  assert.match(answer.link, /rel="next"/);
});

test('with CORS configured, a preflighted PATCH goes through', async () => {
  const answer = await fetchInPage(`${withCors}/people/1`, patchAge);
  assert.equal(answer.refused, undefined);
  assert.equal(answer.status, 200);
  assert.equal(JSON.parse(answer.body).data.attributes.age, 37);
});

test('with CORS configured, the page reads the JSON:API error of a failed request', async () => {
  const answer = await fetchInPage(`${withCors}/people/999999`, { headers: { Accept: 'application/vnd.api+json' } });
  assert.equal(answer.status, 404);
  assert.equal(JSON.parse(answer.body).errors[0].status, '404');
});

test('without CORS, the browser refuses the answer to a plain GET', async () => {
  const answer = await fetchInPage(`${withoutCors}/people`, { headers: { Accept: 'application/vnd.api+json' } });
  assert.match(answer.refused ?? '', /TypeError/);
});

test('without CORS, the preflight of a PATCH fails and nothing changes', async () => {
  const answer = await fetchInPage(`${withoutCors}/people/2`, {
    ...patchAge,
    body: JSON.stringify({ data: { type: 'people', id: '2', attributes: { age: 99 } } }),
  });
  assert.match(answer.refused ?? '', /TypeError/);
  const person = await (await fetch(`${withoutCors}/people/2`)).json();
  assert.equal(person.data.attributes.age, 41);
});
