"""`wiredesk doctor`: check a workspace file by file, and repair what is safe to repair.

:func:`check` never needs the workspace to open (a damaged ``wiredesk.toml`` is one of the
things it looks for): the folder layout (:mod:`.layout`), each record's syntax and the type of
each field (:mod:`.fields`), each version's texts against their hashes, the settings, stories,
corrections, cache and leftovers (:mod:`.checking`). :func:`repair` (:mod:`.repairing`,
:mod:`.rebuilding`) works under the writer lock and never deletes user data: a file it changes
is first copied to ``.trash/<timestamp>/`` (same relative path), a file or folder in the way
is moved there, and each line it returns says what was kept and what was lost.
"""

from tui.core.workspace.doctor.checking import check
from tui.core.workspace.doctor.problem import TRASH, Problem, healthy
from tui.core.workspace.doctor.repairing import repair

__all__ = ["TRASH", "Problem", "check", "healthy", "repair"]
