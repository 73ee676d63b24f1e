package stigmere2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// interruptGraceTime is how long a cancelled CLI gets, after SIGINT, to release its lease and
// stop what it started before it is killed.
const interruptGraceTime = 60 * time.Second

// stderrTailLines is how much of the CLI's stderr an error quotes.
const stderrTailLines = 20

type cliRun struct {
	stdout []byte
	// Last lines of stderr, for error messages.
	stderrTail []string
	exitCode   int
	// ctx ended while the CLI ran, and it was signalled.
	interrupted bool
}

func (r cliRun) stderr() string {
	return strings.Join(r.stderrTail, "\n")
}

// runCLI runs `cli args...`, passing each stderr line (progress) to progress as it comes. When
// ctx ends first, the CLI gets SIGINT, so that it cleans up (releases, stops what it started)
// and exits; it is killed only if it has not after interruptGraceTime.
func runCLI(ctx context.Context, cli string, args []string, progress func(string)) (cliRun, error) {
	command := exec.Command(cli, args...)
	var stdout bytes.Buffer
	command.Stdout = &stdout
	stderr, err := command.StderrPipe()
	if err != nil {
		return cliRun{}, fmt.Errorf("stigmere2e: cannot run %s: %w", cli, err)
	}
	if err := command.Start(); err != nil {
		return cliRun{}, fmt.Errorf("stigmere2e: cannot run %s (%w): it must be the stigmer-e2e executable, with Node.js 20.19+ on PATH", cli, err)
	}
	lines := make(chan []string, 1)
	go func() {
		var tail []string
		scanner := bufio.NewScanner(stderr)
		scanner.Buffer(make([]byte, 64*1024), 1024*1024)
		for scanner.Scan() {
			line := scanner.Text()
			progress(line)
			tail = append(tail, line)
			if len(tail) > stderrTailLines {
				tail = tail[1:]
			}
		}
		lines <- tail
	}()
	done := make(chan struct{})
	interrupted := make(chan bool, 1)
	go func() {
		select {
		case <-done:
			interrupted <- false
		case <-ctx.Done():
			interrupted <- true
			// The process is ours and not yet waited for, so its pid cannot have been reused.
			if command.Process.Signal(os.Interrupt) != nil {
				_ = command.Process.Kill()
				return
			}
			select {
			case <-done:
			case <-time.After(interruptGraceTime):
				_ = command.Process.Kill()
			}
		}
	}()
	tail := <-lines // stderr is read to its end before Wait closes the pipe
	waitErr := command.Wait()
	close(done)
	run := cliRun{
		stdout:      stdout.Bytes(),
		stderrTail:  tail,
		exitCode:    command.ProcessState.ExitCode(),
		interrupted: <-interrupted,
	}
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		return run, fmt.Errorf("stigmere2e: %s %s: %w", cli, args[0], waitErr)
	}
	return run, nil
}
