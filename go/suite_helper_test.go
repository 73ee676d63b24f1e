package stigmere2e_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// suiteReport is what testdata/suite appends to $SUITE_REPORT once its stack is ensured.
type suiteReport struct {
	Pid       int               `json:"pid"`
	Outcome   string            `json:"outcome"`
	Owned     bool              `json:"owned"`
	LeaseID   string            `json:"leaseId"`
	Env       map[string]string `json:"env"`
	EnsuredAt time.Time         `json:"ensuredAt"`
}

// suiteRun is the suite binary (testdata/suite, a `go test` binary) running as a child of the
// test: killed, by its own handle, if the test ends first.
type suiteRun struct {
	cmd     *exec.Cmd
	output  *lockedBuffer
	exited  chan struct{}
	code    int
	started time.Time
	ended   time.Time
}

// startSuite runs the suite binary in the sandbox with env added to this process's.
func startSuite(t *testing.T, sb *sandbox, env map[string]string, flags ...string) *suiteRun {
	t.Helper()
	cmd := exec.Command(suiteBinary, append([]string{"-test.v", "-test.count=1"}, flags...)...)
	cmd.Dir = sb.dir
	cmd.Env = sb.env(env)
	run := &suiteRun{cmd: cmd, output: &lockedBuffer{}, exited: make(chan struct{})}
	cmd.Stdout = run.output
	cmd.Stderr = run.output
	run.started = time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting the suite binary: %v", err)
	}
	go func() {
		err := cmd.Wait()
		run.ended = time.Now()
		run.code = cmd.ProcessState.ExitCode()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			run.output.Write([]byte("\n(wait: " + err.Error() + ")"))
		}
		close(run.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-run.exited:
		default:
			_ = cmd.Process.Kill() // ours, and not yet waited for
			<-run.exited
		}
	})
	return run
}

// wait waits for the suite to end: its exit code (-1 when killed by a signal) and output.
func (r *suiteRun) wait(t *testing.T) (int, string) {
	t.Helper()
	select {
	case <-r.exited:
	case <-time.After(waitLimit):
		t.Fatalf("the suite binary did not end within %v; its output so far:\n%s", waitLimit, r.output.String())
	}
	return r.code, r.output.String()
}

func runSuite(t *testing.T, sb *sandbox, env map[string]string) (int, string) {
	t.Helper()
	return startSuite(t, sb, env).wait(t)
}

// reports reads $SUITE_REPORT: one line per suite run that got its stack.
func reports(t *testing.T, file string) []suiteReport {
	t.Helper()
	raw, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var all []suiteReport
	scanner := bufio.NewScanner(bytes.NewReader(raw))
	for scanner.Scan() {
		var r suiteReport
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			continue // a line being written
		}
		all = append(all, r)
	}
	return all
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
