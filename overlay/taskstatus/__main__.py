"""``python -m taskstatus``: the command line."""

from taskstatus.cli import run

run()
