package stigmere2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// Outcome is how this run got the stack.
type Outcome string

const (
	// OutcomeStarted: the stack was down; this run started it and owns it.
	OutcomeStarted Outcome = "started"
	// OutcomeReused: it was running, not started by stigmer-e2e; it is never stopped by us.
	OutcomeReused Outcome = "reused"
	// OutcomeJoined: another run started it (maybe still starting); the last lease out stops it.
	OutcomeJoined Outcome = "joined"
	// OutcomeAdopted: a run that started it died without stopping it; this run owns it now.
	OutcomeAdopted Outcome = "adopted"
	// OutcomeExternal: an external stack, only probed.
	OutcomeExternal Outcome = "external"
	// OutcomeUnavailable: see Stack.Reason.
	OutcomeUnavailable Outcome = "unavailable"
)

// Stack is the stack this run holds a lease on (or why it is unavailable).
type Stack struct {
	// Profile is the name of the stack's profile ("stigmer", or a custom profile's name).
	Profile string `json:"profile"`
	// Available: every required component is ready.
	Available bool `json:"available"`
	// Owned: this run's lease owns the stack; it is stopped when the last lease is released.
	Owned bool `json:"owned"`
	// Outcome is how this run got the stack: started, reused, joined, adopted, or unavailable.
	Outcome Outcome `json:"outcome"`
	// Reason says why the stack is unavailable ("" when available).
	Reason string `json:"reason"`
	// Env is what tests need to reach the stack, e.g. STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS.
	Env map[string]string `json:"env"`
	// LeaseID names this run's lease ("" when unavailable). `stigmer-e2e status` lists it.
	LeaseID    string      `json:"leaseId"`
	Components []Component `json:"components"`
	// Members is set when Options.Config names a group (several stacks started in dependency
	// order, see docs/groups.md): each member as it was ensured, in start order. Nil for a single
	// stack. The group's own fields then sum them up: Env holds every member's env, LeaseID names
	// each member's lease, Components are every member's (named "member/component"), Outcome is
	// the strongest of the members' (started if this run started any), and Reason names the
	// member that failed.
	Members []Member `json:"members"`
	// Failed names the member that made the group unavailable ("" otherwise).
	Failed string `json:"failed"`

	logTails []logTail
	// The CLI and its profile arguments, for Fault.
	cli        string
	configArgs []string
	release    func() error
	once       sync.Once
	released   error
}

// Member is one stack of a group, with its own lease and ownership: a member that was running
// before is reused and left running, one this run started is stopped by the last run out.
type Member struct {
	// Name is the member's name in the group; Profile is its profile's name.
	Name      string   `json:"name"`
	Profile   string   `json:"profile"`
	DependsOn []string `json:"dependsOn"`
	Available bool     `json:"available"`
	Owned     bool     `json:"owned"`
	Outcome   Outcome  `json:"outcome"`
	// Reason says why the member is unavailable: its own failure, "not started: db failed" when
	// a member failed before it could start, or "stopped waiting: db failed" while it started.
	Reason     string            `json:"reason"`
	Env        map[string]string `json:"env"`
	LeaseID    string            `json:"leaseId"`
	Components []Component       `json:"components"`
}

// Member returns the group member with this name, or nil (also for a single stack).
func (s *Stack) Member(name string) *Member {
	for i := range s.Members {
		if s.Members[i].Name == name {
			return &s.Members[i]
		}
	}
	return nil
}

// Component is one part of the stack, as its probe found it.
type Component struct {
	Name     string `json:"name"`
	Required bool   `json:"required"`
	Ready    bool   `json:"ready"`
	// Address is "host:port" when the component is reached over the network, else "".
	Address string `json:"address"`
	// Detail is what the probe saw, e.g. "SERVING on localhost:7233" or "connection refused".
	Detail string `json:"detail"`
}

type logTail struct {
	Component string   `json:"component"`
	File      string   `json:"file"`
	Lines     []string `json:"lines"`
	Missing   bool     `json:"missing"`
}

// Release drops this run's lease. If this run started the stack and no other run still uses
// it, the stack is stopped; a stack that was running before is never stopped. Release is
// idempotent: later calls return the first call's result. A lease that is never released ends
// with this process anyway (it is bound to its pid and start time).
func (s *Stack) Release() error {
	s.once.Do(func() {
		if s.release != nil {
			s.released = s.release()
		}
	})
	return s.released
}

// releaser runs `stigmer-e2e down` for the lease.
func releaser(cli string, configArgs []string, leaseID string, progress func(string)) func() error {
	return func() error {
		args := append([]string{"down", "--lease", leaseID}, configArgs...)
		run, err := runCLI(context.Background(), cli, args, progress)
		if err != nil {
			return err
		}
		if run.exitCode != 0 {
			return fmt.Errorf("stigmere2e: releasing lease %s failed (stigmer-e2e down exited %d): %s", leaseID, run.exitCode, run.stderr())
		}
		return nil
	}
}

// describe tells the whole story of an unavailable stack: the reason, the components that are
// not ready, and the last lines of each log.
func (s *Stack) describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is unavailable: %s", s.Profile, s.Reason)
	for _, c := range s.Components {
		mark := "✓"
		if !c.Ready {
			mark = "✗"
		}
		optional := ""
		if !c.Required {
			optional = " (optional)"
		}
		fmt.Fprintf(&b, "\n  %s %s%s  %s", mark, c.Name, optional, c.Detail)
	}
	for _, tail := range s.logTails {
		if tail.Missing {
			fmt.Fprintf(&b, "\n--- %s: %s (no such file)", tail.Component, tail.File)
			continue
		}
		fmt.Fprintf(&b, "\n--- %s: last %d lines of %s", tail.Component, len(tail.Lines), tail.File)
		for _, line := range tail.Lines {
			fmt.Fprintf(&b, "\n  %s", line)
		}
	}
	return b.String()
}
