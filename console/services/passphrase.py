"""How strong a passphrase is: one estimate for every place that asks for one (GPG and sFTP keys).

Services only: the wizards show ``score``/``label``/``advice``; the CLI prints the label.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MIN_PASSPHRASE = 8
LABELS = ("very weak", "weak", "fair", "strong", "very strong")


@dataclass(frozen=True)
class PassphraseStrength:
    score: int  # 0 (very weak) .. 4 (very strong)
    label: str
    bits: int
    advice: str
    acceptable: bool


def passphrase_strength(passphrase: str) -> PassphraseStrength:
    """A rough estimate: length times character variety, less for repeats and common patterns."""
    if not passphrase:
        return PassphraseStrength(0, "empty", 0, "Enter a passphrase.", False)
    pool = 0
    pool += 26 if re.search(r"[a-z]", passphrase) else 0
    pool += 26 if re.search(r"[A-Z]", passphrase) else 0
    pool += 10 if re.search(r"[0-9]", passphrase) else 0
    pool += 33 if re.search(r"[^a-zA-Z0-9]", passphrase) else 0
    pool = max(pool, 10)
    distinct = len(set(passphrase))
    effective = min(len(passphrase), distinct * 2)
    bits = int(effective * math.log2(pool))
    if re.search(r"(0123|1234|2345|abcd|qwer|asdf|password|passwort|letmein)", passphrase.lower()):
        bits = bits // 2
    score = 0 if bits < 28 else 1 if bits < 40 else 2 if bits < 60 else 3 if bits < 80 else 4
    if len(passphrase) < MIN_PASSPHRASE:
        advice = f"Use at least {MIN_PASSPHRASE} characters."
    elif score < 3:
        advice = "Longer is better: a few unrelated words make a strong passphrase that is easy to type."
    else:
        advice = "Good. Store it safely: without it the key pair is useless."
    return PassphraseStrength(score, LABELS[score], bits, advice, len(passphrase) >= MIN_PASSPHRASE)
