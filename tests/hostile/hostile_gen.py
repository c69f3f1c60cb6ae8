"""A generator of hostile inputs for ingest (run it: ``python tests/hostile/hostile_gen.py DIR``).

Every file's name carries a token (``h0042``) so a message that names it can be matched to it,
and so can an article that came from it. :func:`hostile` rotates through the kinds below;
:func:`good` gives plain articles that must always be ingested next to them.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

PARA = ("Rescue teams worked through the night along the northern coast after the storm. "
        "Officials said the harbour would stay closed until the weekend. ")
ESC_NAME = "\x1b]0;pwned\x07\x1b[2J\u009b31m"


@dataclass(frozen=True)
class Input:
    token: str  # in the file name (and in links and texts): what names it in messages
    name: str
    data: bytes
    expect: str  # "ok" (must be ingested), "fail" (must be named), "either"


def _words(rnd: random.Random, n: int) -> str:
    syll = [a + b for a in "bdfgklmnprstvz" for b in "aeiou"]
    return " ".join("".join(rnd.choice(syll) for _ in range(rnd.randint(1, 3))) for _ in range(n))


def good(i: int) -> Input:
    rnd = random.Random(10_000 + i)
    token = f"g{i:04d}"
    text = (f"Report {token}: {_words(rnd, 6).capitalize()}\n\n{_words(rnd, 60).capitalize()}. "
            f"{PARA}\n\n{_words(rnd, 40).capitalize()} {token}.\n")
    return Input(token, f"good-{token}.txt", text.encode(), "ok")


def _unique(token: str) -> str:
    """Text of its own for one input (text shared by many pages of one site is furniture)."""
    return f"{_words(random.Random(token), 50).capitalize()} {token}. {PARA}"


def _billion_laughs(token: str) -> bytes:
    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [{ents}]>\n<rss version="2.0"><channel>'
            f"<title>Laughs</title><item><title>Laugh {token}</title>"
            f"<link>http://laughs.test/{token}</link><description>&l9; {_unique(token)}"
            "</description></item></channel></rss>").encode()


def _xxe(token: str) -> bytes:
    return ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">'
            '<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n<rss version="2.0">'
            f"<channel><title>XXE</title><item><title>XXE {token}</title>"
            f"<link>http://xxe.test/{token}</link><description>secret: &x; {_unique(token)}"
            "</description></item></channel></rss>").encode()


def _rss_no_text(token: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty items</title>'
            f"<item><title>Only a title {token}</title><link>http://empty.test/{token}</link>"
            f"</item><item><title>Fine {token}</title><link>http://empty.test/{token}/2</link>"
            f"<description>{_unique(token)}</description></item></channel></rss>").encode()


def _jsonl(token: str, rnd: random.Random) -> bytes:
    lines = [
        "[" * 2000 + "]" * 2000,
        '{"text": "Huge numbers ' + token + '. ' + PARA + '", "n": ' + "9" * 5000 + "}",
        '{"text": "Float overflow ' + token + '", "n": 1e999999}',
        json.dumps({"title": {"nested": [1, 2]}, "text": ["not", "text"], "date": True}),
        json.dumps({"title": f"Only a title {token}"}),
        json.dumps({"body": f"Body key {token}. {PARA}", "author": ["Ann", "Bo"]}),
        json.dumps({"content": f"<p onclick=\"alert(1)\">Content {token}</p><script>x()</script>"
                    f"<p>{PARA}</p>"}),
        '{"text": "unterminated',
        json.dumps({"text": f"Escapes {token} \x1b]0;t\x07\x1b[2J\u009b0m {PARA}",
                    "title": f"T\x1b[31m{token}\u202e"}),
    ]
    rnd.shuffle(lines)
    return ("\n".join(lines) + "\n").encode()


def _kinds():
    return [
        ("random-bytes", lambda t, r: (f"{t}.{r.choice(['txt', 'html', 'md'])}",
                                       bytes(r.getrandbits(8) for _ in range(3000)), "either")),
        ("truncated-utf8", lambda t, r: (f"{t}.txt", (f"Café {t} — " + PARA * 3).encode()[:-1]
                                         + "é".encode()[:1], "ok")),
        ("mixed-encodings", lambda t, r: (f"{t}.txt", f"Crème {t} ".encode() + PARA.encode()
                                          + "naïve “quote” ".encode("cp1252")
                                          + "Ærø ".encode("latin-1") + PARA.encode(), "ok")),
        ("utf16-no-bom", lambda t, r: (f"{t}.txt", (f"Wide {t} " + PARA).encode("utf-16-le"),
                                       "ok")),
        ("gzip-as-html", lambda t, r: (f"{t}.html", gzip.compress((PARA * 50).encode()),
                                       "fail")),
        ("html-10000-deep", lambda t, r: (f"{t}.html", ("<html><body>" + "<div>" * 10000
                                          + f"<p>Deep {t}. {PARA}</p>" + "</div>" * 10000
                                          + "</body></html>").encode(), "either")),
        ("html-unclosed", lambda t, r: (f"{t}.html", ("<html><body>" + "<div><b>" * 10000
                                        + f"Unclosed {t}. " + PARA).encode(), "either")),
        ("script-handlers", lambda t, r: (f"{t}.html", (
            f"<html><head><title>Script {t}</title><script>alert('x')</script></head><body>"
            f"<article><p onmouseover=\"alert(1)\">Handlers {t}. {PARA}</p><img src=x "
            f"onerror=alert(2)><a href=\"javascript:alert(3)\">link</a><p>{PARA}</p>"
            "</article></body></html>").encode(), "ok")),
        ("billion-laughs", lambda t, r: (f"{t}.rss", _billion_laughs(t), "ok")),
        ("xxe", lambda t, r: (f"{t}.xml", _xxe(t), "ok")),
        ("rss-item-without-text", lambda t, r: (f"{t}.rss", _rss_no_text(t), "fail")),
        ("json-feed-deep", lambda t, r: (f"{t}.json", ('{"version": "https://jsonfeed.org/'
                                         'version/1.1", "items": ' + "[" * 3000 + "]" * 3000
                                         + "}").encode(), "fail")),
        ("jsonl-hostile", lambda t, r: (f"{t}.jsonl", _jsonl(t, r), "fail")),
        ("nul-and-controls", lambda t, r: (f"{t}.txt", f"Nul {t} \x00 \x01\x02 {PARA}".encode()
                                           + b"\x00" + PARA.encode(), "either")),
        ("escape-name", lambda t, r: (f"{t}{ESC_NAME}\nline.txt", f"Name {t}. {PARA}".encode(),
                                      "ok")),
        ("escape-body", lambda t, r: (f"{t}.md", (f"# Title \x1b]52;c;ZXZpbA==\x07{t}\n\n"
                                      f"\x1b[31m{PARA}\u009b2J\u202e{PARA}").encode(), "ok")),
        ("empty", lambda t, r: (f"{t}.txt", b" \n\t\n", "fail")),
        ("truncated-feed", lambda t, r: (f"{t}.atom", _rss_no_text(t)[:120], "either")),
    ]


KINDS = [name for name, _ in _kinds()]
DUPLICATE = ("Duplicate content under several names. " + PARA).encode()


def hostile(i: int, seed: int = 0) -> Input:
    """The ``i``-th hostile input (kinds in rotation, plus duplicates every 7th)."""
    rnd = random.Random(seed * 1_000_003 + i)
    token = f"h{i:04d}"
    if i % 7 == 6:
        return Input(token, f"dup-{token}.txt", DUPLICATE, "ok")
    kinds = _kinds()
    _, make = kinds[i % len(kinds)]
    name, data, expect = make(token, rnd)
    return Input(token, name, data, expect)


def kind_of(i: int) -> str:
    return "duplicate" if i % 7 == 6 else KINDS[i % len(KINDS)]


def big_line(token: str, size: int = 50 * 1024 * 1024) -> Input:
    """A JSON Lines file whose first line is ``size`` bytes (then a good record)."""
    line = b'{"text": "' + b"x" * size + b'"}\n'
    good_rec = json.dumps({"text": f"After the long line {token}. {PARA}"}).encode() + b"\n"
    return Input(token, f"{token}-long.jsonl", line + good_rec, "fail")


def write(folder: Path, inputs: list[Input]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for x in inputs:
        (folder / x.name).write_bytes(x.data)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-inputs")
    write(out, [hostile(i) for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 50)])
    print(f"wrote {len(list(out.iterdir()))} files to {out}")
