package stigmere2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// Every line of these tests that knows the Stigmer emulator (packages/emulator, the stand-in
// for the real `stigmer` CLI, which cannot run here) is in this file.

var emulatorBin = filepath.Join(repoRoot, "packages", "emulator", "bin", "stigmer.js")

// dockerBinDir holds the emulator's `docker` stand-in.
var dockerBinDir = filepath.Join(repoRoot, "packages", "emulator", "bin")

// emulatedStigmer makes the emulator the `stigmer` of this test process and of every process it
// starts, until the test ends: a throwaway HOME (its ~/.stigmer), free ports, and the addresses
// the Stigmer profile probes. It returns the stigmer-server and Temporal addresses.
func emulatedStigmer(t *testing.T, sb *sandbox) (server, temporal string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(repoRoot, "packages", "emulator", "dist", "cli.js")); err != nil {
		t.Fatalf("the Stigmer emulator is not built: run `pnpm --filter @stigmer/e2e-emulator build` (%v)", err)
	}
	home := sb.path("home")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	ports := freePorts(t, 3)
	server, temporal = fmt.Sprintf("localhost:%d", ports[0]), fmt.Sprintf("localhost:%d", ports[1])
	// The emulator's own knobs for a stack that starts, and fast (a model in the fake Ollama
	// store, short supervisor waits: its emulatorEnv), on free ports: the fake Ollama on a port of
	// its own (on the default one another test's answers, and the CLI, taking it for its own,
	// finds no ollama binary).
	script := fmt.Sprintf(`import(%q).then((m) => process.stdout.write(JSON.stringify(m.emulatorEnv({ serverPort: %d, temporalPort: %d, ollamaPort: %d, dockerDir: %q }))))`,
		filepath.Join(repoRoot, "packages", "emulator", "dist", "index.js"), ports[0], ports[1], ports[2], filepath.Join(home, ".docker-emulator"))
	out, err := exec.Command("node", "--input-type=module", "-e", script).Output()
	if err != nil {
		t.Fatalf("the emulator's knobs: %v", err)
	}
	knobs := map[string]string{}
	if err := json.Unmarshal(out, &knobs); err != nil {
		t.Fatalf("the emulator's knobs: %v (%s)", err, out)
	}
	// The `docker` stand-in first on PATH: no Docker engine runs here, the stand-in is the mock.
	knobs["HOME"] = home
	knobs["PATH"] = dockerBinDir + string(os.PathListSeparator) + os.Getenv("PATH")
	knobs["STIGMER_E2E_BIN"] = emulatorBin
	knobs["STIGMER_SERVER_ADDR"] = server
	knobs["TEMPORAL_ADDRESS"] = temporal
	for key, value := range knobs {
		t.Setenv(key, value)
	}
	t.Cleanup(func() {
		// A safety net: the tests stop what they start, and check it.
		stop := exec.Command(emulatorBin, "server", "stop")
		stop.Env = append(os.Environ(), "STIGMER_EMULATOR_STOP_TIMEOUT_MS=1000")
		_ = stop.Run()
		killProcessesOfHome(home) // what a real stop leaves on purpose: Temporal, Ollama
	})
	return server, temporal
}

// startStigmerOutside starts the emulated stack as a developer would, with `stigmer server`,
// outside stigmer-e2e, and waits until stigmer-server and Temporal accept connections.
func startStigmerOutside(t *testing.T, server, temporal string) {
	t.Helper()
	if out, err := exec.Command(emulatorBin, "server").CombinedOutput(); err != nil {
		t.Fatalf("stigmer server: %v\n%s", err, out)
	}
	waitFor(t, "the stack started outside stigmer-e2e to listen", func() bool {
		return answersAt(server) && answersAt(temporal)
	})
}

// killProcessesOfHome SIGKILLs every process whose environment has HOME=home (Linux): the
// emulated stack of this test only, since each test has a HOME of its own.
func killProcessesOfHome(home string) {
	entries, _ := os.ReadDir("/proc")
	mark := []byte("\x00HOME=" + home + "\x00")
	for _, entry := range entries {
		pid, err := strconv.Atoi(entry.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		environ, err := os.ReadFile(filepath.Join("/proc", entry.Name(), "environ"))
		if err != nil || !bytes.Contains(append([]byte{0}, environ...), mark) {
			continue
		}
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
}
