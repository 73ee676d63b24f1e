// The app's end-to-end tests, with Node's own test runner. Run them through stigmer-e2e, which
// starts the group and gives them every member's env:
//   npx stigmer-e2e run --config stack.config.mjs -- node --test e2e/
import assert from 'node:assert/strict';
import net from 'node:net';
import test from 'node:test';

const { APP_URL, DATABASE_URL, STIGMER_SERVER_ADDR } = process.env;
const skip =
  APP_URL && DATABASE_URL && STIGMER_SERVER_ADDR
    ? false
    : 'APP_URL, DATABASE_URL and STIGMER_SERVER_ADDR are not set: run these tests through `npx stigmer-e2e run --config stack.config.mjs -- node --test e2e/`';

function accepts(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host === 'localhost' ? '127.0.0.1' : host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('the app answers with the addresses it was started with', { skip }, async () => {
  const response = await fetch(`${APP_URL}/`);
  assert.deepEqual(await response.json(), {
    stigmer: STIGMER_SERVER_ADDR,
    database: new URL(DATABASE_URL).host,
  });
});

test('PostgreSQL accepts connections at DATABASE_URL', { skip }, async () => {
  const url = new URL(DATABASE_URL);
  assert.equal(await accepts(url.hostname, Number(url.port)), true);
});

test('stigmer-server accepts connections at STIGMER_SERVER_ADDR', { skip }, async () => {
  const at = STIGMER_SERVER_ADDR.lastIndexOf(':');
  const host = STIGMER_SERVER_ADDR.slice(0, at);
  assert.equal(await accepts(host, Number(STIGMER_SERVER_ADDR.slice(at + 1))), true);
});
