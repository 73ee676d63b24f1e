package stigmere2e_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Every wait of these tests is bounded generously: the machine is shared and slow at times. No
// test asserts how long something took.
const waitLimit = 90 * time.Second

var (
	// repoRoot is the repository's root (this package is its go/ directory).
	repoRoot = mustAbs("..")
	// coreCLI is the stigmer-e2e bin as npm installs it: executable, with a node shebang.
	coreCLI = filepath.Join(repoRoot, "packages", "core", "bin", "stigmer-e2e.js")
	// suiteBinary is testdata/suite compiled once by TestMain: a `go test` binary of a user's suite.
	suiteBinary string
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if err := checkPrerequisites(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// Every Ensure of these tests runs the repository's CLI unless a test says otherwise.
	os.Setenv("STIGMER_E2E_CLI", coreCLI)
	// The `go test` runs of the tests keep this build cache when a test gives them another HOME.
	if os.Getenv("GOCACHE") == "" {
		cache, err := exec.Command("go", "env", "GOCACHE").Output()
		if err != nil {
			fmt.Fprintf(os.Stderr, "go env GOCACHE: %v\n", err)
			return 1
		}
		os.Setenv("GOCACHE", strings.TrimSpace(string(cache)))
	}
	dir, err := os.MkdirTemp("", "stigmere2e-suite-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	suiteBinary = filepath.Join(dir, "suite.test")
	build := exec.Command("go", "test", "-c", "-o", suiteBinary, "./testdata/suite")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building testdata/suite: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

func checkPrerequisites() error {
	if _, err := os.Stat(filepath.Join(repoRoot, "packages", "core", "dist", "cli", "bin.js")); err != nil {
		return fmt.Errorf("these tests run the stigmer-e2e CLI of packages/core, which is not built: run `pnpm --filter @stigmer/e2e-core build` (or `pnpm test`, which builds it first): %v", err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		return fmt.Errorf("these tests run the stigmer-e2e CLI, which needs Node.js 20.19+ on PATH: %v", err)
	}
	return nil
}

func mustAbs(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	return abs
}

// sandbox is one test's own directory. Every process the test starts, directly or not, carries
// markEnv in its environment, so that none of them can outlive the test unnoticed.
type sandbox struct {
	dir  string
	mark string
}

const markEnv = "STIGMERE2E_TEST_SANDBOX"

// newSandbox gives the test a temp dir, marks the processes it will start (the CLIs that this
// process runs and their children inherit the mark) and, at cleanup, fails the test if any of
// them still runs (killing it, after checking it is the one marked).
func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	sb := &sandbox{dir: t.TempDir()}
	sb.mark = sb.dir
	t.Setenv(markEnv, sb.mark)
	t.Setenv("CI", "") // the policy under test is given explicitly, or is the local default (skip)
	t.Cleanup(func() {
		if left := sb.leftovers(); len(left) > 0 {
			t.Errorf("processes of the test still running afterwards (killed now):\n  %s", strings.Join(left, "\n  "))
		}
	})
	return sb
}

// env is the environment of a process the test starts: this process's (with the mark) plus extra.
func (sb *sandbox) env(extra map[string]string) []string {
	env := os.Environ()
	for key, value := range extra {
		env = append(env, key+"="+value)
	}
	return env
}

func (sb *sandbox) path(name string) string {
	return filepath.Join(sb.dir, name)
}

// leftovers waits up to waitLimit for the marked processes to end (stigmer-e2e's watchdog exits
// at its next poll after the stack is released), then SIGKILLs those left and names them.
func (sb *sandbox) leftovers() []string {
	deadline := time.Now().Add(waitLimit)
	pids := marked(sb.mark)
	for len(pids) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		pids = marked(sb.mark)
	}
	var left []string
	for _, p := range pids {
		left = append(left, fmt.Sprintf("%d %s", p.pid, p.command))
		killIfStill(p, sb.mark)
	}
	return left
}

type markedProcess struct {
	pid       int
	startTime string
	command   string
}

// marked lists the live processes (zombies aside) whose environment holds markEnv=mark.
func marked(mark string) []markedProcess {
	entries, _ := os.ReadDir("/proc")
	var found []markedProcess
	for _, entry := range entries {
		pid, err := strconv.Atoi(entry.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		if p, ok := markedAs(pid, mark); ok {
			found = append(found, p)
		}
	}
	return found
}

func markedAs(pid int, mark string) (markedProcess, bool) {
	environ, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", pid))
	if err != nil || !hasEntry(environ, markEnv+"="+mark) {
		return markedProcess{}, false
	}
	state, startTime, ok := stat(pid)
	if !ok || state == "Z" {
		return markedProcess{}, false
	}
	cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return markedProcess{pid: pid, startTime: startTime, command: strings.TrimSpace(strings.ReplaceAll(string(cmdline), "\x00", " "))}, true
}

func hasEntry(environ []byte, entry string) bool {
	for _, e := range bytes.Split(environ, []byte{0}) {
		if string(e) == entry {
			return true
		}
	}
	return false
}

// stat reads a process's state and start time (fields 3 and 22 of /proc/<pid>/stat, counted
// after the command name, which may hold spaces and parentheses).
func stat(pid int) (state, startTime string, ok bool) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", "", false
	}
	fields := strings.Fields(string(raw[bytes.LastIndexByte(raw, ')')+1:]))
	if len(fields) < 20 {
		return "", "", false
	}
	return fields[0], fields[19], true
}

// killIfStill SIGKILLs p only if its pid still names the same process (same start time, still marked).
func killIfStill(p markedProcess, mark string) {
	now, ok := markedAs(p.pid, mark)
	if ok && now.startTime == p.startTime {
		_ = syscall.Kill(p.pid, syscall.SIGKILL)
	}
}

// freePorts returns n distinct free loopback ports, found as the emulator's getFreePorts finds
// them: by binding port 0, all listeners open until every port is known.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("no free port on 127.0.0.1: %v", err)
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// answers: something accepts TCP connections on 127.0.0.1:port.
func answers(port int) bool {
	return answersAt(fmt.Sprintf("127.0.0.1:%d", port))
}

// answersAt: something accepts TCP connections at address ("host:port").
func answersAt(address string) bool {
	conn, err := net.DialTimeout("tcp", address, 5*time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// waitFor polls check until it holds, failing the test after waitLimit.
func waitFor(t *testing.T, what string, check func() bool) {
	t.Helper()
	for deadline := time.Now().Add(waitLimit); !check(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", waitLimit, what)
		}
	}
}

// logTo is an Options.Progress that writes to the test's log.
func logTo(t *testing.T) io.Writer {
	return logWriter{t}
}

type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// runCLI runs the repository's stigmer-e2e as a user would, outside the package under test.
func runCLI(t *testing.T, args ...string) error {
	t.Helper()
	out, err := exec.Command(coreCLI, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("stigmer-e2e %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// nodePath is where node is, found on this process's PATH before a test changes it.
func nodePath(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal(err)
	}
	return node
}
