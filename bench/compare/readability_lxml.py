"""Times readability-lxml (Debian python3-readability) over every page of a folder.
Usage: python3 readability_lxml.py DIR_OF_HTML_FILES"""
import json
import os
import sys
import time

from readability import Document

folder = sys.argv[1]
files = sorted(f for f in os.listdir(folder) if f.endswith(".html"))
chars = 0
start = time.perf_counter()
for name in files:
    with open(os.path.join(folder, name), "rb") as fh:
        html = fh.read()
    chars += len(Document(html).summary())
seconds = time.perf_counter() - start
print(json.dumps({"tool": "readability-lxml", "pages": len(files), "seconds": seconds, "chars": chars}))
