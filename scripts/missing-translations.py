#!/usr/bin/env python3
"""Lists Vietnamese strings used through the localizer (T["…"] / t["…"]) that have no English entry in SharedResource.en.resx."""
import re, pathlib, xml.etree.ElementTree as ET
root = pathlib.Path(__file__).resolve().parent.parent / "src" / "MotCua.Web"
resx = root / "Resources" / "SharedResource.en.resx"
have = {d.get("name") for d in ET.parse(resx).getroot().iter("data")} if resx.exists() else set()
used = set()
for f in list(root.rglob("*.cs")) + list(root.rglob("*.cshtml")):
    if "/obj/" in str(f) or "/bin/" in str(f):
        continue
    for m in re.finditer(r'\b[tT]\["((?:[^"\\]|\\.)*)"', f.read_text(encoding="utf-8")):
        used.add(m.group(1).replace('\\"', '"'))
for key in sorted(used - have):
    print(key)
