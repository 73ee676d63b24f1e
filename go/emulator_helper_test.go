package stigmere2e_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Every line of these tests that knows the Stigmer emulator (packages/emulator, the stand-in
// for the real `stigmer` CLI, which cannot run here) is in this file.

var (
	emulatorDir = filepath.Join(repoRoot, "packages", "emulator")
	emulatorBin = filepath.Join(emulatorDir, "bin", "stigmer.js")
	// dockerBinDir holds the emulator's `docker` stand-in (agent-runner is a Docker container,
	// and no Docker engine runs here: the stand-in is the mock).
	dockerBinDir = filepath.Join(emulatorDir, "bin")
)

// emulatedStigmer makes the emulator the `stigmer` of this test process and of every process it
// starts, until the test ends: an emulated machine as the emulator's emulatedMachine builds one
// (packages/emulator/src/emulated-machine.ts): a throwaway HOME (its ~/.stigmer), free ports for
// stigmer-server, Temporal and the fake Ollama (on the default 11434 another test's answers, and
// the CLI, taking it for its own, fails), the emulator's test defaults (a model in Ollama's
// store, short supervisor waits), the `docker` stand-in first on PATH with its state under HOME,
// and the addresses the Stigmer profile probes. It returns the stigmer-server and Temporal
// addresses.
func emulatedStigmer(t *testing.T, sb *sandbox) (server, temporal string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(emulatorDir, "dist", "cli.js")); err != nil {
		t.Fatalf("the Stigmer emulator is not built: run `pnpm --filter @stigmer/e2e-emulator build` (%v)", err)
	}
	node := nodePath(t)
	home := sb.path("home")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	ports := freePorts(t, 3)
	server, temporal = fmt.Sprintf("localhost:%d", ports[0]), fmt.Sprintf("localhost:%d", ports[1])
	for key, value := range map[string]string{
		"HOME":                                      home,
		"PATH":                                      dockerBinDir + string(os.PathListSeparator) + os.Getenv("PATH"),
		"STIGMER_E2E_BIN":                           emulatorBin,
		"STIGMER_EMULATOR_SERVER_PORT":              fmt.Sprint(ports[0]),
		"STIGMER_EMULATOR_TEMPORAL_PORT":            fmt.Sprint(ports[1]),
		"STIGMER_EMULATOR_OLLAMA_PORT":              fmt.Sprint(ports[2]),
		"STIGMER_EMULATOR_OLLAMA_MODELS":            "qwen2.5-coder:7b",
		"STIGMER_EMULATOR_SUPERVISOR_START_WAIT_MS": "300",
		"STIGMER_EMULATOR_SUPERVISOR_STOP_WAIT_MS":  "300",
		"STIGMER_EMULATOR_DOCKER_DIR":               filepath.Join(home, ".docker-emulator"),
		"STIGMER_SERVER_ADDR":                       server,
		"TEMPORAL_ADDRESS":                          temporal,
	} {
		t.Setenv(key, value)
	}
	t.Cleanup(func() {
		// A safety net: the tests stop what they start, and check it. Then what a real
		// `stigmer server stop` leaves running on purpose (managed Temporal, Ollama), by the
		// emulator's own verified kill.
		stop := exec.Command(node, emulatorBin, "server", "stop")
		stop.Env = append(os.Environ(), "STIGMER_EMULATOR_STOP_TIMEOUT_MS=1000")
		_ = stop.Run()
		kill := exec.Command(node, "--input-type=module", "-e",
			"const { killEmulatorProcesses } = await import(process.argv[1]); killEmulatorProcesses(process.argv[2]);",
			filepath.Join(emulatorDir, "dist", "index.js"), home)
		if out, err := kill.CombinedOutput(); err != nil {
			t.Errorf("ending what the emulated stack left running: %v\n%s", err, out)
		}
	})
	return server, temporal
}

// startStigmerOutside starts the emulated stack as a developer would, with `stigmer server`,
// outside stigmer-e2e, and waits until stigmer-server and Temporal accept connections (the CLI
// returns before stigmer-server listens).
func startStigmerOutside(t *testing.T, server, temporal string) {
	t.Helper()
	if out, err := exec.Command(emulatorBin, "server").CombinedOutput(); err != nil {
		t.Fatalf("stigmer server: %v\n%s", err, out)
	}
	waitFor(t, "the stack started outside stigmer-e2e to listen", func() bool {
		return answersAt(server) && answersAt(temporal)
	})
}
