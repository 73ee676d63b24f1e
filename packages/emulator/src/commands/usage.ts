/** Help texts, cobra-shaped, from root/server.go. Where the emulator differs, the text says so. */

export const ROOT_USAGE = `Stigmer CLI (emulator for tests: @stigmer/e2e-emulator)

Usage:
  stigmer [command]

Available Commands:
  server      Start Stigmer server
  version     Print the version

Flags:
  -d, --debug   enable debug mode with detailed logs
  -h, --help    help for stigmer

Use "stigmer [command] --help" for more information about a command.
`;

export const SERVER_USAGE = `Start the Stigmer server in local mode.

Returns as soon as stigmer-server is spawned: it listens on :7234 later. If it is already
running, it is stopped and started again.

Usage:
  stigmer server [flags]
  stigmer server [command]

Available Commands:
  llm         Manage local LLM models
  logs        View Stigmer server logs
  status      Show server status
  stop        Stop the Stigmer server

Flags:
      --execution-mode string   Agent execution mode: local, sandbox, or auto (default: local)
  -h, --help                    help for server
      --sandbox-auto-pull       Auto-pull sandbox image if missing (default true)
      --sandbox-cleanup         Cleanup sandbox containers after execution (default true)
      --sandbox-image string    Docker image for sandbox mode
      --sandbox-ttl int         Sandbox container reuse TTL in seconds (default 3600)

Use "stigmer server [command] --help" for more information about a command.
`;

export const STOP_USAGE = `Stop the Stigmer server

Usage:
  stigmer server stop [flags]

Flags:
  -h, --help   help for stop
`;

export const STATUS_USAGE = `Show server status (always exits 0: not a liveness test)

Usage:
  stigmer server status [flags]

Flags:
  -h, --help   help for status
`;

export const LOGS_USAGE = `View logs from the Stigmer server daemon.

By default, streams logs in real-time from all components (like kubectl logs -f).
Use --follow=false to disable streaming and only show recent logs.

Usage:
  stigmer server logs [flags]

Flags:
      --all                Show logs from all components (interleaved by timestamp, defaults to stderr) (default true)
  -c, --component string   Component to show logs for (stigmer-server, agent-runner, or workflow-runner) (default "stigmer-server")
  -f, --follow             Stream logs in real-time (like kubectl logs -f) (default true)
  -h, --help               help for logs
      --stderr             Show stderr logs instead of stdout (note: stigmer-server logs go to stderr)
  -n, --tail int           Number of recent lines to show before streaming (0 = all lines) (default 50)
`;

export const LLM_USAGE = `Manage local LLM models and configuration.

Usage:
  stigmer server llm [command]

Available Commands:
  list        List available models
  pull        Pull a new model
  status      Show LLM provider status

Flags:
  -h, --help   help for llm
`;

export const LLM_PULL_USAGE = `Usage:
  stigmer server llm pull MODEL [flags]

Flags:
  -h, --help   help for pull
`;
