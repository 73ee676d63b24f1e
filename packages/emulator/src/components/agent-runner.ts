/** Emulated agent-runner in binary mode: a long-running process with a pid file and no port. */
import { hostPort } from '../net/host-port.js';
import { startComponent } from './runtime.js';

const { settings, log, onShutdown } = startComponent('agent-runner');
// Nothing to serve: a timer keeps the process alive until it is told to stop.
const keepAlive = setInterval(() => {}, 60_000);
onShutdown(() => clearInterval(keepAlive));

log.info('mode: binary (no container)');
log.info(`Temporal address ${hostPort(settings.host, settings.temporalPort)}`);
log.info(`LLM provider ${process.env.STIGMER_LLM_PROVIDER || 'ollama'}`);
log.info('agent-runner ready');
