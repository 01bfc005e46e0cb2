"""Benchmark of the whole pipeline on synthetic archives (``make bench``).

:mod:`.corpus` writes a deterministic archive of any size (seeds and
briefings), :mod:`.run` times every step on it, :mod:`.search` measures
search in headless Chromium.
"""
