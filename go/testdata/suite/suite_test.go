// A user's suite, as the tests of package stigmere2e run it (compiled once with `go test -c`):
// EnsureT against the profile in $SUITE_CONFIG, a subtest that uses what the stack exports, and
// on request a wait mid-suite, so that a test can run two binaries at once or SIGKILL one.
//
//	SUITE_CONFIG          Options.Config
//	SUITE_ON_UNAVAILABLE  Options.OnUnavailable
//	SUITE_REPORT          a file: one JSON line per run, appended once the stack is ensured
//	SUITE_HOLD_UNTIL      a file: the suite waits until it exists before it ends
package suite

import (
	"encoding/json"
	"net"
	"os"
	"testing"
	"time"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// holdLimit bounds a wait that nobody ends (a test that failed before creating the file).
const holdLimit = 5 * time.Minute

type report struct {
	Pid       int                `json:"pid"`
	Outcome   stigmere2e.Outcome `json:"outcome"`
	Owned     bool               `json:"owned"`
	LeaseID   string             `json:"leaseId"`
	Env       map[string]string  `json:"env"`
	EnsuredAt time.Time          `json:"ensuredAt"`
}

func TestSuite(t *testing.T) {
	stack := stigmere2e.EnsureT(t, stigmere2e.Options{
		Config:        os.Getenv("SUITE_CONFIG"),
		OnUnavailable: os.Getenv("SUITE_ON_UNAVAILABLE"),
	})
	writeReport(t, report{
		Pid: os.Getpid(), Outcome: stack.Outcome, Owned: stack.Owned, LeaseID: stack.LeaseID,
		Env: stack.Env, EnsuredAt: time.Now(),
	})

	t.Run("the stack's env is in the process env and its components answer", func(t *testing.T) {
		for key, value := range stack.Env {
			if got := os.Getenv(key); got != value {
				t.Errorf("os.Getenv(%q) = %q, want %q (Stack.Env)", key, got, value)
			}
		}
		for _, c := range stack.Components {
			if c.Address == "" {
				continue
			}
			conn, err := net.DialTimeout("tcp", c.Address, 10*time.Second)
			if err != nil {
				t.Errorf("component %s at %s: %v", c.Name, c.Address, err)
				continue
			}
			conn.Close()
		}
	})

	if hold := os.Getenv("SUITE_HOLD_UNTIL"); hold != "" {
		t.Logf("holding the stack until %s exists", hold)
		for deadline := time.Now().Add(holdLimit); ; time.Sleep(50 * time.Millisecond) {
			if _, err := os.Stat(hold); err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s did not appear within %v", hold, holdLimit)
			}
		}
	}
}

func writeReport(t *testing.T, r report) {
	path := os.Getenv("SUITE_REPORT")
	if path == "" {
		return
	}
	line, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		t.Fatal(err)
	}
}
