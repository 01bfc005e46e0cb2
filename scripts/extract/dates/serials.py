"""Serials numbered by volume, one volume a year (Jamestown's "Eurasia Daily Monitor Volume: 9
Issue: 144" is of 2012): the volume bounds the date to its year. The serials and the year of their
first volume are data (``serials`` in ``scripts/datewords.yaml``). Only a line that names the serial
and then a volume number is read, never a volume of some other publication."""

from __future__ import annotations

import re

from ...datewords import SERIALS
from .clue import Clue, excerpt, make_date
from .doc import Doc

STRENGTH = 0.6
VOLUME = re.compile(
    r"(?P<name>" + "|".join(f"(?:{serial.name})" for serial in SERIALS) + r")\W{0,20}(?:Vol(?:ume)?\.?)\s*:?\s*(?P<volume>\d{1,3})\b", re.I
)
FIRST_YEARS = tuple((re.compile(f"^(?:{serial.name})$", re.I), serial.first_year) for serial in SERIALS)


def serial_clues(doc: Doc) -> list[Clue]:
    """The year a serial's volume number gives, as bounds (on or after 1 January, on or before 31 December)."""
    if VOLUME.search(doc.text) is None:
        return []
    for number, line in enumerate(doc.lines):
        if doc.related(number):
            continue
        match = VOLUME.search(line)
        if match is None:
            continue
        first_year = next(year for pattern, year in FIRST_YEARS if pattern.match(match.group("name")))
        year = first_year + int(match.group("volume")) - 1
        first, last = make_date(year, 1, 1), make_date(year, 12, 31)
        if first is None or last is None:
            continue
        quote = excerpt(line, match.start(), match.end(), 90)
        why = f"'{quote}' -> volume {match.group('volume')} of a yearly-numbered serial (volume 1 in {first_year}): published in {year}"
        return [Clue("serial-volume", "derived", why, lo=first, hi=last, strength=STRENGTH, group="serial")]
    return []
