package stigmere2e_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// A group config (docs/groups.md) through Ensure: core's fixture server as a database-like
// member ("db", which exports FIXTURE_URL) and an app that refuses to start without FIXTURE_URL
// and connects to it when it starts ("app", dependsOn db).

var groupApp = filepath.Join(repoRoot, "packages", "core", "test", "fixtures", "group-app.mjs")

type group struct {
	config    string
	db        fixture
	appPort   int
	appEvents string
}

// newGroup writes the group config into the sandbox; appEnv is added to the app's env.
func newGroup(t *testing.T, sb *sandbox, appEnv map[string]string) group {
	t.Helper()
	db := newFixture(t, sb, nil)
	var dbSpec map[string]any
	raw, err := os.ReadFile(db.spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &dbSpec); err != nil {
		t.Fatal(err)
	}
	dbSpec["name"] = "db"
	g := group{config: sb.path("group.json"), db: db, appPort: freePorts(t, 1)[0], appEvents: sb.path("app-events.log")}
	env := map[string]string{"APP_PORT": fmt.Sprint(g.appPort), "APP_EVENTS_FILE": g.appEvents, "APP_NEEDS": "FIXTURE_URL"}
	for k, v := range appEnv {
		env[k] = v
	}
	app := map[string]any{
		"name":      "app",
		"dependsOn": []string{"db"},
		"stateDir":  sb.path("app-state"),
		"start":     map[string]any{"command": []string{"node", groupApp}, "mode": "process", "env": env},
		"stop":      map[string]any{"timeoutMs": 5000},
		"components": []any{
			map[string]any{"name": "http", "probe": map[string]any{"http": fmt.Sprintf("http://127.0.0.1:%d/", g.appPort)}},
		},
		"env":            map[string]string{"APP_URL": fmt.Sprintf("http://127.0.0.1:%d/", g.appPort)},
		"readyTimeoutMs": 60000,
	}
	raw, err = json.Marshal(map[string]any{"name": "shop", "members": []any{app, dbSpec}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(g.config, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return g
}

// appCounts returns how many times the app started and stopped, from its events file.
func (g group) appCounts(t *testing.T) (starts, stops int) {
	t.Helper()
	raw, err := os.ReadFile(g.appEvents)
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

func TestEnsureGroupStartsEachMemberAfterWhatItDependsOn(t *testing.T) {
	sb := newSandbox(t)
	g := newGroup(t, sb, nil)
	stack, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: g.config, OnUnavailable: "fail", Progress: logTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !stack.Available || stack.Profile != "shop" || len(stack.Members) != 2 {
		t.Fatalf("want the group available with two members, got %+v", stack)
	}
	db, app := stack.Member("db"), stack.Member("app")
	if stack.Members[0].Name != "db" || db.Outcome != stigmere2e.OutcomeStarted || app.Outcome != stigmere2e.OutcomeStarted || !app.Owned {
		t.Fatalf("want db then app, both started by this run, got %+v", stack.Members)
	}
	if len(app.DependsOn) != 1 || app.DependsOn[0] != "db" || stack.Member("web") != nil {
		t.Fatalf("members: %+v", stack.Members)
	}
	// The app reached the db at its start: it had FIXTURE_URL from the group.
	if body := get(t, stack.Env["APP_URL"]); body != "ok" || stack.Env["FIXTURE_URL"] != db.Env["FIXTURE_URL"] {
		t.Fatalf("the app answered %q; env %v", body, stack.Env)
	}
	if !strings.HasPrefix(stack.LeaseID, "db=") || !strings.Contains(stack.LeaseID, ",app=") {
		t.Fatalf("want the group's lease id naming each member's lease, got %q", stack.LeaseID)
	}
	if err := stack.Release(); err != nil {
		t.Fatal(err)
	}
	if starts, stops := g.db.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("db: want 1 start and 1 stop, got %d and %d", starts, stops)
	}
	if starts, stops := g.appCounts(t); starts != 1 || stops != 1 {
		t.Fatalf("app: want 1 start and 1 stop, got %d and %d", starts, stops)
	}
	if answers(g.db.port) || answers(g.appPort) {
		t.Fatal("a member still answers after Release")
	}
}

func TestEnsureGroupNamesTheFailedMemberAndStopsTheOthers(t *testing.T) {
	sb := newSandbox(t)
	g := newGroup(t, sb, map[string]string{"APP_FAIL": "1"})
	stack, err := stigmere2e.Ensure(context.Background(), stigmere2e.Options{Config: g.config, OnUnavailable: "fail", Progress: logTo(t)})
	var unavailable *stigmere2e.UnavailableError
	if stack != nil || !errors.As(err, &unavailable) {
		t.Fatalf("want an *UnavailableError, got %v (stack %+v)", err, stack)
	}
	got := unavailable.Stack
	if got.Failed != "app" || got.Member("db").Outcome != stigmere2e.OutcomeStarted {
		t.Fatalf("want app failed after db started, got %+v", got)
	}
	mustContain(t, err.Error(), "shop is unavailable: app failed:", "--- app/server", "fatal: migrations failed")
	if starts, stops := g.db.counts(t); starts != 1 || stops != 1 {
		t.Fatalf("db: want it stopped again (this run started it), got %d starts and %d stops", starts, stops)
	}
	if answers(g.db.port) {
		t.Fatal("db still answers after the group failed")
	}
}
