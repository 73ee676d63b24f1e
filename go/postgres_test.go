package stigmere2e_test

import (
	"syscall"
	"testing"
)

// A real PostgreSQL through pg_ctl, as a custom daemon-mode profile, under the suite binary.

func TestPostgresOwnedClusterIsStoppedAfterTheSuite(t *testing.T) {
	sb := newSandbox(t)
	pg := newPostgres(t, sb)
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": pg.spec, "SUITE_REPORT": sb.path("report")})
	if code != 0 {
		t.Fatalf("the suite exited %d:\n%s", code, out)
	}
	got := reports(t, sb.path("report"))
	if len(got) != 1 || got[0].Outcome != "started" || !got[0].Owned || got[0].Env["PGPORT"] == "" {
		t.Fatalf("want one run that started and owned the cluster, with its env, got %+v\n%s", got, out)
	}
	if pg.pid() != 0 || answers(pg.port) {
		t.Fatalf("the cluster still runs after the suite (postmaster pid %d)\n%s", pg.pid(), out)
	}
	mustContain(t, out, "--- PASS: TestSuite", "stop -m fast` exited 0")
}

func TestPostgresRunningClusterIsReusedAndLeftRunning(t *testing.T) {
	sb := newSandbox(t)
	pg := newPostgres(t, sb)
	pg.startOutside(t)
	before := pg.pid()
	code, out := runSuite(t, sb, map[string]string{"SUITE_CONFIG": pg.spec, "SUITE_REPORT": sb.path("report")})
	if code != 0 {
		t.Fatalf("the suite exited %d:\n%s", code, out)
	}
	got := reports(t, sb.path("report"))
	if len(got) != 1 || got[0].Outcome != "reused" || got[0].Owned {
		t.Fatalf("want one run that reused the cluster without owning it, got %+v\n%s", got, out)
	}
	if after := pg.pid(); after != before || syscall.Kill(after, 0) != nil || !answers(pg.port) {
		t.Fatalf("the cluster started outside is not left running: postmaster pid %d before, %d after\n%s", before, after, out)
	}
	pg.tool(t, "pg_ctl", "-D", pg.data, "stop", "-m", "fast")
}
