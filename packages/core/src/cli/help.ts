/** Help for every command and flag, each with an example. */
const CONFIG = `  --config <file>          A custom profile: a .js/.mjs (default export) or .json server spec.
                           Without it: the Stigmer stack (\`stigmer\` on PATH, or $STIGMER_E2E_BIN).
  --require <a,b>          Stigmer stack: components that must be ready besides stigmer-server
                           (temporal, workflow-runner, agent-runner; default temporal,workflow-runner).`;
const WAIT = `  --timeout <seconds>      How long to wait for readiness (default: the profile's; 180 for Stigmer).
  --on-unavailable <p>     skip: exit 3 when the stack is unavailable; fail: exit 1.
                           Default: fail when $CI is set, skip otherwise.
  --on-mismatch <p>        A running stack started with other settings (another LLM model,
                           from $STIGMER_LLM_MODEL): reuse it, or call it unavailable.
                           Default: unavailable when $CI is set, reuse otherwise.`;

export const HELP = {
  main: `stigmer-e2e: start, share and stop the Stigmer server stack (or any server) for end-to-end tests.

Usage: stigmer-e2e <command> [options]

Commands:
  run -- <cmd...>   Ensure the stack, run a command with its env, release. Exits with the command's code.
  up                Ensure the stack and hold a lease until \`down\`. Prints the handle.
  down --lease <id> Release a lease from \`up\`; stops the stack if this run started it and no one else uses it.
  status            Components, leases and owner. Exit 0 when available, 3 when not.
  logs              The last lines of each component's log.

Exit codes: 0 available, 1 error (or unavailable under --on-unavailable fail), 2 usage, 3 unavailable (skip).

Examples:
  stigmer-e2e run -- pnpm vitest run
  stigmer-e2e run --config e2e/postgres.mjs -- go test ./...
  LEASE=$(stigmer-e2e up --json | jq -r .leaseId) && make e2e; stigmer-e2e down --lease "$LEASE"

Run \`stigmer-e2e <command> --help\` for a command's options.
`,
  up: `Usage: stigmer-e2e up [options]

Ensures the stack is running (reuses it, waits for a run that is starting it, or starts it) and
holds an explicit lease on it until \`stigmer-e2e down --lease <id>\`.

Options:
${CONFIG}
${WAIT}
  --ttl <seconds>          The lease expires after this long, so a crashed job cannot pin the stack.
  --holder-pid <pid>       Bind the lease to this live process instead (e.g. a \`go test\` binary):
                           it ends when that process does, and the stack is then stopped if owned.
  --label <text>           Who holds the lease, shown by \`status\`.
  --json                   Print the handle as JSON: available, owned, reused, leaseId, components, env, reason.

Example:
  stigmer-e2e up --json --timeout 120
`,
  down: `Usage: stigmer-e2e down --lease <id> [options]

Releases a lease taken by \`up\`. The stack is stopped when stigmer-e2e started it and no live
lease remains; a stack that was already running is never stopped.

Options:
  --lease <id>             The leaseId printed by \`up\` (required).
${CONFIG}
  --json                   Print the result as JSON.

Example:
  stigmer-e2e down --lease 0b0c6c9e-8f3c-4d7e-9a43-1f2e3d4c5b6a
`,
  status: `Usage: stigmer-e2e status [options]

Shows each component's readiness, the leases (alive or not) and who started the stack.
Changes nothing. Exit 0 when every required component is ready, 3 otherwise.

Options:
${CONFIG}
  --json                   Print the report as JSON.

Example:
  stigmer-e2e status --json
`,
  run: `Usage: stigmer-e2e run [options] -- <command> [args...]

Ensures the stack with a lease bound to this process, runs the command with the profile's env
(e.g. STIGMER_SERVER_ADDR, TEMPORAL_ADDRESS), releases the lease and exits with the command's
code. Ctrl-C is passed to the command and its child processes; the lease is still released.
When the stack is unavailable the command is not run (exit 3 under skip, 1 under fail).

Options:
${CONFIG}
${WAIT}

Examples:
  stigmer-e2e run -- pnpm vitest run
  stigmer-e2e run -- go test -tags=e2e ./...
  stigmer-e2e run --config e2e/postgres.mjs -- pytest -x
`,
  logs: `Usage: stigmer-e2e logs [options]

Prints the last lines of each component's log (and of our own start log).

Options:
${CONFIG}
  --lines <n>              Lines per log (default 50).

Example:
  stigmer-e2e logs --lines 200
`,
} as const;
