import { parseAddress } from '../probe/address.js';
import { connect } from '../probe/tcp.js';
import { sleep } from '../util/sleep.js';

/**
 * Waits until nothing accepts connections on these addresses ("host:port"), up to `timeoutMs`.
 * Returns the addresses still accepting: a stop is not done while its ports answer.
 */
export async function waitPortsFree(
  addresses: readonly string[],
  timeoutMs: number,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let busy = [...new Set(addresses)];
  for (let pause = 2; busy.length > 0; pause = Math.min(pause * 2, 50)) {
    const still = await Promise.all(
      busy.map(async (address) => {
        try {
          const { socket } = await connect(parseAddress(address), 500);
          socket.destroy();
          return address;
        } catch {
          return null;
        }
      }),
    );
    busy = still.filter((a): a is string => a !== null);
    if (busy.length === 0 || Date.now() >= deadline) break;
    await sleep(pause);
  }
  return busy;
}
