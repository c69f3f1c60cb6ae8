"""The archive key on a story whose file is damaged: refused and said, and the list, the
story's face and the undo history are as before (``Desk.archive``, ``Archived.refused``)."""

from __future__ import annotations

import threading

from tests.app.conftest import reopen, settle
from tui.core.workspace import Workspace
from tui.core.workspace.paths import STORIES


def _damaged(root, sid) -> str:
    text = f'id = "{sid}"\ntitle = "unclosed\n'
    path = root / STORIES / f"{sid}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")  # in place: the app has not looked since
    return text


async def test_a_refusal_found_while_saving_puts_the_story_back(make, demo_root):
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        n = len(app.screen.stories.listing.stories)
        sid = app.screen.stories.listing.stories[0].id
        text = _damaged(demo_root, sid)
        await pilot.press("a")
        await settle(pilot)
        await settle(pilot)  # (the list built again after the refusal)
        told = [m.message for m in app._notifications if "Not saved (archived)" in m.message]
        assert told and f"{STORIES}/{sid}.toml: line 2" in told[0], told
        assert len(app.screen.stories.listing.stories) == n  # shown again
        assert app.desk.writer.history == []
        assert (demo_root / STORIES / f"{sid}.toml").read_text(encoding="utf-8") == text


async def test_a_story_file_known_damaged_is_refused_at_once(make, demo_root):
    sid = reopen(demo_root).stories()[0].id
    text = _damaged(demo_root, sid)
    app = make(workspace=Workspace.open(demo_root))  # (its full read names the file)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        n = len(app.screen.stories.listing.stories)
        assert app.screen.stories.listing.stories[0].id == sid
        await pilot.press("a")
        await settle(pilot)
        told = [m.message for m in app._notifications if "Not saved (archived)" in m.message]
        assert told and f"{STORIES}/{sid}.toml: line 2" in told[0], told
        assert len(app.screen.stories.listing.stories) == n
        assert app.desk.writer.history == [] and app.desk.writer.pending == 0
        assert (demo_root / STORIES / f"{sid}.toml").read_text(encoding="utf-8") == text


async def test_a_refusal_after_the_list_was_built_shows_the_story_again(make, demo_root):
    """The save waited longer than the list (another Wiredesk held the lock): the list built
    after the key hides the story; the refusal that comes later builds it again."""
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        n = len(app.screen.stories.listing.stories)
        sid = app.screen.stories.listing.stories[0].id
        _damaged(demo_root, sid)
        held, go = threading.Event(), threading.Event()

        def hold() -> None:
            with app.desk.writer.lock:  # the writer thread waits for it
                held.set()
                go.wait(30)

        other = threading.Thread(target=hold)
        other.start()
        held.wait(30)
        app.desk.wait_saved = lambda timeout=0: False  # (the list does not wait for it)
        try:
            await pilot.press("a")
            await pilot.pause()
            await app.workers.wait_for_complete(list(app.workers))
            await pilot.pause()
            assert len(app.screen.stories.listing.stories) == n - 1
        finally:
            go.set()
            other.join()
        await settle(pilot)
        await settle(pilot)
        assert len(app.screen.stories.listing.stories) == n
        assert sid in {s.id for s in app.screen.stories.listing.stories}
