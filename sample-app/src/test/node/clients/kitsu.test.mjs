// kitsu 11, a JSON:API client, driven through the sample application's people and computers:
// create, read with include, pagination to the end, update, relationship change, delete and an
// error, with the settings the README's section on clients gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Kitsu from 'kitsu';

const baseURL = process.env.RESTLESS_API;
if (!baseURL) {
  throw new Error('Set RESTLESS_API to the API of a running sample application (http://localhost:8080/api)');
}

// Restless's collection names are the types as they are: no plural or case changes.
// people and computers are written by the sample's editors (see "Securing the API" in the README)
const api = new Kitsu({
  baseURL,
  pluralize: false,
  resourceCase: 'none',
  camelCaseTypes: false,
  headers: { Authorization: 'Basic ' + Buffer.from('editor:editor').toString('base64') },
});

test('kitsu drives the sample application from creation to deletion', async (t) => {
  let created;

  await t.test('creates a computer with its owner', async () => {
    const response = await api.post('computers', {
      name: 'Kitsu Machine',
      vendor: 'Framework',
      owner: { data: { type: 'people', id: '1' } },
    });
    assert.equal(response.status, 201);
    assert.equal(response.data.type, 'computers');
    assert.equal(response.data.name, 'Kitsu Machine');
    assert.equal(response.data.owner.data.id, '1');
    created = response.data.id;
  });

  await t.test('reads it with its owner included', async () => {
    const response = await api.get(`computers/${created}`, { params: { include: 'owner' } });
    assert.equal(response.data.id, created);
    assert.equal(response.data.owner.data.type, 'people');
    assert.equal(response.data.owner.data.name, 'Ada Lovelace');
  });

  await t.test('pages through every computer with page[offset] and page[limit] to the end', async () => {
    const seen = new Set();
    let offset = 0;
    let total;
    let pages = 0;
    for (;;) {
      const response = await api.get('computers', { params: { page: { offset, limit: 7 }, sort: 'id' } });
      total = response.meta.total;
      response.data.forEach((computer) => seen.add(computer.id));
      pages++;
      assert.match(response.headers.link, /rel="first"/);
      if (!response.links.next) {
        assert.doesNotMatch(response.headers.link, /rel="next"/);
        break;
      }
      assert.match(response.links.next, new RegExp(`page%5Boffset%5D=${offset + 7}`));
      offset += 7;
      assert.ok(pages < 100, 'pagination must end');
    }
    assert.equal(seen.size, total);
    assert.ok(seen.has(created));
    assert.equal(pages, Math.ceil(total / 7));
  });

  await t.test('updates an attribute', async () => {
    const response = await api.patch('computers', { id: created, vendor: 'Lenovo' });
    assert.equal(response.status, 200);
    assert.equal(response.data.vendor, 'Lenovo');
    assert.equal(response.data.name, 'Kitsu Machine');
  });

  await t.test('changes the owner through the relationship endpoint', async () => {
    const change = await api.request({
      url: `computers/${created}/relationships/owner`,
      method: 'PATCH',
      type: 'people',
      body: { id: '2' },
    });
    assert.equal(change.status, 204);
    const owner = await api.get(`computers/${created}/owner`);
    assert.equal(owner.data.id, '2');
    assert.equal(owner.data.name, 'Alan Turing');
  });

  await t.test('deletes it', async () => {
    const response = await api.delete('computers', created);
    assert.equal(response.status, 204);
  });

  await t.test('gets the JSON:API error of a resource that is gone', async () => {
    await assert.rejects(api.get(`computers/${created}`), (error) => {
      assert.equal(error.response.status, 404);
      assert.equal(error.errors[0].status, '404');
      assert.equal(error.errors[0].title, 'Not found');
      return true;
    });
  });

  await t.test('gets a 400 naming the parameter when page styles are mixed', async () => {
    await assert.rejects(api.get('people', { params: { page: { offset: 2, size: 3 } } }), (error) => {
      assert.equal(error.response.status, 400);
      assert.equal(error.errors[0].source.parameter, 'page[size]');
      return true;
    });
  });
});
