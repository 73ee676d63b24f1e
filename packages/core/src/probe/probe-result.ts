/** What a probe says about one component: ready or not, and why, in words a human reads. */
export interface ProbeResult {
  readonly ready: boolean;
  readonly detail: string;
}

export interface ProbeOptions {
  /** Bound on one probe attempt. */
  readonly timeoutMs: number;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 1_000;

/** Short words for common socket errors ("connection refused" reads better than ECONNREFUSED). */
export function describeSocketError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ETIMEDOUT':
      return 'timed out';
    case 'ESELFCONNECT':
      return 'connection refused (nothing listens: the connection was made to itself)';
    default:
      return (error as Error).message ?? String(error);
  }
}
