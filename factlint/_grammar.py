"""The rule engine: loads the grammar data (rules, macros, lexicons) and matches it against text.

The grammar lives in ``factlint/grammar/`` as YAML. Code here knows the file formats, never a
pattern: every regular expression comes from the data, and named groups are the interface
between a rule and the builder that turns its match into a claim.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any, Iterator

import yaml

from ._errors import Messages, RuleDataError

GRAMMAR_DIR = Path(__file__).parent / "grammar"
RULE_FILES = ("dates", "anniversaries", "elapsed", "centuries", "durations", "timexes", "figures", "names")
_REFERENCE = re.compile(r"\{(@?)([A-Za-z_]+)(?::(title))?\}")
# Words as ``starts_with`` sees them: runs of letters, and runs of digits (all one key, DIGITS_KEY).
_WORD = re.compile(r"[^\W\d_]+|\d+")
_LETTERS, _DIGITS = re.compile(r"[^\W\d_]+"), re.compile(r"\d+")
DIGITS_KEY = "<digits>"


def _word_key(word: str, owner: str) -> str:
    """The ``starts_with`` key of a word or lexicon entry: its first run of letters or digits."""
    if word == DIGITS_KEY:
        return DIGITS_KEY
    first = _WORD.search(word)
    if first is None:
        raise RuleDataError(Messages.E108.format(owner=owner, word=word))
    return DIGITS_KEY if first.group()[0].isdigit() else first.group().lower()


@dataclass(frozen=True)
class GrammarRule:
    """One extraction rule: an id, the kind of claim it yields, a compiled pattern, its examples."""

    id: str
    kind: str
    source: str
    regex: re.Pattern[str]
    options: dict[str, Any] = field(default_factory=dict)
    examples: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class RuleMatch:
    rule: GrammarRule
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start("claim") if "claim" in self.match.re.groupindex else self.match.start()

    @property
    def end(self) -> int:
        return self.match.end("claim") if "claim" in self.match.re.groupindex else self.match.end()

    def group(self, name: str) -> str | None:
        if name not in self.match.re.groupindex:
            return None
        return self.match.group(name)

    def span_of(self, name: str) -> tuple[int, int] | None:
        if self.group(name) is None:
            return None
        return self.match.span(name)


class TextIndex:
    """What the rules' pre-filters need to know of one text, worked out once for every kind."""

    def __init__(self, grammar: "Grammar", text: str) -> None:
        self.text = text  # everything below is worked out lazily, when a rule first asks
        self._number_keys = grammar.number_start_keys
        self._number_signs = grammar.patterns["number_start_signs"]
        self._start_keys = grammar.start_keys
        self._folded: str | None = None
        self._present: dict[str, bool] = {}
        self._number_starts: list[int] | None = None
        self._word_starts: dict[str, list[int]] | None = None
        self._starts_of: dict[frozenset[str], list[int]] = {}

    def has_any(self, words: list[str]) -> bool:
        """Whether one of the words occurs in the text, lower-cased with spaces folded."""
        if self._folded is None:
            self._folded = " ".join(self.text.lower().split())
        for word in words:
            present = self._present.get(word)
            if present is None:
                present = self._present[word] = word in self._folded
            if present:
                return True
        return False

    @property
    def number_starts(self) -> list[int]:
        """Where a number can start: a currency sign, or a word of ``number_start_words`` (digits,
        a number word, "a"/"an"). More offsets than numbers start at, never fewer."""
        if self._number_starts is None:
            signs = [m.start() for m in self._number_signs.finditer(self.text)]
            words = self.starts_of(self._number_keys)
            self._number_starts = sorted(words + signs) if signs else words
        return self._number_starts

    def starts_of(self, keys: frozenset[str]) -> list[int]:
        """Where a word with one of these ``starts_with`` keys begins, in text order."""
        if keys not in self._starts_of:
            if self._word_starts is None:
                self._word_starts = {}
                lowered = self.text.lower()
                if len(lowered) != len(self.text):  # a letter like "İ" lower-cases to two characters
                    lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
                indexed = self._start_keys  # only the words some rule starts with are kept
                for m in _LETTERS.finditer(lowered):
                    if m.group() in indexed:
                        self._word_starts.setdefault(m.group(), []).append(m.start())
                self._word_starts[DIGITS_KEY] = [m.start() for m in _DIGITS.finditer(lowered)]
            found = [self._word_starts[key] for key in keys if key in self._word_starts]
            self._starts_of[keys] = found[0] if len(found) == 1 else sorted(chain.from_iterable(found))
        return self._starts_of[keys]


class Grammar:
    """All extraction rules, macros and lexicons, loaded and compiled once."""

    def __init__(self, directory: Path = GRAMMAR_DIR) -> None:
        self.directory = directory
        self.lexicons = _load_lexicons(directory / "lexicons")
        self.macros: dict[str, str] = _load_yaml(directory / "macros.yaml")
        self._expanded: dict[str, str] = {}
        self.rules: dict[str, list[GrammarRule]] = {}
        self.prefixes: dict[str, re.Pattern[str]] = {}
        for name in RULE_FILES:
            data = _load_yaml(directory / f"{name}.yaml")
            kind = data["kind"]
            self.rules[kind] = [self._compile_rule(kind, spec, name) for spec in data["rules"]]
            if "prefix" in data:
                self.prefixes[kind] = self.compile(data["prefix"])
        ingest = _load_yaml(directory / "ingest.yaml")
        self.ingest = {key: re.compile(self.expand(value), re.MULTILINE) for key, value in ingest.items()}
        self._by_id = {rule.id: rule for rules in self.rules.values() for rule in rules}
        self.start_keys = frozenset().union(*(rule.options.get("starts_with", ()) for rule in self._by_id.values()))
        self.context = _load_yaml(directory / "context.yaml")
        # Every string entry of context.yaml is a pattern; lists and numbers are settings.
        self.patterns = {key: self.compile(value) for key, value in self.context.items() if isinstance(value, str)}
        self.version = _digest(directory)
        self.number_start_keys = self._start_keys(self.context["number_start_words"], "number_start_words")
        self.start_keys = self.start_keys | self.number_start_keys

    def compile(self, pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(self.expand(pattern), flags)

    # -- compilation -------------------------------------------------------------------------
    def expand(self, pattern: str) -> str:
        """Replace ``{MACRO}`` and ``{@lexicon}`` references by their regular expressions."""

        def replace(ref: re.Match[str]) -> str:
            is_lexicon, name, modifier = ref.groups()
            if is_lexicon:
                return self.alternation(name, title=modifier == "title")
            if name not in self.macros:
                raise RuleDataError(Messages.E101.format(name=name))
            if name not in self._expanded:
                self._expanded[name] = self.expand(self.macros[name])
            return self._expanded[name]

        return _REFERENCE.sub(replace, pattern)

    def alternation(self, lexicon: str, *, title: bool = False) -> str:
        entries = self.lexicon(lexicon)
        words = sorted(entries, key=lambda w: (-len(w), w))
        if title:
            words = [w[:1].upper() + w[1:] for w in words]
        return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words)

    def lexicon(self, name: str) -> Any:
        if name not in self.lexicons:
            raise RuleDataError(Messages.E102.format(name=name))
        return self.lexicons[name]

    def _compile_rule(self, kind: str, spec: dict[str, Any], source: str) -> GrammarRule:
        rule_id = spec.get("id")
        if not rule_id or not rule_id.startswith(f"{kind}.") or "pattern" not in spec:
            raise RuleDataError(Messages.E103.format(source=source, spec=spec))
        try:
            regex = re.compile(self.expand(spec["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise RuleDataError(Messages.E104.format(rule_id=rule_id, error=exc)) from exc
        if not spec.get("examples"):
            raise RuleDataError(Messages.E105.format(rule_id=rule_id))
        options = {k: v for k, v in spec.items() if k not in ("id", "pattern", "examples")}
        if "preceded_by" in options:  # checked backwards from a match, so the rule can start at its claim
            options["preceded_by"] = re.compile("(?:" + self.expand(options["preceded_by"]) + r")$", re.IGNORECASE)
        if isinstance(options.get("requires"), str) and options["requires"].startswith("@"):
            options["requires"] = sorted({word.lower() for word in self.lexicon(options["requires"][1:])})
        if options.get("requires"):
            options["requires"] = [word.lower() for word in options["requires"]]
        if "starts_with" in options:
            options["starts_with"] = self._start_keys(options["starts_with"], rule_id)
        return GrammarRule(rule_id, kind, source, regex, options, tuple(spec["examples"]))

    def _start_keys(self, items: list[str], owner: str) -> frozenset[str]:
        """Word keys of a ``starts_with`` list: words, '@lexicon' (its entries' first words), '<digits>'."""
        keys: set[str] = set()
        for item in items:
            entries = self.lexicon(item[1:]) if item.startswith("@") else [item]
            keys.update(_word_key(entry, owner) for entry in entries)
        return frozenset(keys)

    # -- matching ----------------------------------------------------------------------------
    def rule(self, rule_id: str) -> GrammarRule:
        return self._by_id[rule_id]

    def all_rules(self) -> Iterator[GrammarRule]:
        for rules in self.rules.values():
            yield from rules

    @staticmethod
    def _candidates(rule: GrammarRule, priority: int, text: str,
                    matches: Iterator[re.Match[str]]) -> Iterator[tuple[int, int, int, RuleMatch]]:
        before = rule.options.get("preceded_by")
        for m in matches:
            if before is not None and not before.search(text, max(0, m.start() - 40), m.start()):
                continue
            found = RuleMatch(rule, m)
            if found.end > found.start:
                yield found.start, -(found.end - found.start), priority, found

    def find(self, kind: str, text: str, index: TextIndex | None = None,
             within: tuple[int, int] | None = None, without_option: str | None = None) -> list[RuleMatch]:
        """Non-overlapping matches of one kind: the longest wins, earlier rules break ties.

        Pre-filters, from ``index`` (one per text, shared by every kind): a rule's ``requires`` words
        (without one of them in the lower-cased text the rule cannot match and is not run),
        ``starts_at_numbers`` (the rule is tried only where a number starts, not at every position)
        and ``starts_with`` (only where one of the rule's first words begins).
        ``within`` limits matches to a stretch of the text, ``without_option`` leaves out the rules
        that carry that option.
        """
        index = index or TextIndex(self, text)
        start, end = within or (0, len(text))
        candidates = []
        for priority, rule in enumerate(self.rules[kind]):
            if without_option and rule.options.get(without_option):
                continue
            starts = index.starts_of(rule.options["starts_with"]) if "starts_with" in rule.options else None
            if starts == []:
                continue
            requires = rule.options.get("requires")
            if requires and not index.has_any(requires):
                continue
            if rule.options.get("starts_at_numbers"):
                matches = _matches_at(rule.regex, text, index.number_starts, start, end)
            elif starts is not None:
                matches = _matches_at(rule.regex, text, starts, start, end)
            else:
                matches = rule.regex.finditer(text, start, end)
            candidates.extend(self._candidates(rule, priority, text, matches))
        chosen: list[RuleMatch] = []
        occupied = bytearray(len(text))  # characters taken by a chosen match
        for first, neg_len, _, found in sorted(candidates, key=lambda c: (c[1], c[0], c[2])):
            last = first - neg_len
            if occupied.find(1, first, last) != -1:
                continue
            occupied[first:last] = b"\x01" * (last - first)
            chosen.append(found)
        chosen.sort(key=lambda f: f.start)
        return chosen


class _GrammarLoader(yaml.SafeLoader):
    """YAML as version 1.2 reads it: "on", "no", "yes", "off" are words, not booleans; and a key given
    twice in one mapping is an error, not a silent override (a lexicon entry written twice)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark, f"the key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_GrammarLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_GrammarLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int], start: int, end: int) -> Iterator[re.Match[str]]:
    """Matches beginning at the given offsets, left to right and not overlapping, as ``finditer`` gives them."""
    reached = start
    for at in starts:  # sorted
        if at >= end:
            break
        if at < reached:
            continue
        m = regex.match(text, at, end)
        if m and m.end() > m.start():
            reached = m.end()
            yield m


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_GrammarLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError) as exc:
        raise RuleDataError(Messages.E100.format(path=path.name, error=exc)) from exc


def _load_lexicons(directory: Path) -> dict[str, Any]:
    lexicons: dict[str, Any] = {}
    for path in sorted(directory.glob("*.yaml")):
        for name, entries in (_load_yaml(path) or {}).items():
            if name in lexicons:
                raise RuleDataError(Messages.E106.format(name=name, path=path.name))
            lexicons[name] = entries
    return lexicons


def _digest(directory: Path) -> str:
    """A version of the grammar data: changes whenever any rule or lexicon file changes."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*.yaml")):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def default_grammar() -> Grammar:
    return Grammar()
