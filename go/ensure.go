package stigmere2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The stigmer-e2e CLI's exit codes (its contract).
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitUnavailable = 3
)

// UnavailableError: the stack is unavailable and the policy says fail (OnUnavailable "fail",
// or $CI set with no explicit choice). Stack tells why.
type UnavailableError struct {
	Stack *Stack
}

func (e *UnavailableError) Error() string {
	return "stigmere2e: " + e.Stack.describe()
}

// Ensure makes sure the stack runs: it reuses a running stack, joins a run that is starting it,
// adopts one a crashed run left behind, or starts it; then it waits until every required
// component is ready. It runs `stigmer-e2e up --json` with the lease bound to this process (its
// pid and start time), so a process that dies without calling Release (SIGKILL, a `go test`
// timeout) leaks nothing: the next run adopts the stack, or stigmer-e2e's watchdog stops it.
//
// When the stack is unavailable and the policy says skip, Ensure returns it with Available
// false and Reason set, and no error. Under the fail policy it returns an *UnavailableError.
// Call Release when done (in TestMain, after m.Run). When ctx ends during the wait, the CLI is
// interrupted: it releases the lease and stops what it started, and Ensure returns ctx's error.
func Ensure(ctx context.Context, opts Options) (*Stack, error) {
	progress := opts.Progress
	if progress == nil {
		progress = os.Stderr
	}
	return ensure(ctx, opts, func(line string) { fmt.Fprintln(progress, line) })
}

func ensure(ctx context.Context, opts Options, progress func(string)) (*Stack, error) {
	cli, err := findCLI(opts.CLI)
	if err != nil {
		return nil, err
	}
	config, err := opts.configArgs()
	if err != nil {
		return nil, err
	}
	up, err := opts.upArgs(os.Getpid(), filepath.Base(os.Args[0]))
	if err != nil {
		return nil, err
	}
	run, err := runCLI(ctx, cli, append(up, config...), progress)
	if err != nil {
		return nil, err
	}
	stack, parseErr := parseHandle(run.stdout)
	if stack != nil && stack.LeaseID != "" {
		stack.release = releaser(cli, config, stack.LeaseID, progress)
	}
	if stack != nil {
		stack.cli, stack.configArgs = cli, config
	}
	if run.interrupted {
		if stack != nil {
			_ = stack.Release() // the handle was out before the signal: its lease is ours to drop
		}
		return nil, fmt.Errorf("stigmere2e: waiting for the stack was interrupted: %w", ctx.Err())
	}
	switch {
	case run.exitCode == exitOK && stack != nil:
		return stack, nil
	case run.exitCode == exitUnavailable && stack != nil:
		return stack, nil
	case run.exitCode == exitError && stack != nil && !stack.Available:
		return nil, &UnavailableError{Stack: stack}
	case run.exitCode == exitUsage:
		return nil, fmt.Errorf("stigmere2e: stigmer-e2e rejected the options (exit 2): %s", run.stderr())
	case parseErr != nil && run.exitCode == exitOK:
		return nil, fmt.Errorf("stigmere2e: %s up --json exited 0 but printed no handle (%w); is it the stigmer-e2e CLI? stderr: %s", cli, parseErr, run.stderr())
	default:
		if stack != nil {
			_ = stack.Release()
		}
		return nil, fmt.Errorf("stigmere2e: stigmer-e2e up failed (exit %d): %s", run.exitCode, run.stderr())
	}
}

// parseHandle reads the JSON `stigmer-e2e up --json` prints (core's HandleSnapshot).
func parseHandle(stdout []byte) (*Stack, error) {
	var stack Stack
	var extra struct {
		LogTails []logTail `json:"logTails"`
	}
	if err := json.Unmarshal(stdout, &stack); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(stdout, &extra); err != nil {
		return nil, err
	}
	if stack.Outcome == "" {
		return nil, fmt.Errorf("no outcome in %q", stdout)
	}
	stack.logTails = extra.LogTails
	if stack.Env == nil {
		stack.Env = map[string]string{}
	}
	return &stack, nil
}
