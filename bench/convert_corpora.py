"""Convert the public corpora in ../shared/corpora to factlint's JSONL input, one file per corpus.

    python bench/convert_corpora.py                 # writes bench/data/<corpus>.jsonl
    python bench/convert_corpora.py --corpora tbaq reuters

Corpora are read where they are (never copied into the repository); the JSONL goes to bench/data/,
which git ignores. Every source document becomes one line, even an empty one, so factlint's
accounting (clean + quarantined + rejected) can be checked against the source count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "corpora"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def timeml(folder: Path) -> Iterator[dict]:
    """TimeML (.tml): publication date from the CREATION_TIME TIMEX3, text from <TITLE> and <TEXT>."""
    for path in sorted(folder.rglob("*.tml")):
        if path.name.startswith("._"):
            continue
        root = ET.parse(path).getroot()
        dct = next(t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
        text = "".join(root.find("TEXT").itertext()).strip()
        title = root.find("TITLE")
        yield {"id": path.stem, "published": dct[:10], "source": folder.name,
               "title": "".join(title.itertext()).strip() if title is not None else None, "text": text}


def reuters(folder: Path) -> Iterator[dict]:
    """Reuters-21578 SGML: <DATE> like 26-FEB-1987 15:01:01.79, <TITLE>, <BODY>."""
    for path in sorted(folder.glob("reut2-*.sgm")):
        data = path.read_bytes().decode("latin-1")
        for doc in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", data, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", doc.group(2), re.S)
            title = re.search(r"<TITLE>(.*?)</TITLE>", doc.group(2), re.S)
            date = re.search(r"<DATE>\s*(\d+-[A-Z]+-\d{4})", doc.group(2))
            published = dt.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date().isoformat() if date else ""
            text = _CONTROL.sub("", html.unescape(body.group(1))).strip() if body else ""
            text = re.sub(r"\s*Reuter\s*$", "", text)
            yield {"id": f"reuters-{doc.group(1)}", "published": published, "source": "Reuters",
                   "title": _CONTROL.sub("", html.unescape(title.group(1))).strip() if title else None, "text": text}


def gun_violence(folder: Path) -> Iterator[dict]:
    """US gun-violence articles: X_*.json arrays of {text, publish_date}; labels stay with the source."""
    for split in ("train", "val", "test"):
        for index, item in enumerate(json.loads((folder / f"X_{split}.json").read_text())):
            yield {"id": f"gv-{split}-{index}", "published": item["publish_date"], "source": "gun-violence",
                   "text": item["text"]}


def wikiwars(folder: Path) -> Iterator[dict]:
    """WikiWars (22 Wikipedia war narratives, ACE-style SGML): text from <TEXT>. Its <DATETIME> is
    the day the pages were downloaded, not a publication date; it stands in for one."""
    for path in sorted(folder.glob("*.sgm")):
        data = path.read_text(encoding="utf-8")
        when = re.search(r"<DATETIME>\s*(\d{4}-\d\d-\d\d)", data)
        text = re.search(r"<TEXT>(.*?)</TEXT>", data, re.S)
        yield {"id": f"wikiwars-{path.stem}", "published": when.group(1) if when else "", "source": "WikiWars",
               "text": html.unescape(text.group(1)).strip() if text else ""}


CORPORA = {
    "tbaq": (lambda root: timeml(root / "tempeval3" / "TBAQ-cleaned")),
    "platinum": (lambda root: timeml(root / "tempeval3" / "platinum")),
    "silver": (lambda root: timeml(root / "tempeval3" / "silver")),
    "reuters": (lambda root: reuters(root / "news" / "reuters21578")),
    "gun_violence": (lambda root: gun_violence(root / "news" / "gun_violence_articles")),
    "wikiwars": (lambda root: wikiwars(root / "wikiwars" / "WikiWars_20120218_v104" / "in")),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the corpora folder")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "data")
    parser.add_argument("--corpora", nargs="+", choices=sorted(CORPORA), default=["tbaq", "reuters", "gun_violence", "silver", "wikiwars"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.corpora:
        target = args.out / f"{name}.jsonl"
        count = 0
        with target.open("w", encoding="utf-8") as handle:
            for record in CORPORA[name](args.shared):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        print(f"{name}: {count} documents -> {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")


if __name__ == "__main__":
    main()
