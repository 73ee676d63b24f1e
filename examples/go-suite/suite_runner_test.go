//go:build e2e

package e2e

import (
	"reflect"
	"strings"
	"testing"
)

// suite is what testify's suite.Suite gives a suite, with the standard library only: T() is the
// current test (the suite's, in SetupSuite and TearDownSuite; each method's own in a test).
type suite struct{ t *testing.T }

func (s *suite) T() *testing.T     { return s.t }
func (s *suite) setT(t *testing.T) { s.t = t }
func (s *suite) SetupSuite()       {}
func (s *suite) TearDownSuite()    {}

type testingSuite interface {
	T() *testing.T
	setT(*testing.T)
	SetupSuite()
	TearDownSuite()
}

// runSuite runs s as testify's suite.Run does: SetupSuite, then every method whose name starts
// with Test as a subtest, then TearDownSuite. A SetupSuite that skips or fails ends it there.
func runSuite(t *testing.T, s testingSuite) {
	s.setT(t)
	s.SetupSuite()
	t.Cleanup(func() {
		s.setT(t)
		s.TearDownSuite()
	})
	value := reflect.ValueOf(s)
	for i := 0; i < value.NumMethod(); i++ {
		method := value.Type().Method(i)
		if !strings.HasPrefix(method.Name, "Test") {
			continue
		}
		call := value.Method(i)
		t.Run(method.Name, func(t *testing.T) {
			s.setT(t)
			call.Call(nil)
		})
	}
}
