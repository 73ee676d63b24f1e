package stigmere2e_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// Ensure and EnsureT called in this test process, which then holds the lease.

// get fetches url and returns its body.
func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

func TestEnsureTSetsTheEnvForTheTestAndRestoresIt(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	if _, set := os.LookupEnv("FIXTURE_URL"); set {
		t.Fatal("FIXTURE_URL is set before the test")
	}
	var stack *stigmere2e.Stack
	t.Run("with the stack", func(t *testing.T) {
		stack = stigmere2e.EnsureT(t, stigmere2e.Options{Config: f.spec, Progress: logTo(t)})
		url := os.Getenv("FIXTURE_URL")
		if url == "" || url != stack.Env["FIXTURE_URL"] {
			t.Fatalf("FIXTURE_URL is %q in the process env, want Stack.Env's %q", url, stack.Env["FIXTURE_URL"])
		}
		if body := get(t, url); body != "ok" {
			t.Fatalf("the server answered %q", body)
		}
		if len(stack.Components) != 1 || !stack.Components[0].Ready || !stack.Components[0].Required || stack.Components[0].Name != "web" {
			t.Fatalf("components: %+v", stack.Components)
		}
	})
	if stack == nil || stack.Outcome != stigmere2e.OutcomeStarted || !stack.Owned || stack.LeaseID == "" {
		t.Fatalf("want a started, owned stack with a lease, got %+v", stack)
	}
	if _, set := os.LookupEnv("FIXTURE_URL"); set {
		t.Error("FIXTURE_URL is still set after the test that ensured the stack")
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want the stack started and stopped by the subtest's cleanup, got %d starts and %d stops", starts, stops)
	}
}

func TestEnsureTInParallelTestsSharesTheStackAndTheEnv(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	// The two wait for each other, so both hold the stack (and its env) at once, and the first
	// to end must not take FIXTURE_URL away from the other.
	var bothIn, firstOut sync.WaitGroup
	bothIn.Add(2)
	firstOut.Add(1)
	var once sync.Once
	outcomes := make(chan stigmere2e.Outcome, 2)
	t.Run("group", func(t *testing.T) {
		for _, name := range []string{"a", "b"} {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				first := false
				// Registered before EnsureT's, so it runs after them (env dropped, lease released).
				t.Cleanup(func() {
					if first {
						firstOut.Done()
					}
				})
				stack := stigmere2e.EnsureT(t, stigmere2e.Options{Config: f.spec, Progress: logTo(t)})
				outcomes <- stack.Outcome
				bothIn.Done()
				bothIn.Wait()
				once.Do(func() { first = true }) // the first ends now; the other checks after it
				if !first {
					firstOut.Wait()
				}
				if body := get(t, os.Getenv("FIXTURE_URL")); body != "ok" {
					t.Errorf("the server answered %q", body)
				}
			})
		}
	})
	close(outcomes)
	var got []string
	for o := range outcomes {
		got = append(got, string(o))
	}
	if strings.Join(got, ",") != "started,joined" && strings.Join(got, ",") != "joined,started" {
		t.Fatalf("want one test that started the stack and one that joined it, got %v", got)
	}
	if _, set := os.LookupEnv("FIXTURE_URL"); set {
		t.Error("FIXTURE_URL is still set after both tests")
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want 1 start and 1 stop, got %d and %d", starts, stops)
	}
}

func TestReleaseIsIdempotent(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	stack, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: f.spec, Progress: logTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := stack.Release(); err != nil {
			t.Fatalf("release %d: %v", i+1, err)
		}
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want 1 start and 1 stop, got %d and %d", starts, stops)
	}
}

func TestReleaseOfALeaseReleasedElsewhereFails(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	stack, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: f.spec, Progress: logTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	if err := runCLI(t, "down", "--config", f.spec, "--lease", stack.LeaseID); err != nil {
		t.Fatal(err)
	}
	err = stack.Release()
	if err == nil || !strings.Contains(err.Error(), stack.LeaseID) || !strings.Contains(err.Error(), "already released") {
		t.Fatalf("want an error naming the lease, got %v", err)
	}
	if again := stack.Release(); again != err {
		t.Fatalf("a second Release should return the first one's result, got %v", again)
	}
}

func TestEnsureInterruptedByTheContextCleansUp(t *testing.T) {
	sb := newSandbox(t)
	// The server takes 10 minutes to listen: Ensure is still waiting when ctx ends.
	f := newFixture(t, sb, map[string]string{"FIXTURE_DELAY_MS": "600000"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	progress := &lockedBuffer{}
	result := make(chan error, 1)
	go func() {
		_, err := stigmere2e.Ensure(ctx, stigmere2e.Options{Config: f.spec, Progress: progress})
		result <- err
	}()
	waitFor(t, "the server to start", func() bool { starts, _ := f.counts(t); return starts == 1 })
	cancel()
	err := <-result
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want an error wrapping context.Canceled, got %v\n%s", err, progress)
	}
	if starts, stops := f.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("want the server the interrupted run started stopped, got %d starts and %d stops\n%s", starts, stops, progress)
	}
	mustContain(t, progress.String(), "SIGINT: cleaning up")
}

func TestEnsureRejectsBadOptions(t *testing.T) {
	newSandbox(t)
	_, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{OnUnavailable: "maybe"})
	if err == nil || !strings.Contains(err.Error(), `Options.OnUnavailable must be "skip", "fail" or empty`) || !strings.Contains(err.Error(), `"maybe"`) {
		t.Fatalf("want an error naming Options.OnUnavailable and the value, got %v", err)
	}
	_, err = stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: "x.json", Require: []string{"temporal"}, Progress: logTo(t)})
	if err == nil || !strings.Contains(err.Error(), "exit 2") || !strings.Contains(err.Error(), "--require applies to the Stigmer profile") {
		t.Fatalf("want the CLI's usage error, got %v", err)
	}
}
