"""Every read is bounded: regular files, FIFOs and pipes, devices, standard input, JSON nesting,
XML entities. A source that cannot be read is one clear line; nothing blocks forever."""

from __future__ import annotations

import io
import json
import os
import threading

import pytest
from hostkit import run_cli

from tui.core.decode import MAX_BYTES, DecodeError, loads_json
from tui.core.ingest import collect
from tui.core.sources.reading import iter_lines, read_path, read_stream

PARA = "Rescue teams worked through the night along the northern coast after the storm. "


def _writer(path, data: bytes, delay: float = 0.0):
    def run():
        if delay:
            threading.Event().wait(delay)
        try:
            with open(path, "wb") as f:
                f.write(data)
        except BrokenPipeError:  # the reader stopped at its limit
            pass

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def test_a_fifo_with_a_writer_is_read_as_a_stream(tmp_path, monkeypatch):
    """What ``wiredesk ingest <(command)`` gives: a pipe, read to its end."""
    monkeypatch.setenv("WIREDESK_READ_IDLE", "20")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    t = _writer(fifo, (PARA * 3).encode(), delay=0.2)
    out = collect([str(fifo)])
    t.join()
    assert out.failures == [] and out.docs[0].content == PARA * 3


def test_a_fifo_nothing_writes_to_is_named_not_waited_for(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREDESK_READ_IDLE", "0.2")
    fifo = tmp_path / "nobody.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(PARA)
    out = collect([str(fifo), str(tmp_path / "good.txt")])
    assert [d.content for d in out.docs] == [PARA]
    assert out.failures == [(str(fifo), out.failures[0][1])]
    assert "no data for 0.2 s" in out.failures[0][1]


def test_a_stream_is_stopped_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("WIREDESK_READ_IDLE", "20")
    fifo = tmp_path / "big.txt"
    os.mkfifo(fifo)
    t = _writer(fifo, b"x" * 300_000)
    with pytest.raises(DecodeError, match="over the 100000 bytes limit; stopped reading"):
        read_path(fifo, limit=100_000)
    t.join(timeout=5)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_up_front(device):
    if not os.path.exists(device):
        pytest.skip(device)
    out = collect([device])
    assert out.docs == [] and out.failures == [(device, out.failures[0][1])]
    assert "character device, not a file of text" in out.failures[0][1]


def test_a_large_regular_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(DecodeError, match="too large"):
        read_path(path)


def test_standard_input_is_bounded():
    with pytest.raises(DecodeError, match="too large"):
        read_stream(io.BytesIO(b"y" * 300_000), limit=100_000)
    assert read_stream(io.BytesIO(b"abc")) == b"abc"
    assert read_stream(io.StringIO("text")) == "text"
    out = collect(["-"], stdin=io.BytesIO(b""))
    assert out.failures == [("-", "standard input was empty")]


def test_lines_are_bounded_and_numbered(tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_bytes(b"short\n" + b"z" * 5000 + b"\nafter\nlast")
    assert list(iter_lines(path, line_limit=100)) == [
        (1, b"short"), (2, None), (3, b"after"), (4, b"last")]
    with pytest.raises(DecodeError, match="stopped at line 2"):
        list(iter_lines(path, total_limit=1000))


@pytest.mark.parametrize("text", ["[" * 2000 + "]" * 2000, '{"a":' * 70 + "1" + "}" * 70,
                                  "[" * 1_000_000])
def test_json_nesting_is_limited(text):
    with pytest.raises(ValueError, match="nested more than 64 levels"):
        loads_json(text)


def test_json_brackets_inside_strings_do_not_count():
    value = {"text": "[" * 500 + "{" * 500, "list": [[["ok"]]]}
    assert loads_json(json.dumps(value)) == value


def test_billion_laughs_and_xxe_feeds_are_read_without_expanding(tmp_path):
    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    laughs = (f'<?xml version="1.0"?><!DOCTYPE rss [{ents}]><rss version="2.0"><channel>'
              f"<title>L</title><item><title>Laughs</title><link>http://l.test/1</link>"
              f"<description>&l9; {PARA}</description></item></channel></rss>")
    xxe = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<rss version="2.0"><channel><title>X</title><item><title>X</title>'
           f"<link>http://x.test/1</link><description>&x; {PARA}</description></item>"
           "</channel></rss>")
    (tmp_path / "laughs.rss").write_text(laughs)
    (tmp_path / "xxe.xml").write_text(xxe)
    out = collect([str(tmp_path / "laughs.rss"), str(tmp_path / "xxe.xml")])
    assert len(out.docs) == 2, out.failures
    for doc in out.docs:
        assert len(doc.content) < 2000 and "lollol" not in doc.content
        assert "root:" not in doc.content and PARA.strip() in doc.content


def test_billion_laughs_in_opml_is_not_expanded():
    from tui.core.sources.opml import OpmlError, read_opml

    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE opml [{ents}]><opml version="2.0"><body>'
            '<outline text="&l9;" xmlUrl="https://a.test/feed"/></body></opml>').encode()
    try:
        subs = read_opml(data)
    except OpmlError:
        return  # refused: fine
    assert all(len(str(s)) < 10_000 for s in subs)


def test_cli_on_devices_and_a_bottomless_stdin(tmp_path):
    """`clean /dev/zero`, `ingest /dev/zero`, `ingest - < /dev/zero`: one line, low memory."""
    for args in (["clean", "/dev/zero"], ["ingest", "/dev/zero"]):
        r = run_cli(args, root=tmp_path / "ws", timeout=120)
        assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
        assert "/dev/zero" in r.stderr and r.peak_mb < 300
    with open("/dev/zero", "rb") as zero:
        r = run_cli(["ingest", "-"], root=tmp_path / "ws", stdin=zero, timeout=120)
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "standard input: too large" in r.stderr and r.peak_mb < 300
