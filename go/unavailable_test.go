package stigmere2e_test

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// An unavailable stack: the fixture server exits 1 before it listens (FIXTURE_FAIL).

const failedStart = "exited with code 1 before it was ready"

func TestUnavailableLocallyTheSuiteIsSkippedWithTheReason(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, map[string]string{"FIXTURE_FAIL": "1"})
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": f.spec})
	if code != 0 {
		t.Fatalf("a skipped suite should pass: exit %d\n%s", code, out)
	}
	mustContain(t, out, "--- SKIP: TestSuite", "fixture is unavailable: the server process", failedStart,
		"fatal: cannot bind: simulated failure", "skipped, not failed: $CI is not set")
}

func TestUnavailableUnderCIGoTestFails(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, map[string]string{"FIXTURE_FAIL": "1"})
	// `go test` itself, as CI runs it, on the suite's package.
	goTest := exec.Command("go", "test", "-count=1", "./testdata/suite")
	goTest.Env = sb.env(map[string]string{"CI": "1", "SUITE_CONFIG": f.spec})
	out, err := goTest.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("want go test to exit 1, got %v\n%s", err, out)
	}
	mustContain(t, string(out), "--- FAIL: TestSuite", failedStart, "fatal: cannot bind: simulated failure",
		"failed, not skipped: $CI is set", "FAIL\tgithub.com/stigmer/stigmer-e2e/go/testdata/suite")
}

func TestUnavailableUnderCIOnUnavailableSkipStillSkips(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, map[string]string{"FIXTURE_FAIL": "1"})
	code, out := runSuite(t, sb, map[string]string{"CI": "true", "SUITE_CONFIG": f.spec, "SUITE_ON_UNAVAILABLE": "skip"})
	if code != 0 {
		t.Fatalf("want the suite skipped under CI with OnUnavailable skip: exit %d\n%s", code, out)
	}
	mustContain(t, out, "--- SKIP: TestSuite", failedStart, `skipped, not failed: OnUnavailable is "skip"`)
}

func TestEnsureUnavailable(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, map[string]string{"FIXTURE_FAIL": "1"})

	stack, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: f.spec, OnUnavailable: "skip", Progress: logTo(t)})
	if err != nil {
		t.Fatalf("skip: want no error, got %v", err)
	}
	if stack.Available || stack.Outcome != stigmere2e.OutcomeUnavailable || stack.LeaseID != "" {
		t.Fatalf("skip: want an unavailable stack without a lease, got %+v", stack)
	}
	if !strings.Contains(stack.Reason, failedStart) {
		t.Fatalf("skip: the reason %q does not say why", stack.Reason)
	}
	if err := stack.Release(); err != nil {
		t.Fatalf("releasing an unavailable stack (no lease) should do nothing, got %v", err)
	}

	stack, err = stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: f.spec, OnUnavailable: "fail", Progress: logTo(t)})
	var unavailable *stigmere2e.UnavailableError
	if stack != nil || !errors.As(err, &unavailable) {
		t.Fatalf("fail: want an *UnavailableError and no stack, got %v, %v", stack, err)
	}
	mustContain(t, err.Error(), failedStart, "fatal: cannot bind: simulated failure", "✗ web")
	if answers(f.port) {
		t.Fatal("something listens on the port of a stack that failed to start")
	}
}
