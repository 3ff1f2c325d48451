#!/usr/bin/env python3
"""Resolves a merge conflict in SharedResource.en.resx: the union of both sides' entries (ours wins on equal keys)."""
import subprocess, pathlib, xml.etree.ElementTree as ET
path = "src/MotCua.Web/Resources/SharedResource.en.resx"
ours = ET.fromstring(subprocess.check_output(["git", "show", f":2:{path}"]))
theirs = ET.fromstring(subprocess.check_output(["git", "show", f":3:{path}"]))
entries = {d.get("name"): d for d in theirs.iter("data")}
entries.update({d.get("name"): d for d in ours.iter("data")})
for d in list(ours):
    if d.tag == "data":
        ours.remove(d)
ours.extend(sorted(entries.values(), key=lambda d: d.get("name")))
tree = ET.ElementTree(ours)
ET.indent(tree, "  ")
tree.write(path, encoding="utf-8", xml_declaration=True)
