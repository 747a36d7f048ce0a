"""Validation reports: findings.jsonl (canonical), summary.json, summary.md and a self-contained report.html.

Article text is untrusted: it is HTML-escaped piece by piece, and highlight markup is inserted only
between escaped pieces, at span offsets computed on the raw text.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from schemas.catalogue import catalogue

from ._pipeline import STATUSES

HTML_FINDINGS_LIMIT = 2000
CONTEXT_CHARS = 300


def load_findings(snapshot: Path) -> list[dict[str, Any]]:
    """Findings joined with their article's path, date and text, in a stable order."""
    findings, articles = [], {}
    for status in STATUSES:
        for row in pq.read_table(snapshot / status / "articles").select(
                ["article_id", "source_path", "published_date", "text"]).to_pylist():
            articles[row["article_id"]] = row
        findings.extend(pq.read_table(snapshot / status / "findings").to_pylist())
    severity_rank = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: (severity_rank[f["severity"]], f["rule_id"], articles[f["article_id"]]["source_path"],
                                 f["finding_id"]))
    for finding in findings:
        article = articles[finding["article_id"]]
        finding["source_path"] = article["source_path"]
        finding["published_date"] = article["published_date"].isoformat()
        finding["_text"] = article["text"]
        for span in finding["spans"]:
            span["text"] = article["text"][span["start"]:span["end"]]
    return findings


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or at most CONTEXT_CHARS either side) around text[start:end]."""
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop != -1 else 0, text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(min(ends) + 1 if ends else len(text), end + CONTEXT_CHARS, len(text))
    return left, right


def excerpt_windows(text: str, spans: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The sentences holding the spans, merged where they touch: far-apart spans get one window each."""
    windows: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: s["start"]):
        left, right = _sentence_bounds(text, s["start"], s["end"])
        if windows and left <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows or [(0, min(len(text), CONTEXT_CHARS))]


def highlight(text: str, spans: list[dict[str, Any]], start: int, end: int) -> str:
    """Escaped text[start:end] with each span wrapped in <mark>; overlapping spans are merged."""
    marks = sorted((max(s["start"], start), min(s["end"], end), s["role"]) for s in spans if s["end"] > start
                   and s["start"] < end)
    pieces, position = [], start
    for m_start, m_end, role in marks:
        if m_start < position:  # overlaps the previous mark: extend nothing, keep text once
            m_start = position
        if m_end <= m_start:
            continue
        pieces.append(html.escape(text[position:m_start]))
        pieces.append(f'<mark class="{html.escape(role)}" title="{html.escape(role)}">'
                      f"{html.escape(text[m_start:m_end])}</mark>")
        position = m_end
    pieces.append(html.escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(pieces) + suffix


def top_findings(report_dir: Path, limit: int) -> list[dict[str, Any]]:
    """The first findings of a written report (errors first), as flat rows for a table."""
    rows = []
    with (report_dir / "findings.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if len(rows) == limit:
                break
            f = json.loads(line)
            rows.append({key: f[key] for key in ("severity", "rule_id", "source_path", "message", "as_evaluated")})
    return rows


def summary_counts(totals: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, count in totals["findings"].items():
        rule_id, severity = key.split("|")
        rows.append({"rule_id": rule_id, "severity": severity, "count": count})
    return sorted(rows, key=lambda r: (-r["count"], r["rule_id"]))


def write_report(directory: Path, run_id: str, totals: dict[str, Any], findings: list[dict[str, Any]],
                 manifest: dict[str, Any]) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / name for name in ("findings.jsonl", "summary.json", "summary.md", "report.html")}
    with paths["findings.jsonl"].open("w", encoding="utf-8") as handle:
        for finding in findings:
            public = {k: v for k, v in finding.items() if not k.startswith("_")}
            handle.write(json.dumps({"run_id": run_id, **public}, ensure_ascii=False, sort_keys=True) + "\n")
    summary = {"run_id": run_id, **totals, "by_rule": summary_counts(totals), **manifest}
    paths["summary.json"].write_text(json.dumps(summary, indent=2, sort_keys=True, default=str))
    paths["summary.md"].write_text(render_markdown(run_id, totals, findings))
    paths["report.html"].write_text(render_html(run_id, totals, findings), encoding="utf-8")
    return paths


def render_markdown(run_id: str, totals: dict[str, Any], findings: list[dict[str, Any]], top: int = 20) -> str:
    lines = [f"# factlint run {run_id}", "",
             f"Inputs: **{totals['inputs']}** = clean {totals['clean']} + quarantined {totals['quarantined']}"
             f" + rejected {totals['rejected']}", "",
             "| rule | severity | findings |", "|---|---|---|"]
    lines += [f"| `{r['rule_id']}` | {r['severity']} | {r['count']} |" for r in summary_counts(totals)] or ["| — | — | 0 |"]
    if findings:
        lines += ["", f"## Top findings ({min(top, len(findings))} of {len(findings)})", "",
                  "| severity | rule | article | as evaluated |", "|---|---|---|---|"]
        for f in findings[:top]:
            evaluated = (f["as_evaluated"] or "").replace("|", "\\|")
            lines.append(f"| {f['severity']} | `{f['rule_id']}` | {f['source_path']} | {evaluated} |")
    return "\n".join(lines) + "\n"


_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
.card{border:1px solid #ccc;border-left:6px solid #999;margin:1rem 0;padding:.5rem 1rem}
.card.error{border-left-color:#c0392b}.card.warning{border-left-color:#d68910}.card.info{border-left-color:#2471a3}
.sev{font-weight:bold;text-transform:uppercase;font-size:.8rem}.excerpt{background:#f7f7f7;padding:.5rem}
mark{background:#fde68a;padding:0 .1rem}mark.whole,mark.anniversary,mark.superset,mark.first,mark.name{background:#bfdbfe}
code{background:#eee;padding:0 .2rem}.arith{font-family:monospace}
"""


def render_html(run_id: str, totals: dict[str, Any], findings: list[dict[str, Any]]) -> str:
    esc = html.escape
    rules = catalogue()
    out = [f"<!doctype html><html lang=en><meta charset=utf-8><title>factlint report {esc(run_id)}</title>",
           f"<style>{_STYLE}</style><h1>factlint report</h1><p>Run <code>{esc(run_id)}</code></p>",
           f"<p>Inputs <b>{totals['inputs']}</b> = clean {totals['clean']} + quarantined {totals['quarantined']}"
           f" + rejected {totals['rejected']}.</p>", "<h2>Findings by rule</h2><table><tr><th>rule<th>severity<th>count"]
    for row in summary_counts(totals):
        out.append(f"<tr><td><a href='#rule-{esc(row['rule_id'])}'><code>{esc(row['rule_id'])}</code></a>"
                   f"<td>{esc(row['severity'])}<td>{row['count']}")
    out.append("</table>")
    shown = findings[:HTML_FINDINGS_LIMIT]
    out.append(f"<h2>Findings</h2><p>{len(shown)} of {len(findings)} shown"
               + (" (every finding is in findings.jsonl)" if len(shown) < len(findings) else "") + ".</p>")
    for f in shown:
        excerpt = "<br>".join(highlight(f["_text"], f["spans"], start, end)
                           for start, end in excerpt_windows(f["_text"], f["spans"]))
        spans = "; ".join(f"{s['role']}: “{s['text']}” [{s['start']}–{s['end']}]" for s in f["spans"])
        out.append(
            f"<div class='card {esc(f['severity'])}' id='f-{esc(f['finding_id'])}'>"
            f"<span class=sev>{esc(f['severity'])}</span> <a href='#rule-{esc(f['rule_id'])}'><code>"
            f"{esc(f['rule_id'])}</code></a> v{f['rule_version']} · {esc(f['source_path'])} · published "
            f"{esc(f['published_date'])}<p>{esc(f['message'])}</p>"
            f"<div class=excerpt>{excerpt}</div>"
            f"<p class=arith>as written: {esc(f['as_written'] or '')}<br>as evaluated: {esc(f['as_evaluated'] or '')}</p>"
            f"<p><small>{esc(spans)}</small></p></div>")
    out.append("<h2>Rules</h2><dl>")
    for spec in rules.values():
        out.append(f"<dt id='rule-{esc(spec.id)}'><code>{esc(spec.id)}</code> v{spec.version} ({esc(spec.severity)})"
                   f"<dd>{esc(spec.summary)}")
    out.append("</dl></html>")
    return "\n".join(out)
