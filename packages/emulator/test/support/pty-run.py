"""Runs `sh -c SCRIPT` on a pseudo-terminal; types ANSWER + Enter once PROMPT has appeared.

Usage: pty-run.py PROMPT ANSWER SCRIPT. Prints what the terminal shows; exits with the
script's exit code. (Test helper: a real terminal cannot be had otherwise.)
"""
import os
import pty
import sys

prompt, answer, script = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("sh", ["sh", "-c", script])
seen, typed = b"", False
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break  # EIO: the terminal's last writer closed it
    if not data:
        break
    seen += data
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    if not typed and prompt in seen:
        os.write(fd, answer + b"\r")
        typed = True
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
