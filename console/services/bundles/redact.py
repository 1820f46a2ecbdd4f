"""Redaction rules for log text: one set of rules for the sanitized export and the full-text index.

Every distinct value gets one placeholder (``<SECRET-1>``), used everywhere the same
:class:`Redactor` sees it, so redacted lines can still be correlated. A :class:`Replacement`
says where and which rule, never the value.

The search index stores only redacted text (:func:`index_text`): passwords, tokens, cookies,
URL credentials, private keys and card numbers never reach the database. Account ids stay
searchable there (they are not secrets and the bundle row holds the account anyway); the export
redacts them too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Replacement:
    file: str
    line: int
    rule: str
    placeholder: str


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_SECRET_KEYS = r"(?:pass(?:word|wd|phrase)?|pwd|secret|token|access[_-]?token|refresh[_-]?token|api[_-]?key|" \
               r"apikey|auth(?:orization)?|cookie|session(?:id)?|jsessionid|private[_-]?key|client[_-]?secret)"
#: Cookie attributes on a Set-Cookie line: not values worth hiding.
_COOKIE_ATTRS = frozenset({"path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "priority",
                           "partitioned", "version", "comment"})
_PLACEHOLDER = re.compile(r"<[A-Z]+-\d+>")
# (rule, pattern, group holding the value); applied in this order.
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("private-key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"), 0),
    # The whole value of an Authorization header, whatever the scheme.
    ("authorization", re.compile(r"(?i)\b(?:proxy-)?authorization\b[\"']?\s*[:=]\s*[\"']?([^\"'\r\n]*[^\s\"'])"), 1),
    ("cookie", re.compile(r"(?i)\b(?:set-)?cookie\b[\"']?\s*[:=]\s*(.+)"), 1),
    ("url-credential", re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^\s/:@]*:([^\s/@]+)@"), 1),
    ("bearer-token", re.compile(r"\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})"), 1),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"), 0),
    ("credential", re.compile(rf"(?i)\b{_SECRET_KEYS}\b[\"']?\s*[:=]\s*[\"']?(?!(?:Bearer|Basic)\b)([^\s\"',;&]+)"), 1),
    ("card-number", re.compile(r"\b(?:\d[ -]?){12,18}\d\b"), 0),
    ("account-id", re.compile(r"\b(?:DU|DF|U|F|I)\d{5,9}\b"), 0),
)
_PREFIX = {"private-key": "KEY", "authorization": "TOKEN", "cookie": "SECRET", "url-credential": "SECRET",
           "bearer-token": "TOKEN", "jwt": "TOKEN", "credential": "SECRET", "card-number": "CARD",
           "account-id": "ACCOUNT"}
_COOKIE_PAIR = re.compile(r"([^=;,\s]+)=([^;,\s]*)")
#: Rules used for the search index: every secret, but account ids stay searchable.
INDEX_RULES = frozenset(r for r, _p, _g in _RULES if r != "account-id")
#: Lower-case words of which at least one is on every line an index rule could change (found with
#: str.find, far faster than one case-insensitive regex over every line).
_KEYWORDS = ("pass", "pwd", "secret", "token", "apikey", "api_key", "api-key", "private", "auth", "cookie",
             "session", "bearer", "basic", "://")
#: A card number, its separators left out, is 13 digits in a row or more. Found fast: every ASCII digit
#: becomes "0", spaces and dashes go, everything else becomes "x"; then look for "0" * 13.
_DIGIT_TABLE = bytes(0x30 if 0x30 <= c <= 0x39 else c if c in b" -" else 0x78 for c in range(256))
_THIRTEEN = b"0" * 13
_CARD_LIKE = re.compile(r"\d(?:[ -]?\d){12}")
#: A line that is nothing but base64 (the body of a key block cut off from its BEGIN line).
_BASE64_LINE = re.compile(r"^\s*[A-Za-z0-9+/]{40,}={0,2}\s*$")


class Redactor:
    """Replaces sensitive values with stable placeholders and records where (never what)."""

    def __init__(self, rules: frozenset[str] | None = None) -> None:
        self._tokens: dict[tuple[str, str], str] = {}
        self._next: Counter[str] = Counter()
        self.replacements: list[Replacement] = []
        self._in_key = False
        self._rules = tuple(r for r in _RULES if rules is None or r[0] in rules)

    def _token(self, rule: str, value: str) -> str:
        prefix = _PREFIX[rule]
        key = (prefix, value)
        if key not in self._tokens:
            self._next[prefix] += 1
            self._tokens[key] = f"<{prefix}-{self._next[prefix]}>"
        return self._tokens[key]

    def line(self, text: str, file: str, number: int) -> str:
        if self._in_key:
            # Inside a multi-line private key block: drop the body until its END line.
            if "-----END" in text:
                self._in_key = False
            return ""
        if "-----BEGIN" in text and "PRIVATE KEY-----" in text and "-----END" not in text:
            self._in_key = True
        for rule, pattern, group in self._rules:
            text = self._apply(rule, pattern, group, text, file, number)
        return text

    def _replace(self, rule: str, value: str, file: str, number: int) -> str:
        token = self._token(rule, value)
        self.replacements.append(Replacement(file, number, rule, token))
        return token

    def _cookies(self, value: str, file: str, number: int) -> str:
        def sub(m: re.Match[str]) -> str:
            name, val = m.group(1), m.group(2)
            if not val or name.lower() in _COOKIE_ATTRS or _PLACEHOLDER.fullmatch(val):
                return m.group(0)
            return f"{name}={self._replace('cookie', val, file, number)}"

        return _COOKIE_PAIR.sub(sub, value)

    def _apply(self, rule: str, pattern: re.Pattern[str], group: int, text: str, file: str, number: int) -> str:
        def sub(m: re.Match[str]) -> str:
            value = m.group(group)
            if rule == "card-number":
                digits = re.sub(r"\D", "", value)
                if not 13 <= len(digits) <= 19 or not _luhn(digits):
                    return m.group(0)
            if _PLACEHOLDER.search(value):
                return m.group(0)  # already (partly) a placeholder
            token = self._cookies(value, file, number) if rule == "cookie" else self._replace(rule, value, file, number)
            start, end = m.start(group) - m.start(0), m.end(group) - m.start(0)
            whole = m.group(0)
            return whole[:start] + token + whole[end:]

        return pattern.sub(sub, text)


def redact_text(text: str) -> str:
    """``text`` (a reason typed by a person, a few lines) with every secret replaced."""
    r = Redactor(INDEX_RULES)
    return "\n".join(r.line(line, "", i) for i, line in enumerate(text.split("\n"), 1))


def _flagged_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` that hold a keyword, a JWT start or a long run of digits."""
    low = text.lower()
    starts: set[int] = set()

    def mark(pos: int) -> int:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        starts.add(start)
        return len(text) if end < 0 else end

    for word in _KEYWORDS:
        i = low.find(word)
        while i >= 0:
            i = low.find(word, mark(i))
    i = text.find("eyJ")
    while i >= 0:
        i = text.find("eyJ", mark(i))
    if _THIRTEEN in text.encode("utf-8", "replace").translate(_DIGIT_TABLE, b" -"):
        for m in _CARD_LIKE.finditer(text):
            mark(m.start())
    spans = []
    for start in sorted(starts):
        end = text.find("\n", start)
        spans.append((start, len(text) if end < 0 else end))
    return spans


def index_text(text: str) -> str:
    """What the search index gets for ``text`` (whole lines): the same lines, secrets replaced.

    Stateless per call, so the same text always gives the same result (SQLite's contentless index
    forgets a row only when given the exact text it indexed). A private key's body is dropped even
    when its block starts before ``text`` does. Lines without a hint of a secret are passed through
    untouched, which keeps indexing fast.
    """
    r = Redactor(INDEX_RULES)
    if "private key-----" in text.lower():
        out = []
        for i, line in enumerate(text.split("\n"), 1):
            clean = r.line(line, "", i)
            out.append("" if clean and _BASE64_LINE.match(clean) else clean)
        return "\n".join(out)
    spans = _flagged_lines(text)
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        parts += [text[pos:start], r.line(text[start:end], "", 0)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
