// A TCP/HTTP server that starts listening after DELAY_MS and writes the exact moment it did
// (epoch ms, sub-ms) to LISTEN_FILE: the reference point of every readiness-lag figure. As most
// servers do, it says so on stdout, unless SILENT=1.
import { writeFileSync } from 'node:fs';
import http from 'node:http';

const server = http.createServer((_, res) => res.end('ok'));
setTimeout(
  () => {
    server.listen(Number(process.env.PORT), '127.0.0.1', () => {
      writeFileSync(process.env.LISTEN_FILE, String(performance.timeOrigin + performance.now()));
      if (process.env.SILENT !== '1') console.log(`listening on 127.0.0.1:${process.env.PORT}`);
    });
  },
  Number(process.env.DELAY_MS ?? 0),
);
process.on('SIGTERM', () => process.exit(0));
