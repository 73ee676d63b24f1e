package stigmere2e

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// applyEnv sets env in the process environment until t's cleanup: with t.Setenv when t allows
// it, else (a parallel test) through sharedEnv.
func applyEnv(t testing.TB, env map[string]string) {
	t.Helper()
	for key, value := range env {
		if !trySetenv(t, key, value) {
			sharedEnv.set(t, key, value)
		}
	}
}

// trySetenv is t.Setenv, or false when t is a parallel test (t.Setenv panics there, before it
// changes anything).
func trySetenv(t testing.TB, key, value string) (ok bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if !strings.Contains(fmt.Sprint(r), "Parallel") {
				panic(r)
			}
			ok = false
		}
	}()
	t.Setenv(key, value)
	return true
}

// sharedEnv holds the variables set for parallel tests: each is set by its first user and
// restored when its last user's cleanup runs, so that one parallel test ending does not take
// the address away from another still using the same stack.
var sharedEnv = &sharedVars{vars: map[string]*sharedVar{}}

type sharedVars struct {
	mu   sync.Mutex
	vars map[string]*sharedVar
}

type sharedVar struct {
	users int
	// The value before the first user, to restore after the last.
	prior    string
	hadPrior bool
}

func (s *sharedVars) set(t testing.TB, key, value string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.vars[key]
	if !ok {
		prior, had := os.LookupEnv(key)
		v = &sharedVar{prior: prior, hadPrior: had}
		s.vars[key] = v
	}
	if err := os.Setenv(key, value); err != nil {
		t.Fatalf("stigmere2e: cannot set %s for the test: %v", key, err)
	}
	v.users++
	t.Cleanup(func() { s.drop(key) })
}

func (s *sharedVars) drop(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.vars[key]
	if v.users--; v.users > 0 {
		return
	}
	delete(s.vars, key)
	if v.hadPrior {
		_ = os.Setenv(key, v.prior)
	} else {
		_ = os.Unsetenv(key)
	}
}
