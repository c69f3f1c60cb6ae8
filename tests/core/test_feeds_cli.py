"""`wiredesk feeds ...`, `wiredesk refresh` and `wiredesk ingest URL` end to end (local server)."""

from __future__ import annotations

import json

import pytest
from helpers.httpserver import LocalServer, Reply

from tui.cli import main


def para(seed: str, n: int = 3) -> str:
    sentence = (f"The {seed} council met on Tuesday and agreed a plan for the harbour, "
                f"the schools and the roads after a long debate about the budget.")
    return "".join(f"<p>{sentence} Point {i} of the {seed} report.</p>" for i in range(n * 10))


def atom(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f'<entry><title>{title}</title><link href="{base}/{slug}"/><id>urn:{slug}</id>'
        f"<updated>2024-03-0{i + 1}T10:00:00Z</updated><author><name>Reporter {i}</name></author>"
        f'<content type="html"><![CDATA[{para(slug)}]]></content></entry>'
        for i, (slug, title) in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Harbour Gazette</title><id>urn:g</id><updated>2024-03-01T00:00:00Z</updated>"
            f"{entries}</feed>").encode()


@pytest.fixture
def srv():
    with LocalServer() as server:
        yield server


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


def test_subscribe_refresh_and_versions(srv, tmp_path, capsys):
    ws = str(tmp_path / "ws")
    state = {"feed": atom(srv.base, [("one", "First story"), ("two", "Second story")]),
             "etag": '"1"'}
    srv.route("/feed", handler=lambda _r: Reply(body=state["feed"], etag=state["etag"],
                                                content_type="application/atom+xml"))
    assert run(capsys, "-w", ws, "feeds", "add", srv.url("/feed"), srv.url("/gone"))[0] == 0

    code, stdout, _ = run(capsys, "-w", ws, "refresh", "--json")
    report = json.loads(stdout)
    assert code == 1 and report["totals"] == {  # one feed failed: a partial failure
        "feeds": 2, "ok": 1, "unchanged": 0, "failed": 1, "new": 2, "updated": 0}
    gone = report["feeds"][1]
    assert gone["status"] == "failed" and gone["error"] == "HTTP 404 Not Found"

    stories = json.loads(run(capsys, "-w", ws, "stories", "--json")[1])
    arts = [a for s in stories for a in s["articles"]]
    assert sorted(a["title"] for a in arts) == ["First story", "Second story"]
    assert {a["source"] for a in arts} == {"Harbour Gazette"}

    code, stdout, _ = run(capsys, "-w", ws, "refresh")
    assert code == 1 and "unchanged  Harbour Gazette" in stdout  # /gone still fails
    report = json.loads(run(capsys, "-w", ws, "refresh", "--full", "--json")[1])
    assert report["feeds"][0]["status"] == "ok" and report["feeds"][0]["known"] == 2

    state["feed"] = state["feed"].replace(b"Point 3 of the one report", b"Point 3, corrected")
    state["etag"] = '"2"'
    report = json.loads(run(capsys, "-w", ws, "refresh", "--json")[1])
    assert report["feeds"][0]["updated"] == 1 and report["feeds"][0]["new"] == 0

    one = next(a for a in arts if a["title"] == "First story")
    shown = json.loads(run(capsys, "-w", ws, "show", one["id"], "--json")[1])
    assert len(shown["versions"]) == 2 and "corrected" in shown["body"]

    listing = json.loads(run(capsys, "-w", ws, "feeds", "list", "--json")[1])
    assert listing[0]["etag"] == '"2"' and listing[0]["title"] == "Harbour Gazette"
    assert listing[1]["last_status"] == "failed"


def test_ingest_url_twice_makes_a_version(srv, tmp_path, capsys):
    ws = str(tmp_path / "ws")
    page = {"html": f"<html><head><title>Harbour plan</title></head><body><article>"
                    f"<h1>Harbour plan</h1>{para('page')}</article></body></html>"}
    srv.route("/story", handler=lambda _r: Reply(body=page["html"].encode()))
    code, stdout, _ = run(capsys, "-w", ws, "ingest", srv.url("/story"), "--json")
    assert code == 0 and len(json.loads(stdout)["added"]) == 1
    page["html"] = page["html"].replace("Point 5 of the page report", "Point 5, revised")
    code, stdout, _ = run(capsys, "-w", ws, "ingest", srv.url("/story"), srv.url("/dead"),
                          "--json")
    rep = json.loads(stdout)
    assert len(rep["updated"]) == 1 and rep["added"] == []
    assert rep["failed"] == [{"source": srv.url("/dead"), "reason": "HTTP 404 Not Found"}]


def test_opml_import_export_and_remove(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    opml = tmp_path / "reader.opml"
    opml.write_text('<opml version="2.0"><body><outline text="Gazette" '
                    'xmlUrl="https://gazette.test/feed"/></body></opml>')
    code, stdout, _ = run(capsys, "-w", ws, "feeds", "import", str(opml))
    assert code == 0 and "1 new feed subscribed" in stdout
    out_file = tmp_path / "out.opml"
    assert run(capsys, "-w", ws, "feeds", "export", "-o", str(out_file))[0] == 0
    assert 'xmlUrl="https://gazette.test/feed"' in out_file.read_text()
    assert run(capsys, "-w", ws, "feeds", "remove", "https://gazette.test/feed")[0] == 0
    code, _, err = run(capsys, "-w", ws, "feeds", "remove", "https://gazette.test/feed")
    assert code == 1 and "not subscribed" in err
    code, _, err = run(capsys, "-w", ws, "feeds", "import", str(tmp_path / "nope.opml"))
    assert code == 1 and "nope.opml" in err
    code, _, err = run(capsys, "-w", ws, "feeds", "add", "gopher://x")
    assert code == 1 and "not an http(s) URL" in err


def test_opml_outlines_that_cannot_be_followed_are_named(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    opml = tmp_path / "reader.opml"
    opml.write_text('<opml version="2.0"><body><outline text="Gazette" '
                    'xmlUrl="https://gazette.test/feed"/><outline text="Old" '
                    'xmlUrl="javascript:void(0)"/><outline text="Folder"><outline '
                    'xmlUrl="file:///etc/hosts"/></outline></body></opml>')
    code, stdout, err = run(capsys, "-w", ws, "feeds", "import", str(opml))
    assert code == 1  # a partial failure: the rest is taken in, each refusal said
    assert "1 new feed subscribed, 2 refused" in stdout
    assert "javascript:void(0): not an http(s) URL" in err and "file:///etc/hosts" in err
    assert "gazette.test" in run(capsys, "-w", ws, "feeds", "list")[1]
