package stigmere2e_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// chdir moves this process into dir until the test ends (Go 1.19 has no t.Chdir).
func chdir(t *testing.T, dir string) {
	t.Helper()
	back, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.Chdir(back); err != nil {
			t.Fatal(err)
		}
	})
}

// noCLIAnywhere: no $STIGMER_E2E_CLI, a PATH without stigmer-e2e, a working directory with no
// node_modules in it or above it.
func noCLIAnywhere(t *testing.T, sb *sandbox) string {
	t.Helper()
	t.Setenv("STIGMER_E2E_CLI", "")
	t.Setenv("PATH", sb.path("empty-path"))
	cwd := sb.path("project/pkg")
	if err := os.MkdirAll(cwd, 0o755); err != nil {
		t.Fatal(err)
	}
	for dir := cwd; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "node_modules")); err == nil {
			t.Fatalf("%s has a node_modules: this test needs a temp dir outside any project", dir)
		}
	}
	chdir(t, cwd)
	return cwd
}

func TestNoCLIFoundTheErrorNamesAllThreePlaces(t *testing.T) {
	sb := newSandbox(t)
	cwd := noCLIAnywhere(t, sb)
	_, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{})
	if !errors.Is(err, stigmere2e.ErrCLINotFound) {
		t.Fatalf("want ErrCLINotFound, got %v", err)
	}
	mustContain(t, err.Error(), "$STIGMER_E2E_CLI is not set", "stigmer-e2e is not on PATH",
		"no node_modules/.bin/stigmer-e2e in "+cwd+" or any parent directory", "npm install --save-dev @stigmer/e2e-core")
}

func TestNoCLIFoundEnsureTFailsTheTest(t *testing.T) {
	sb := newSandbox(t)
	code, out := runSuite(t, sb, map[string]string{"STIGMER_E2E_CLI": "", "PATH": sb.path("empty-path")})
	if code != 1 {
		t.Fatalf("want the suite to fail (exit 1), got %d\n%s", code, out)
	}
	mustContain(t, out, "--- FAIL: TestSuite", "the stigmer-e2e CLI was not found", "$STIGMER_E2E_CLI is not set",
		"stigmer-e2e is not on PATH", "node_modules/.bin/stigmer-e2e")
}

func TestCLIFoundInNodeModulesUpward(t *testing.T) {
	sb := newSandbox(t)
	f := newFixture(t, sb, nil)
	node := nodePath(t)
	noCLIAnywhere(t, sb)
	// What `npm install --save-dev @stigmer/e2e-core` leaves in the project, two levels up.
	bin := sb.path("project/node_modules/.bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(coreCLI, filepath.Join(bin, "stigmer-e2e")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", filepath.Dir(node)) // node for the CLI
	if onPath, err := exec.LookPath("stigmer-e2e"); err == nil {
		t.Fatalf("%s is on PATH: this test needs a PATH with node and without stigmer-e2e", onPath)
	}
	stack, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: f.spec, Progress: logTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	if err := stack.Release(); err != nil {
		t.Fatal(err)
	}
	if !stack.Available {
		t.Fatalf("want the stack available through the CLI in node_modules, got %+v", stack)
	}
}

func TestCLIGivenButMissingIsAnError(t *testing.T) {
	sb := newSandbox(t)
	missing := sb.path("nope/stigmer-e2e")
	t.Setenv("STIGMER_E2E_CLI", missing)
	_, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{})
	if !errors.Is(err, stigmere2e.ErrCLINotFound) || !strings.Contains(err.Error(), "$STIGMER_E2E_CLI is \""+missing+"\"") {
		t.Fatalf("want an error naming $STIGMER_E2E_CLI and its value, got %v", err)
	}
	_, err = stigmere2e.Ensure(context.Background(), stigmere2e.Options{CLI: sb.dir})
	if err == nil || !strings.Contains(err.Error(), "Options.CLI is \""+sb.dir+"\", which is not an executable file") {
		t.Fatalf("want an error naming Options.CLI, got %v", err)
	}
}
