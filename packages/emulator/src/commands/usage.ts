/** Help texts, cobra-shaped. Where the emulator differs from the real CLI, the text says so. */

export const ROOT_USAGE = `Stigmer CLI (emulator for tests: @stigmer/e2e-emulator)

Usage:
  stigmer [command]

Available Commands:
  server      Start Stigmer server
  version     Print the version

Flags:
  -h, --help   help for stigmer

Use "stigmer [command] --help" for more information about a command.
`;

export const SERVER_USAGE = `Start the Stigmer server in local mode and return once it is up.
If it is already running, it is stopped and started again.

Usage:
  stigmer server [flags]
  stigmer server [command]

Available Commands:
  logs        View server logs
  status      Show server status
  stop        Stop the Stigmer server

Flags:
  -h, --help   help for server

Use "stigmer server [command] --help" for more information about a command.
`;

export const STOP_USAGE = `Stop the Stigmer server (workflow-runner, agent-runner, Temporal, then stigmer-server).

Usage:
  stigmer server stop [flags]

Flags:
  -h, --help   help for stop
`;

export const STATUS_USAGE = `Show server status. Always exits 0: do not use it as a liveness test.

Usage:
  stigmer server status [flags]

Flags:
  -h, --help   help for status
`;

export const LOGS_USAGE = `View server logs.

Usage:
  stigmer server logs [flags]

Flags:
      --all                Show logs from all components, interleaved by time
  -c, --component string   Component: server, temporal, workflow-runner, agent-runner (default "server")
  -f, --follow             Accepted for compatibility; the emulator prints and exits (never streams) (default true)
  -h, --help               help for logs
      --stderr             Show the .err (stderr) log instead of the .log
      --tail int           Lines to show from the end of each log, 0 for all (default 50)
`;
