package stigmere2e_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// postgres is a real PostgreSQL cluster driven by pg_ctl (a daemonizing CLI, like `stigmer
// server`) as a custom daemon-mode profile. postgres refuses to run as root, so as root it runs
// as nobody.
type postgres struct {
	spec     string
	port     int
	data     string
	log      string
	settings string
	asUser   []string
}

const nobody = 65534

func pgBin(name string) string {
	dir := os.Getenv("PG_BIN")
	if dir == "" {
		dir = "/usr/lib/postgresql/15/bin"
	}
	return filepath.Join(dir, name)
}

// newPostgres creates a cluster (initdb) in the sandbox and writes its profile. It fails, never
// skips, when PostgreSQL is missing: .ci/run installs it.
func newPostgres(t *testing.T, sb *sandbox) postgres {
	t.Helper()
	if _, err := os.Stat(pgBin("pg_ctl")); err != nil {
		t.Fatalf("PostgreSQL server binaries not found (%v). Install them (as root: apt-get update && apt-get install -y postgresql) or set PG_BIN.", err)
	}
	home := sb.path("pg")
	pg := postgres{port: freePorts(t, 1)[0], data: filepath.Join(home, "data"), log: filepath.Join(home, "postgres.log"), spec: sb.path("postgres.json")}
	if os.Getuid() == 0 {
		pg.asUser = []string{"runuser", "-u", "nobody", "--"}
		// nobody must reach the cluster through the test's temp dirs (created 0700).
		for _, dir := range []string{filepath.Dir(sb.dir), sb.dir} {
			if err := os.Chmod(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	if pg.asUser != nil {
		if err := os.Chown(home, nobody, nobody); err != nil {
			t.Fatal(err)
		}
	}
	pg.settings = fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", pg.port, home)
	pg.tool(t, "initdb", "-D", pg.data, "-A", "trust", "-U", "postgres", "--no-sync")
	t.Cleanup(func() {
		// A safety net: the tests stop what they start, and check it.
		if pg.pid() != 0 {
			stop := pg.command("pg_ctl", "-D", pg.data, "stop", "-m", "immediate")
			_ = exec.Command(stop[0], stop[1:]...).Run()
		}
	})
	spec := map[string]any{
		"name":     "postgres",
		"stateDir": sb.path("state"),
		"start":    map[string]any{"command": pg.command("pg_ctl", "-D", pg.data, "-l", pg.log, "-o", pg.settings, "start", "-w"), "mode": "daemon", "cwd": home},
		"stop":     map[string]any{"command": pg.command("pg_ctl", "-D", pg.data, "stop", "-m", "fast"), "timeoutMs": 30000},
		"components": []any{
			map[string]any{"name": "postgres", "probe": map[string]any{"tcp": fmt.Sprintf("127.0.0.1:%d", pg.port)}, "pidFile": filepath.Join(pg.data, "postmaster.pid")},
			map[string]any{"name": "accepting-queries", "probe": map[string]any{"command": []string{pgBin("pg_isready"), "-h", "127.0.0.1", "-p", strconv.Itoa(pg.port), "-U", "postgres"}}},
		},
		"logs": map[string]string{"postgres": pg.log},
		"env": map[string]string{
			"PGHOST": "127.0.0.1", "PGPORT": strconv.Itoa(pg.port),
			"DATABASE_URL": fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres", pg.port),
		},
		"readyTimeoutMs": 60000,
	}
	raw, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pg.spec, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return pg
}

// command is a PostgreSQL tool's command line, as the user postgres runs as.
func (pg postgres) command(tool string, args ...string) []string {
	return append(append(append([]string{}, pg.asUser...), pgBin(tool)), args...)
}

func (pg postgres) tool(t *testing.T, tool string, args ...string) {
	t.Helper()
	line := pg.command(tool, args...)
	if out, err := exec.Command(line[0], line[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(line, " "), err, out)
	}
}

// startOutside starts the cluster as a developer would, outside stigmer-e2e.
func (pg postgres) startOutside(t *testing.T) {
	t.Helper()
	pg.tool(t, "pg_ctl", "-D", pg.data, "-l", pg.log, "-o", pg.settings, "start", "-w")
}

// pid is the postmaster's pid from its pid file (0 when there is none).
func (pg postgres) pid() int {
	raw, err := os.ReadFile(filepath.Join(pg.data, "postmaster.pid"))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.SplitN(string(raw), "\n", 2)[0])
	return pid
}
