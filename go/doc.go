// Package stigmere2e gives Go tests the Stigmer server stack (or any stack a stigmer-e2e
// profile describes), with the lifecycle of the stigmer-e2e CLI: a running stack is reused and
// left running, a stopped one is started and stopped again by the last run that uses it, two
// `go test` binaries at once share one start, and a binary that dies without cleaning up
// (SIGKILL, a -timeout panic) leaks nothing, since its lease is bound to its process.
//
// In a test or a suite's setup:
//
//	func TestAgents(t *testing.T) {
//		stack := stigmere2e.EnsureT(t, stigmere2e.Options{}) // skipped locally if unavailable, failed under CI
//		t.Run("runs an agent", func(t *testing.T) {
//			runAgent(t, os.Getenv("STIGMER_SERVER_ADDR")) // also stack.Env["STIGMER_SERVER_ADDR"]
//		})
//	} // released here (t.Cleanup)
//
// In TestMain, Ensure returns the stack and Release gives it back.
//
// It runs the stigmer-e2e CLI (`npm install --save-dev @stigmer/e2e-core`), found through
// Options.CLI, $STIGMER_E2E_CLI, PATH or node_modules/.bin; Node.js 20.19+ must be on PATH.
package stigmere2e
