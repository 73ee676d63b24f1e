package stigmere2e_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureServer is core's test server: an HTTP server on $FIXTURE_PORT that appends
// "start <pid>" to $FIXTURE_STARTS_FILE when it starts and "stop <pid>" on SIGTERM.
var fixtureServer = filepath.Join(repoRoot, "packages", "core", "test", "fixtures", "server.mjs")

// fixture is a process-mode profile (the server process is the stack) on a free port.
type fixture struct {
	spec   string
	port   int
	starts string
}

// newFixture writes the profile into the sandbox; serverEnv is added to the server's env.
func newFixture(t *testing.T, sb *sandbox, serverEnv map[string]string) fixture {
	t.Helper()
	f := fixture{spec: sb.path("fixture.json"), port: freePorts(t, 1)[0], starts: sb.path("starts.log")}
	env := map[string]string{"FIXTURE_PORT": fmt.Sprint(f.port), "FIXTURE_STARTS_FILE": f.starts}
	for k, v := range serverEnv {
		env[k] = v
	}
	spec := map[string]any{
		"name":     "fixture",
		"stateDir": sb.path("state"),
		"start":    map[string]any{"command": []string{"node", fixtureServer}, "mode": "process", "env": env},
		"stop":     map[string]any{"timeoutMs": 5000},
		"components": []any{
			map[string]any{"name": "web", "probe": map[string]any{"http": fmt.Sprintf("http://127.0.0.1:%d/", f.port)}},
		},
		"env":            map[string]string{"FIXTURE_URL": fmt.Sprintf("http://127.0.0.1:%d/", f.port)},
		"readyTimeoutMs": 60000,
	}
	raw, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.spec, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// counts returns how many times the server started and stopped (on SIGTERM), from its starts file.
func (f fixture) counts(t *testing.T) (starts, stops int) {
	t.Helper()
	raw, err := os.ReadFile(f.starts)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		switch {
		case strings.HasPrefix(line, "start "):
			starts++
		case strings.HasPrefix(line, "stop "):
			stops++
		}
	}
	return starts, stops
}

// startOutside runs the server as a developer would, outside stigmer-e2e, until the test ends.
func (f fixture) startOutside(t *testing.T, sb *sandbox) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("node", fixtureServer)
	cmd.Env = sb.env(map[string]string{"FIXTURE_PORT": fmt.Sprint(f.port), "FIXTURE_STARTS_FILE": f.starts})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill() // ours, and not yet waited for
		<-exited
	})
	waitFor(t, "the fixture server started outside stigmer-e2e to listen", func() bool { return answers(f.port) })
	return cmd
}
