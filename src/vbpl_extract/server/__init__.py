"""The review page and HTTP API (``vbpl-extract serve``): FastAPI app in :mod:`.app`."""
