package stigmere2e_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The lifecycle as `go test` binaries see it: each test runs the suite binary (testdata/suite,
// which calls EnsureT) against a process-mode profile, as child processes, and counts the
// server's starts and stops in its starts file.

func TestOwnedStackIsStoppedAfterTheSuite(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": f.spec, "SUITE_REPORT": sb.path("report")})
	if code != 0 {
		t.Fatalf("the suite exited %d:\n%s", code, out)
	}
	got := reports(t, sb.path("report"))
	if len(got) != 1 || got[0].Outcome != "started" || !got[0].Owned {
		t.Fatalf("want one run that started and owned the stack, got %+v\n%s", got, out)
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want the server started once and stopped once, got %d starts and %d stops\n%s", starts, stops, out)
	}
	if answers(f.port) {
		t.Fatalf("port %d still answers after the suite", f.port)
	}
	mustContain(t, out, "--- PASS: TestSuite", "fixture stopped in")
}

func TestRunningStackIsReusedAndLeftRunning(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	server := f.startOutside(t, sb)
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": f.spec, "SUITE_REPORT": sb.path("report")})
	if code != 0 {
		t.Fatalf("the suite exited %d:\n%s", code, out)
	}
	got := reports(t, sb.path("report"))
	if len(got) != 1 || got[0].Outcome != "reused" || got[0].Owned {
		t.Fatalf("want one run that reused the stack without owning it, got %+v\n%s", got, out)
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 0 {
		t.Fatalf("want only the start made outside and no stop, got %d starts and %d stops\n%s", starts, stops, out)
	}
	if err := server.Process.Signal(syscall.Signal(0)); err != nil || !answers(f.port) {
		t.Fatalf("the server started outside stigmer-e2e is gone after the suite (%v)\n%s", err, out)
	}
}

func TestTwoConcurrentBinariesShareOneStartAndOneStop(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	env := map[string]string{
		"SUITE_CONFIG":     f.spec,
		"SUITE_REPORT":     sb.path("report"),
		"SUITE_HOLD_UNTIL": sb.path("release"),
	}
	// Launched together, so that both ask for the stack while it is down.
	first, second := startSuite(t, sb, env), startSuite(t, sb, env)
	waitFor(t, "both suites to hold the stack", func() bool { return len(reports(t, sb.path("report"))) == 2 })
	held := time.Now()
	if starts, stops := f.counts(t); starts != 1 || stops != 0 {
		t.Fatalf("while both hold it: want 1 start and no stop, got %d and %d", starts, stops)
	}
	if err := os.WriteFile(sb.path("release"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, run := range []*suiteRun{first, second} {
		if code, out := run.wait(t); code != 0 {
			t.Fatalf("a suite exited %d:\n%s", code, out)
		}
	}
	got := reports(t, sb.path("report"))
	outcomes := []string{got[0].Outcome, got[1].Outcome}
	if !(outcomes[0] == "started" && outcomes[1] == "joined" || outcomes[0] == "joined" && outcomes[1] == "started") {
		t.Fatalf("want one run that started the stack and one that joined it, got %v", outcomes)
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want 1 start and 1 stop in all, got %d and %d\nfirst:\n%s\nsecond:\n%s", starts, stops, first.output, second.output)
	}
	if answers(f.port) {
		t.Fatalf("port %d still answers after both suites", f.port)
	}
	// Figures for the record (not asserted: the machine is shared).
	last := first.ended
	if second.ended.After(last) {
		last = second.ended
	}
	t.Logf("2 binaries: 1 start, 1 stop; both held the stack %.2f s after launch (ensured at %.2f s and %.2f s), both ended %.2f s after the release",
		held.Sub(first.started).Seconds(), got[0].EnsuredAt.Sub(first.started).Seconds(),
		got[1].EnsuredAt.Sub(first.started).Seconds(), last.Sub(held).Seconds())
}

func mustContain(t *testing.T, output string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(output, want) {
			t.Errorf("the output lacks %q:\n%s", want, output)
		}
	}
}

// sigkillMidSuite starts the suite against f with the watchdog's grace set to grace, waits until
// it holds the stack it started, and SIGKILLs it: no cleanup of its own runs.
func sigkillMidSuite(t *testing.T, sb *sandbox, f fixture, grace string) time.Time {
	t.Helper()
	run := startSuite(t, sb, map[string]string{
		"SUITE_CONFIG":                  f.spec,
		"SUITE_REPORT":                  sb.path("report-killed"),
		"SUITE_HOLD_UNTIL":              sb.path("never"),
		"STIGMER_E2E_WATCHDOG_GRACE_MS": grace,
	})
	waitFor(t, "the suite to hold the stack", func() bool { return len(reports(t, sb.path("report-killed"))) == 1 })
	if got := reports(t, sb.path("report-killed"))[0]; got.Outcome != "started" {
		t.Fatalf("the suite to kill should have started the stack, got %+v", got)
	}
	if err := run.cmd.Process.Signal(syscall.SIGKILL); err != nil { // ours, not yet waited for
		t.Fatal(err)
	}
	killed := time.Now()
	if code, _ := run.wait(t); code != -1 {
		t.Fatalf("the suite was not killed by the signal (exit %d)", code)
	}
	if !answers(f.port) {
		t.Fatal("the stack is gone at once: nothing is left for the next run to find")
	}
	return killed
}

func TestSIGKILLedBinaryTheNextRunAdoptsAndStopsTheStack(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	// A watchdog that waits long enough, so the next run finds the stack still there.
	killed := sigkillMidSuite(t, sb, f, "600000")
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": f.spec, "SUITE_REPORT": sb.path("report")})
	if code != 0 {
		t.Fatalf("the next suite exited %d:\n%s", code, out)
	}
	got := reports(t, sb.path("report"))
	if len(got) != 1 || got[0].Outcome != "adopted" || !got[0].Owned {
		t.Fatalf("want the next run to adopt and own the stack, got %+v\n%s", got, out)
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want the one start stopped by the next run, got %d starts and %d stops\n%s", starts, stops, out)
	}
	if answers(f.port) {
		t.Fatalf("port %d still answers after the next run", f.port)
	}
	mustContain(t, out, "fixture stopped in")
	t.Logf("after the SIGKILL: the next run adopted the stack and stopped it when it ended, %.2f s after the kill", time.Since(killed).Seconds())
}

func TestSIGKILLedBinaryTheWatchdogStopsTheStack(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	killed := sigkillMidSuite(t, sb, f, "1000")
	watchdogLog := func() string { raw, _ := os.ReadFile(sb.path("state/logs/watchdog.log")); return string(raw) }
	waitFor(t, "the watchdog to stop the stack", func() bool {
		return strings.Contains(watchdogLog(), fmt.Sprintf("ports free: 127.0.0.1:%d", f.port))
	})
	stopped := time.Since(killed)
	mustContain(t, watchdogLog(), "every lease holder died without releasing: stopping the stack")
	if _, stops := f.counts(t); stops != 1 || answers(f.port) {
		t.Fatalf("the watchdog says it stopped the stack, but the server did not get SIGTERM (%d stops) or port %d answers", stops, f.port)
	}
	// The next run finds nothing left over and starts afresh.
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": f.spec, "SUITE_REPORT": sb.path("report")})
	if got := reports(t, sb.path("report")); code != 0 || len(got) != 1 || got[0].Outcome != "started" {
		t.Fatalf("want the next run to start the stack afresh, got exit %d, %+v\n%s", code, got, out)
	}
	if starts, stops := f.counts(t); starts != 2 || stops != 2 {
		t.Fatalf("want 2 starts and 2 stops in all, got %d and %d", starts, stops)
	}
	t.Logf("after the SIGKILL: the watchdog (grace 1 s) stopped the stack %.2f s after the kill", stopped.Seconds())
}

func TestTimedOutBinaryLeaksNothing(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	// The suite holds the stack until `go test -timeout` panics the binary: no cleanup runs.
	// 20 s leaves a slow machine ample time to ensure the stack first.
	run := startSuite(t, sb, map[string]string{
		"SUITE_CONFIG":                  f.spec,
		"SUITE_REPORT":                  sb.path("report"),
		"SUITE_HOLD_UNTIL":              sb.path("never"),
		"STIGMER_E2E_WATCHDOG_GRACE_MS": "1000",
	}, "-test.timeout=20s")
	code, out := run.wait(t)
	if got := reports(t, sb.path("report")); len(got) != 1 || got[0].Outcome != "started" {
		t.Fatalf("the suite should have started the stack before it timed out, got %+v\n%s", got, out)
	}
	if code != 2 || !strings.Contains(out, "panic: test timed out after 20s") {
		t.Fatalf("want the binary to die of go test's timeout (exit 2), got %d\n%s", code, out)
	}
	waitFor(t, "the watchdog to stop the stack", func() bool { _, stops := f.counts(t); return stops == 1 && !answers(f.port) })
}

func TestEnsureTInsideStigmerE2ERunJoinsItsStack(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	// `stigmer-e2e run -- <the suite binary>`: run holds the stack, the suite's EnsureT joins it.
	wrapped := exec.Command(coreCLI, "run", "--config", f.spec, "--", suiteBinary, "-test.v", "-test.count=1")
	wrapped.Dir = sb.dir
	wrapped.Env = sb.env(map[string]string{"SUITE_CONFIG": f.spec, "SUITE_REPORT": sb.path("report")})
	out, err := wrapped.CombinedOutput()
	if err != nil {
		t.Fatalf("stigmer-e2e run: %v\n%s", err, out)
	}
	got := reports(t, sb.path("report"))
	if len(got) != 1 || got[0].Outcome != "joined" || got[0].Owned {
		t.Fatalf("want the suite to join the stack run started, got %+v\n%s", got, out)
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want 1 start and 1 stop, got %d and %d\n%s", starts, stops, out)
	}
	mustContain(t, string(out), "--- PASS: TestSuite")
}
