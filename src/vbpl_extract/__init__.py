"""vbpl_extract: Vietnamese legal documents -> task graph JSON.

>>> from vbpl_extract import extract_file
>>> graph = extract_file("../shared/corpus/seeds/004_73d4ecd4209fcbe0.txt")  # doctest: +SKIP
>>> graph.document.number  # doctest: +SKIP
'03/NQ-CP'
"""

from __future__ import annotations

__version__ = "0.1.0"
