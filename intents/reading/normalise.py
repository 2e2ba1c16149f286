"""Question text -> lower-case words: '&' read as 'and', possessives, punctuation and chat
spellings tidied, so every later stage matches on one form."""

from __future__ import annotations

import re
from collections.abc import Mapping

CONTRACTION = re.compile(r"\b(what|who|where|how|when|why|it|that|there|here)['’]s\b")
TOKEN = re.compile(r"[a-z0-9£%]+(?:\.\d+)?")


def normalise(text: str, spellings: Mapping[str, str] | None = None) -> str:
    """Lower case; '&' read as 'and'; possessives, punctuation and chat spellings tidied."""
    text = text.lower().replace("&", " and ").replace("+", " and ")
    text = CONTRACTION.sub(r"\1 is", text)  # "what's" is "what is", not a possessive
    text = re.sub(r"(\w)'s\b", r"\1", text)
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)
    text = re.sub(r"\b(top|bottom)(\d)", r"\1 \2", text)
    text = re.sub(r"[^\w%£.\s~-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=\d)-(?=[a-z])|_", " ", text)
    text = text.replace("-", " - ")
    spellings = spellings or {}
    return " ".join(spellings.get(w, w) for w in text.split())
