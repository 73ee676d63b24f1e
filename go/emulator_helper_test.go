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

var emulatorBin = filepath.Join(repoRoot, "packages", "emulator", "bin", "stigmer.js")

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
	for key, value := range map[string]string{
		"HOME":                                  home,
		"STIGMER_E2E_BIN":                       emulatorBin,
		"STIGMER_EMULATOR_SERVER_PORT":          fmt.Sprint(ports[0]),
		"STIGMER_EMULATOR_TEMPORAL_PORT":        fmt.Sprint(ports[1]),
		"STIGMER_EMULATOR_WORKFLOW_RUNNER_PORT": fmt.Sprint(ports[2]),
		"STIGMER_SERVER_ADDR":                   server,
		"TEMPORAL_ADDRESS":                      temporal,
	} {
		t.Setenv(key, value)
	}
	t.Cleanup(func() {
		// A safety net: the tests stop what they start, and check it.
		stop := exec.Command(emulatorBin, "server", "stop")
		stop.Env = append(os.Environ(), "STIGMER_EMULATOR_STOP_TIMEOUT_MS=1000")
		_ = stop.Run()
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
