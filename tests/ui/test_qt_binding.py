"""The pinned Qt binding must survive a long session: some releases lose a reference to None on
every call that returns nothing, and the interpreter aborts after a few thousand such calls."""

import subprocess
import sys

CALLS = 50_000


def test_many_calls_that_return_nothing_do_not_abort_the_interpreter():
    script = (
        "from PySide6.QtGui import QFont\n"
        "font = QFont()\n"
        f"for _ in range({CALLS}):\n"
        "    font.setBold(True)\n"
        "print('alive')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "alive" in result.stdout, result.stderr[-500:]
