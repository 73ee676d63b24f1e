//go:build e2e

// End-to-end tests of the Stigmer stack in Go, standard library only. Run them through
// stigmer-e2e, which starts the stack (or reuses a running one), hands the tests its addresses
// in the environment, and stops it afterwards if it started it:
//
//	npx stigmer-e2e run -- go test -tags=e2e -count=1 ./...
//
// The e2e build tag keeps them out of a plain `go test ./...`.
package e2e

import (
	"bytes"
	"io"
	"net"
	"os"
	"testing"
	"time"
)

const howToRun = "STIGMER_SERVER_ADDR and TEMPORAL_ADDRESS are not set: run these tests through stigmer-e2e, " +
	"which starts the Stigmer stack and sets them: npx stigmer-e2e run -- go test -tags=e2e -count=1 ./..."

func TestStigmerServerSpeaksGRPC(t *testing.T) {
	assertHTTP2(t, stackAddress(t, "STIGMER_SERVER_ADDR"))
}

func TestTemporalSpeaksGRPC(t *testing.T) {
	assertHTTP2(t, stackAddress(t, "TEMPORAL_ADDRESS"))
}

// stackAddress reads an address stigmer-e2e exports ("localhost:7234"), or skips the test.
func stackAddress(t *testing.T, name string) string {
	t.Helper()
	if os.Getenv("STIGMER_SERVER_ADDR") == "" || os.Getenv("TEMPORAL_ADDRESS") == "" {
		t.Skip(howToRun)
	}
	return os.Getenv(name)
}

// assertHTTP2 checks that a gRPC server listens at address: gRPC runs over HTTP/2, whose server
// answers a client's connection preface with a SETTINGS frame. (A full health call needs an
// HTTP/2 client, which Go's standard library offers only over TLS; the Python suite beside
// this one makes it by hand.)
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
