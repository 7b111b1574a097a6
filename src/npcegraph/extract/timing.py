"""A named date against the letter's own date: before it, after it, or beyond the horizon of
follow-ups (a goal's target year). Used by commitments (due dates) and measures (a coming date
announces)."""

from __future__ import annotations

from datetime import date

from npcegraph.extract.facts import DateMention

# Years after the letter's year within which a date dates a follow-up or an announced step;
# later years are goals' target years ("in 2050 klimaatneutraal").
FOLLOW_UP_HORIZON = 3


def before(mention: DateMention, made: date | None) -> bool:
    """Whether a date lies before the letter's date, at the mention's own precision."""
    if made is None:
        return False
    return mention.value < made.isoformat()[: len(mention.value)]


def after(mention: DateMention, made: date | None) -> bool:
    """Whether a date lies after the letter's date, at the mention's own precision ("in 2026"
    in a letter of 2026 is neither before nor after)."""
    if made is None:
        return False
    return mention.value > made.isoformat()[: len(mention.value)]


def beyond_horizon(mention: DateMention, year: int | None) -> bool:
    """Whether a date lies beyond the follow-up horizon of the letter's ``year``."""
    return year is not None and int(mention.value[:4]) > year + FOLLOW_UP_HORIZON
