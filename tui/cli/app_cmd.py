"""`wiredesk` (open the app) and `wiredesk demo` (the app on the bundled sample articles)."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

from tui.core.userpath import user_path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def register(sub) -> None:
    p = sub.add_parser("demo", help="open the app on the bundled sample articles",
                       description="Open the app on a fresh workspace holding the five bundled "
                       "sample articles (a temporary one, unless --workspace is given).")
    p.add_argument("--workspace", "-w", metavar="DIR",
                   help="keep the demo workspace in DIR instead of a temporary folder")
    p.add_argument("--no-app", action="store_true",
                   help="only build the workspace and print where it is")
    p.set_defaults(func=run_demo)


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def load_samples(ws) -> None:
    from tui.core.ingest import collect

    got = collect([str(p) for p in sample_files()])
    ws.ingest(got.docs, failures=got.failures)


def run_demo(args, ws) -> int:
    from tui.core.workspace import Workspace

    root = getattr(args, "workspace", None)
    tmp = None
    if root is None:
        tmp = tempfile.mkdtemp(prefix="wiredesk-demo-")
        root = Path(tmp) / "workspace"
        _remove_on_signals(tmp)
    try:
        demo_ws = Workspace.open(root)
        if not len(demo_ws):
            load_samples(demo_ws)
        if args.no_app:
            print(demo_ws.root)
            tmp = None  # the caller asked for the folder: keep it
            return 0
        return run_app(demo_ws.root, args)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


CLEANUP_SIGNALS = tuple(getattr(signal, n) for n in ("SIGHUP", "SIGTERM") if hasattr(signal, n))


def _remove_on_signals(folder: str) -> None:
    """A demo killed with its terminal (SIGHUP) or by ``kill`` (SIGTERM) removes its temporary
    workspace too, then dies of the signal as it would have (the exit status says so)."""

    def handler(signum, frame) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    for sig in CLEANUP_SIGNALS:
        signal.signal(sig, handler)


def run_open(args, ws) -> int:
    # The app reads the workspace itself, in a worker behind its loading screen: opening it
    # here first would leave the terminal blank for seconds on a big workspace, then read it
    # all a second time.
    from tui.core.workspace import Workspace
    from tui.core.workspace.paths import default_root

    root = user_path(ws.root_arg) if ws.root_arg else default_root()
    Workspace.check(root)  # a folder of something else: one line, before the screen is taken
    return run_app(root, args)


def run_app(root: Path, args) -> int:
    from tui.app import run

    return run(root, keymap=getattr(args, "keymap", None))
