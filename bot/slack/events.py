"""What a Slack event is, read from its payload (pure): a question or not, its thread, its key."""

from __future__ import annotations


def thread_of(message: dict) -> str:
    """The thread a reply belongs in: the message's thread, or the message starts one."""
    return message.get("thread_ts") or message["ts"]


def thread_key(channel: str, thread_ts: str) -> str:
    """The conversation a Slack thread is, as the store keys it."""
    return f"{channel}/{thread_ts}"


def dm_key(channel: str) -> str:
    """A direct message conversation is one conversation, whatever its threads."""
    return f"{channel}/dm"


def is_direct_message(event: dict) -> bool:
    return event.get("channel_type") == "im"


def is_question(event: dict) -> bool:
    """An event lepbot answers: a mention, or a new message (not an edit) in a DM."""
    if event.get("type") == "app_mention":
        return True
    return event.get("type") == "message" and "subtype" not in event and is_direct_message(event)
