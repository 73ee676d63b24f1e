// Runs the README's quick start in a packed project: writes the files its code blocks name
// (`// vitest.config.ts`, `// test/server.test.ts`), then `vitest run` against the emulated
// Stigmer stack (a real `stigmer` is not installable here), and checks that the run passed
// and left nothing running.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_DIR, run, step, WORKSPACE } from './packed-project.mjs';

export function quickStartFiles() {
  const readme = readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
  const section = readme.split('\n## ').find((part) => part.startsWith('Quick start'));
  if (!section) throw new Error('README.md has no "## Quick start" section');
  const files = {};
  for (const [, body] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const name = /^\/\/ (\S+)\n/.exec(body)?.[1];
    if (name) files[name] = body;
  }
  if (!files['vitest.config.ts'])
    throw new Error('the quick start has no // vitest.config.ts block');
  return files;
}

const accepts = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function readmeSmoke(project, node) {
  step("the README's quick start, against the emulated Stigmer stack");
  for (const [name, body] of Object.entries(quickStartFiles())) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    writeFileSync(path.join(project, name), body);
    console.log(`wrote ${name}`);
  }
  const emulator = await import(
    pathToFileURL(path.join(WORKSPACE, 'packages/emulator/dist/index.js')).href
  );
  // An emulated machine inside the temp project: its HOME (~/.stigmer, pid files, logs, the
  // docker stand-in's state), free ports, the docker stand-in first on PATH (the plugin runs
  // `docker inspect` itself, so Vitest gets the machine's environment, not only `stigmer`).
  const home = path.join(project, '.home');
  mkdirSync(home);
  const machine = await emulator.emulatedMachine(home);
  const env = {
    ...process.env,
    ...machine.env,
    ...machine.addresses,
    STIGMER_E2E_BIN: emulator.emulatorBin,
  };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  delete env.CI;
  try {
    const report = path.join(project, 'report.json');
    run(
      node,
      [
        path.join(project, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--reporter=verbose',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      { cwd: project, env },
    );
    const result = JSON.parse(readFileSync(report, 'utf8'));
    if (result.numPassedTests < 1 || result.numFailedTests > 0 || result.numPendingTests > 0)
      throw new Error(`expected the quick start's tests to pass, got ${JSON.stringify(result)}`);
    const pidFile = path.join(home, '.stigmer/data/daemon.pid');
    for (const port of [machine.ports.server, machine.ports.temporal])
      if (await accepts(port))
        throw new Error(`port ${port} still accepts connections after the run`);
    if (existsSync(pidFile)) throw new Error(`${pidFile} is still there after the run`);
    // The stop spares Ollama, as the real CLI's does: nothing else of the stack may be left.
    const ollama = Number(readFileSync(path.join(home, '.stigmer/llm.pid'), 'utf8').trim());
    const left = emulator.emulatorProcesses(home).filter((p) => p.pid !== ollama);
    if (left.length > 0)
      throw new Error(`still running after the run: ${left.map((p) => p.pid).join(', ')}`);
    console.log(
      `quick start: ${result.numPassedTests} passed; the stack was stopped after the run`,
    );
  } finally {
    await machine.cleanup();
  }
}
