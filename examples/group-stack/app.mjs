// The app under test: an HTTP server that, like a real app, reads where the Stigmer server and
// its database are from its environment when it starts, and refuses to start without them (or
// when they do not accept connections yet). The group starts it after both, with their env.
import http from 'node:http';
import net from 'node:net';

const env = process.env;

/** "host:port" or a URL, as a connection target (localhost: IPv4). */
function target(value) {
  const hostPort = value.includes('://') ? new URL(value).host : value;
  const at = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, at);
  return { host: host === 'localhost' ? '127.0.0.1' : host, port: Number(hostPort.slice(at + 1)) };
}

function accepts({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

for (const name of ['STIGMER_SERVER_ADDR', 'DATABASE_URL']) {
  if (!env[name]) {
    console.error(`fatal: ${name} is not set: start the app after what provides it`);
    process.exit(1);
  }
  if (!(await accepts(target(env[name])))) {
    console.error(`fatal: ${name} does not accept connections: is it running?`);
    process.exit(1);
  }
}

const answer = JSON.stringify({
  stigmer: env.STIGMER_SERVER_ADDR,
  database: new URL(env.DATABASE_URL).host,
});
http
  .createServer((req, res) => {
    res.setHeader('content-type', req.url === '/health' ? 'text/plain' : 'application/json');
    res.end(req.url === '/health' ? 'ok' : answer);
  })
  .listen(Number(env.PORT), '127.0.0.1', () => console.log(`app listening on ${env.PORT}`));
process.on('SIGTERM', () => process.exit(0));
