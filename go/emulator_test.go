package stigmere2e_test

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// The Stigmer profile itself, against the emulated `stigmer`.

func TestStigmerStackThroughEnsureT(t *testing.T) {
	sb := newSandbox(t)
	server, temporal := emulatedStigmer(t, sb)
	var stack *stigmere2e.Stack
	t.Run("with the stack", func(t *testing.T) {
		stack = stigmere2e.EnsureT(t, stigmere2e.Options{Require: []string{"temporal", "agent-runner"}, Progress: logTo(t)})
		if got := os.Getenv("STIGMER_SERVER_ADDR"); got != server {
			t.Errorf("STIGMER_SERVER_ADDR is %q, want %q", got, server)
		}
		if got := os.Getenv("TEMPORAL_SERVICE_ADDRESS"); got != temporal {
			t.Errorf("TEMPORAL_SERVICE_ADDRESS is %q, want %q", got, temporal)
		}
		for _, address := range []string{server, temporal} {
			conn, err := net.Dial("tcp", address)
			if err != nil {
				t.Fatal(err)
			}
			conn.Close()
		}
	})
	if stack == nil || stack.Profile != "stigmer" || stack.Outcome != stigmere2e.OutcomeStarted || !stack.Owned {
		t.Fatalf("want the Stigmer stack started and owned, got %+v", stack)
	}
	required := map[string]bool{}
	for _, c := range stack.Components {
		if !c.Ready {
			t.Errorf("%s is not ready: %s", c.Name, c.Detail)
		}
		required[c.Name] = c.Required
	}
	if !required["stigmer-server"] || !required["temporal"] || !required["agent-runner"] || required["workflow-runner"] {
		t.Errorf("Require temporal,agent-runner: want stigmer-server, temporal and agent-runner required and workflow-runner not, got %v", required)
	}
	if answersAt(server) || answersAt(temporal) {
		t.Fatal("the stack still answers after the test that started it")
	}
}

func TestStigmerRunningStackIsReusedAndLeftRunning(t *testing.T) {
	sb := newSandbox(t)
	server, temporal := emulatedStigmer(t, sb)
	startStigmerOutside(t, server, temporal)
	var stack *stigmere2e.Stack
	t.Run("with the stack", func(t *testing.T) {
		stack = stigmere2e.EnsureT(t, stigmere2e.Options{Progress: logTo(t)})
	})
	if stack == nil || stack.Outcome != stigmere2e.OutcomeReused || stack.Owned {
		t.Fatalf("want the running stack reused, not owned, got %+v", stack)
	}
	if !answersAt(server) || !answersAt(temporal) {
		t.Fatal("the stack started outside stigmer-e2e is not left running")
	}
}

// TestExampleGoSuite runs examples/go-suite, a user's suite with its own go.mod, with `go test`
// as its README says, the emulator standing in for `stigmer`.
func TestExampleGoSuite(t *testing.T) {
	sb := newSandbox(t)
	server, temporal := emulatedStigmer(t, sb)
	goTest := exec.Command("go", "test", "-tags=e2e", "-count=1", "-v", "./...")
	goTest.Dir = filepath.Join(repoRoot, "examples", "go-suite")
	goTest.Env = sb.env(map[string]string{"GOFLAGS": "", "GOPROXY": "off"})
	raw, err := goTest.CombinedOutput()
	out := string(raw)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatalf("the example's go test failed (%v):\n%s", err, out)
	}
	mustContain(t, out, "stack started (owned: true): stigmer-server "+server+", Temporal "+temporal,
		"--- PASS: TestFullExecution/TestStigmerServerSpeaksGRPC", "--- PASS: TestFullExecution/TestTemporalSpeaksGRPC",
		"--- PASS: TestFullExecution/TestEveryRequiredComponentIsReady", "stigmer stopped in", "ok  \texample.com/stigmer-e2e-go-suite")
	if strings.Contains(out, "SKIP") {
		t.Errorf("nothing should be skipped:\n%s", out)
	}
	if answersAt(server) || answersAt(temporal) {
		t.Fatal("the stack still answers after the example's suite")
	}
}

// Failure injection through the Go package: `stigmer-e2e fault` on the stack this test started.
func TestFaultKillWorkflowRunnerAndPauseTemporal(t *testing.T) {
	sb := newSandbox(t)
	emulatedStigmer(t, sb)
	// The supervisor checks every 300 ms (10 s in Stigmer) and restarts at once.
	t.Setenv("STIGMER_EMULATOR_HEALTH_CHECK_INTERVAL_MS", "300")
	t.Setenv("STIGMER_EMULATOR_RESTART_DELAY_MS", "100")
	stack := stigmere2e.EnsureT(t, stigmere2e.Options{Progress: logTo(t)})
	ctx := context.Background()

	killed, err := stack.Fault(ctx, stigmere2e.FaultKill, "workflow-runner", stigmere2e.FaultOptions{Wait: true})
	if err != nil {
		t.Fatal(err)
	}
	r := killed.Recovery
	if r == nil || !r.Recovered || r.BackAt == nil || r.ReadyAt == nil || *r.RecoveryMs != *r.ReadyAt-*r.WentDownAt {
		t.Fatalf("want workflow-runner recovered with its timeline, got %+v", r)
	}
	t.Logf("recovery: kill workflow-runner: %d ms", *r.RecoveryMs)

	paused, err := stack.Fault(ctx, stigmere2e.FaultPause, "temporal", stigmere2e.FaultOptions{For: time.Second, Wait: true})
	if err != nil {
		t.Fatal(err)
	}
	if paused.Fault.ResumeAt == nil || *paused.Fault.ResumeAt-paused.Fault.InjectedAt != 1000 {
		t.Fatalf("want a 1 s pause, got %+v", paused.Fault)
	}
	if back := *paused.Recovery.BackAt - paused.Fault.InjectedAt; back < 950 {
		t.Fatalf("Temporal was back %d ms after the pause began, before its end", back)
	}

	_, err = stack.Fault(ctx, stigmere2e.FaultKill, "nope", stigmere2e.FaultOptions{})
	if err == nil || !strings.Contains(err.Error(), `has no component "nope"`) {
		t.Fatalf("want the unknown component refused, got %v", err)
	}
}
