"""Example questions from the intents' own declarations, for the replies that suggest what to
ask (help, clarify, unknown), so a suggestion is always one the intent says it answers."""

from __future__ import annotations

from intents.names import IntentName


def example(name: IntentName) -> str:
    """The intent's first example question."""
    from intents import spec_of  # the registry imports every intent, these replies among them

    return spec_of(name).examples[0]


def examples(*names: IntentName) -> tuple[str, ...]:
    return tuple(example(n) for n in names)
