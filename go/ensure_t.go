package stigmere2e

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// EnsureT is Ensure for a test, a benchmark or a suite's setup. When the stack is unavailable it
// skips t with the reason (the policy outside CI) or fails it (under CI, or OnUnavailable
// "fail"); any other error fails t. Otherwise it registers the release with t.Cleanup, applies
// Stack.Env to the process environment until then (so code under test that reads
// STIGMER_SERVER_ADDR finds it), and returns the stack. The CLI's progress goes to t.Log.
//
// One EnsureT per test holds the stack for that test (and its subtests): to share one start
// across a package's tests, call it in a parent test that runs the others as subtests, or call
// Ensure in TestMain. In a parallel test (after t.Parallel), the environment is set for as long
// as any parallel user of the same variables still runs; call t.Parallel before EnsureT, since
// t.Parallel after t.Setenv panics.
func EnsureT(t testing.TB, opts Options) *Stack {
	t.Helper()
	progress := func(line string) { t.Log(line) }
	if opts.Progress != nil {
		progress = func(line string) { fmt.Fprintln(opts.Progress, line) }
	}
	stack, err := ensure(context.Background(), opts, progress)
	var unavailable *UnavailableError
	switch {
	case errors.As(err, &unavailable):
		why := "$CI is set"
		if opts.OnUnavailable != "" {
			why = `OnUnavailable is "fail"`
		}
		t.Fatalf("%s\n(failed, not skipped: %s; OnUnavailable: \"skip\" skips instead)", unavailable.Stack.describe(), why)
	case err != nil:
		t.Fatal(err)
	case !stack.Available:
		why := "$CI is not set"
		if opts.OnUnavailable != "" {
			why = `OnUnavailable is "skip"`
		}
		t.Skipf("%s\n(skipped, not failed: %s; OnUnavailable: \"fail\" fails instead)", stack.describe(), why)
	}
	t.Cleanup(func() {
		if err := stack.Release(); err != nil {
			t.Error(err)
		}
	})
	applyEnv(t, stack.Env)
	return stack
}
