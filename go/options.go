package stigmere2e

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Options say which stack to ensure and how. The zero value means the Stigmer stack with the
// defaults of the stigmer-e2e CLI.
type Options struct {
	// Config is a custom profile file (.js, .mjs or .json), as `stigmer-e2e --config`. A relative
	// path is relative to the working directory (for `go test`, the package's directory).
	// Empty: the Stigmer stack.
	Config string
	// Require names the Stigmer components that must be ready besides stigmer-server
	// ("temporal", "workflow-runner", "agent-runner"), as `--require`. Empty: the CLI's default
	// (temporal and workflow-runner). Not allowed together with Config: a custom profile says in
	// its spec which of its components are required.
	Require []string
	// Timeout bounds the wait for readiness, as `--timeout`. Zero: the profile's (180 s for
	// Stigmer).
	Timeout time.Duration
	// OnUnavailable is what an unavailable stack means: "skip" or "fail". Empty: the CLI's
	// policy, the same on every surface of stigmer-e2e: "fail" when $CI is set, "skip" otherwise.
	OnUnavailable string
	// CLI is the stigmer-e2e executable to run. Empty: $STIGMER_E2E_CLI, else stigmer-e2e on
	// PATH, else node_modules/.bin/stigmer-e2e in the working directory or the nearest parent
	// that has one.
	CLI string
	// Progress receives the CLI's progress lines (what it starts, what it waits for, what it
	// stops). Nil: os.Stderr for Ensure, t.Log for EnsureT.
	Progress io.Writer
}

// configArgs select the profile: `--config <absolute path>`, or none for the Stigmer stack. The
// path is made absolute once, so that `down` names the same file as `up`.
func (o Options) configArgs() ([]string, error) {
	if o.Config == "" {
		return nil, nil
	}
	config, err := filepath.Abs(o.Config)
	if err != nil {
		return nil, fmt.Errorf("stigmere2e: Options.Config %q: %w", o.Config, err)
	}
	return []string{"--config", config}, nil
}

// upArgs are the arguments of `stigmer-e2e up` for these options after the profile's, with the
// lease bound to the live process holderPid.
func (o Options) upArgs(holderPid int, label string) ([]string, error) {
	args := []string{"up", "--json", "--holder-pid", strconv.Itoa(holderPid), "--label", label}
	if len(o.Require) > 0 {
		args = append(args, "--require", strings.Join(o.Require, ","))
	}
	if o.Timeout < 0 {
		return nil, fmt.Errorf("stigmere2e: Options.Timeout must be positive (or zero for the profile's), got %v", o.Timeout)
	}
	if o.Timeout > 0 {
		args = append(args, "--timeout", strconv.FormatFloat(o.Timeout.Seconds(), 'f', -1, 64))
	}
	switch o.OnUnavailable {
	case "":
	case "skip", "fail":
		args = append(args, "--on-unavailable", o.OnUnavailable)
	default:
		return nil, fmt.Errorf(`stigmere2e: Options.OnUnavailable must be "skip", "fail" or empty (the CLI's policy: fail under CI, skip otherwise), got %q`, o.OnUnavailable)
	}
	return args, nil
}
