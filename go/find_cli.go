package stigmere2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrCLINotFound: no stigmer-e2e executable in any of the places Ensure looks. It is an error,
// not an unavailable stack: the suite's own tooling is missing, and skipping would hide that.
var ErrCLINotFound = errors.New("the stigmer-e2e CLI was not found")

const cliName = "stigmer-e2e"

// findCLI returns the stigmer-e2e to run: explicit (Options.CLI), else $STIGMER_E2E_CLI, else
// stigmer-e2e on PATH, else node_modules/.bin/stigmer-e2e upward from the working directory.
// A path that is given but does not exist is an error, never a reason to look elsewhere.
func findCLI(explicit string) (string, error) {
	if explicit != "" {
		return checkExecutable(explicit, "Options.CLI")
	}
	if fromEnv := os.Getenv("STIGMER_E2E_CLI"); fromEnv != "" {
		return checkExecutable(fromEnv, "$STIGMER_E2E_CLI")
	}
	if onPath, err := exec.LookPath(cliName); err == nil {
		return onPath, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("stigmere2e: cannot read the working directory to look for node_modules/.bin/%s: %w", cliName, err)
	}
	for dir := cwd; ; dir = filepath.Dir(dir) {
		candidate := filepath.Join(dir, "node_modules", ".bin", cliName)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "", fmt.Errorf("stigmere2e: %w: $STIGMER_E2E_CLI is not set, %s is not on PATH, and there is no node_modules/.bin/%s in %s or any parent directory. "+
		"Install it with `npm install --save-dev @stigmer/e2e-core` (or pnpm add -D) in your project, or set STIGMER_E2E_CLI (or Options.CLI) to its path",
		ErrCLINotFound, cliName, cliName, cwd)
}

func checkExecutable(path, source string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("stigmere2e: %w: %s is %q (%v); point it at the stigmer-e2e executable (node_modules/.bin/stigmer-e2e after `npm install --save-dev @stigmer/e2e-core`)", ErrCLINotFound, source, path, err)
	}
	if info.IsDir() || info.Mode()&0o111 == 0 {
		return "", fmt.Errorf("stigmere2e: %s is %q, which is not an executable file; point it at the stigmer-e2e executable (node_modules/.bin/stigmer-e2e after `npm install --save-dev @stigmer/e2e-core`)", source, path)
	}
	return path, nil
}
