"""The static site: pages, feed, export and charts generated from briefings/.

Pure builders live in :mod:`.archive` (the model), :mod:`.pages` (Markdown),
:mod:`.feeds` (Atom and JSON) and :mod:`.charts` (SVG); :mod:`.generate`
assembles them into files, and :mod:`.hooks` is the MkDocs glue.
"""
