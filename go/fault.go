package stigmere2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Fault kinds for Stack.Fault.
const (
	// FaultKill sends SIGKILL to the component's process (a container: docker kill).
	FaultKill = "kill"
	// FaultStop sends SIGTERM, then SIGKILL after the stop timeout (a container: docker stop).
	FaultStop = "stop"
	// FaultPause freezes it (SIGSTOP, docker pause) for FaultOptions.For; a detached resumer
	// ends the pause then, whatever happens to this process.
	FaultPause = "pause"
)

// FaultOptions are the options of Stack.Fault.
type FaultOptions struct {
	// For is how long a pause lasts (required for FaultPause, refused for the others).
	For time.Duration
	// Wait for the stack to bring the component back and its probe to say ready; the result
	// then has the Recovery timeline.
	Wait bool
	// Timeout bounds the wait (default 60 s).
	Timeout time.Duration
	// AllowReused also faults a stack stigmer-e2e did not start (someone's own session).
	AllowReused bool
}

// FaultRecord is one fault as done; times are Unix milliseconds.
type FaultRecord struct {
	Fault      string   `json:"fault"`
	Component  string   `json:"component"`
	InjectedAt int64    `json:"injectedAt"`
	WentDownAt int64    `json:"wentDownAt"`
	Steps      []string `json:"steps"`
	// ResumeAt is when a pause ends at the latest (nil for kill and stop).
	ResumeAt *int64 `json:"resumeAt"`
}

// Recovery is how the component came back after the fault; nil fields did not happen.
type Recovery struct {
	Component  string `json:"component"`
	Recovered  bool   `json:"recovered"`
	WentDownAt *int64 `json:"wentDownAt"`
	// BackAt: a process or container of the component seen again (a new one after kill or
	// stop, the same one thawed after a pause). ReadyAt: its probe said ready.
	BackAt  *int64 `json:"backAt"`
	ReadyAt *int64 `json:"readyAt"`
	// DownMs is WentDownAt to BackAt, ProbeMs BackAt to ReadyAt, RecoveryMs WentDownAt to ReadyAt.
	DownMs     *int64 `json:"downMs"`
	ProbeMs    *int64 `json:"probeMs"`
	RecoveryMs *int64 `json:"recoveryMs"`
	// Detail is the last thing seen: the probe's words, or why it is still down.
	Detail   string    `json:"detail"`
	LogTails []logTail `json:"logTails"`
}

// FaultResult is what `stigmer-e2e fault --json` prints.
type FaultResult struct {
	Fault    FaultRecord `json:"fault"`
	Recovery *Recovery   `json:"recovery"`
}

// NotRecoveredError: the component did not come back, or not ready, within the bound.
type NotRecoveredError struct {
	Result *FaultResult
}

func (e *NotRecoveredError) Error() string {
	r := e.Result.Recovery
	msg := fmt.Sprintf("stigmere2e: %s did not recover after %s: %s", r.Component, e.Result.Fault.Fault, r.Detail)
	for _, tail := range r.LogTails {
		msg += fmt.Sprintf("\n--- %s: %s", tail.Component, tail.File)
		for _, line := range tail.Lines {
			msg += "\n  " + line
		}
	}
	return msg
}

// Fault breaks one component of the stack on purpose (FaultKill, FaultStop, FaultPause) through
// `stigmer-e2e fault`, by its identity, and with opts.Wait times its recovery. It is refused
// (an error naming the fix) on a stack stigmer-e2e did not start unless opts.AllowReused, on an
// external stack, an unknown component, or one that is not running. See docs/faults.md.
func (s *Stack) Fault(ctx context.Context, kind, component string, opts FaultOptions) (*FaultResult, error) {
	if s.cli == "" {
		return nil, fmt.Errorf("stigmere2e: Fault needs a stack from Ensure or EnsureT")
	}
	args := []string{"fault", kind, component, "--json", "--quiet"}
	if opts.For > 0 {
		args = append(args, "--for", strconv.FormatFloat(opts.For.Seconds(), 'f', -1, 64))
	}
	if opts.Wait {
		args = append(args, "--wait")
	}
	if opts.Timeout > 0 {
		args = append(args, "--timeout", strconv.FormatFloat(opts.Timeout.Seconds(), 'f', -1, 64))
	}
	if opts.AllowReused {
		args = append(args, "--allow-reused")
	}
	run, err := runCLI(ctx, s.cli, append(args, s.configArgs...), func(string) {})
	if err != nil {
		return nil, err
	}
	var result FaultResult
	parsed := json.Unmarshal(run.stdout, &result) == nil && result.Fault.Fault != ""
	switch {
	case run.exitCode == exitOK && parsed:
		return &result, nil
	case run.exitCode == exitError && parsed && result.Recovery != nil:
		return &result, &NotRecoveredError{Result: &result}
	case run.exitCode == exitUsage:
		return nil, fmt.Errorf("stigmere2e: stigmer-e2e fault rejected the options (exit 2): %s", run.stderr())
	default:
		return nil, fmt.Errorf("stigmere2e: stigmer-e2e fault %s %s failed (exit %d): %s", kind, component, run.exitCode, run.stderr())
	}
}
