//go:build e2e

// An end-to-end suite shaped like Stigmer's own (`go test -tags=e2e`, a suite struct with
// SetupSuite and TearDownSuite), with the standard library only. SetupSuite gets the Stigmer
// stack from stigmere2e.EnsureT: a running stack is reused and left running; a stopped one is
// started for the suite and stopped after it; an unavailable one skips the suite with the
// reason (or fails it under CI).
//
//	go test -tags=e2e -count=1 ./...
package e2e

import (
	"bytes"
	"io"
	"net"
	"os"
	"testing"
	"time"

	stigmere2e "github.com/stigmer/stigmer-e2e/go"
)

// FullExecutionSuite needs the whole stack: stigmer-server, Temporal and workflow-runner.
type FullExecutionSuite struct {
	suite
	stack        *stigmere2e.Stack
	serverAddr   string
	temporalAddr string
}

func TestFullExecution(t *testing.T) {
	runSuite(t, &FullExecutionSuite{})
}

func (s *FullExecutionSuite) SetupSuite() {
	s.stack = stigmere2e.EnsureT(s.T(), stigmere2e.Options{
		Require: []string{"temporal", "workflow-runner"},
		Timeout: 3 * time.Minute,
	})
	// EnsureT put the stack's env in the process env, for code under test that reads it.
	s.serverAddr = os.Getenv("STIGMER_SERVER_ADDR") // e.g. localhost:7234
	s.temporalAddr = os.Getenv("TEMPORAL_ADDRESS")  // e.g. localhost:7233
	s.T().Logf("stack %s (owned: %v): stigmer-server %s, Temporal %s", s.stack.Outcome, s.stack.Owned, s.serverAddr, s.temporalAddr)
}

func (s *FullExecutionSuite) TearDownSuite() {
	// EnsureT releases at the end of TestFullExecution anyway; releasing here reports a failed
	// stop in the suite's teardown. Release is idempotent.
	if err := s.stack.Release(); err != nil {
		s.T().Error(err)
	}
}

func (s *FullExecutionSuite) TestStigmerServerSpeaksGRPC() {
	assertHTTP2(s.T(), s.serverAddr)
}

func (s *FullExecutionSuite) TestTemporalSpeaksGRPC() {
	assertHTTP2(s.T(), s.temporalAddr)
}

func (s *FullExecutionSuite) TestEveryRequiredComponentIsReady() {
	for _, c := range s.stack.Components {
		s.T().Logf("%s: ready %v (%s)", c.Name, c.Ready, c.Detail)
		if c.Required && !c.Ready {
			s.T().Errorf("%s is required but not ready: %s", c.Name, c.Detail)
		}
	}
}

// assertHTTP2 checks that a gRPC server listens at address: gRPC runs over HTTP/2, whose server
// answers a client's connection preface with a SETTINGS frame. (A health call needs an HTTP/2
// client, which Go's standard library offers only over TLS; with grpc-go, ask
// grpc.health.v1.Health/Check instead.)
func assertHTTP2(t *testing.T, address string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", address, 5*time.Second)
	if err != nil {
		t.Fatalf("cannot connect to %s: %v", address, err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	preface := []byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
	emptySettings := []byte{0, 0, 0, 0x4, 0, 0, 0, 0, 0} // length 0, type SETTINGS, no flags, stream 0
	if _, err := conn.Write(append(preface, emptySettings...)); err != nil {
		t.Fatalf("cannot write to %s: %v", address, err)
	}
	header := make([]byte, 9) // length (3 bytes), type, flags, stream id (4 bytes)
	if _, err := io.ReadFull(conn, header); err != nil {
		t.Fatalf("%s sent no HTTP/2 frame: %v", address, err)
	}
	if header[3] != 0x4 || !bytes.Equal(header[5:], []byte{0, 0, 0, 0}) {
		t.Fatalf("%s is not an HTTP/2 server: its first frame is % x, not SETTINGS on stream 0", address, header)
	}
}
