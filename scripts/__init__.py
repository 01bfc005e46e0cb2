"""Briefing archive: seeds -> briefings -> site.

Run ``python -m scripts --help`` for the commands.
"""
