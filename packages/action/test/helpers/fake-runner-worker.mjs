// A stand-in for the runner's Runner.Worker (the real one is .NET and needs GitHub's service): one
// process per job, started through a link named Runner.Worker so that its argv[0] says so, as
// the real one's does. It runs each stage's `node` as its own child, as the runner does, and
// sends back what the stage printed. It exits when the test process goes away (IPC disconnect).
import { spawn } from 'node:child_process';

process.on('disconnect', () => process.exit(0));
process.on('message', ({ id, node, script, env, cwd }) => {
  const started = performance.now();
  const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exitMs = 0;
  child.stdout.on('data', (d) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d) => {
    stderr += d.toString();
  });
  child.once('exit', () => {
    exitMs = performance.now() - started;
  });
  child.once('error', (error) => process.send({ id, error: error.message }));
  child.once('close', (code) =>
    process.send({ id, code, stdout, stderr, exitMs, closeMs: performance.now() - started }),
  );
});
