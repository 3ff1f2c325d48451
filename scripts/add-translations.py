#!/usr/bin/env python3
"""Adds or updates English translations in SharedResource.en.resx from stdin lines "Vietnamese<TAB>English"."""
import sys, pathlib, xml.etree.ElementTree as ET
resx = pathlib.Path(__file__).resolve().parent.parent / "src" / "MotCua.Web" / "Resources" / "SharedResource.en.resx"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
"""
if not resx.exists():
    resx.parent.mkdir(parents=True, exist_ok=True)
    resx.write_text(HEADER, encoding="utf-8")
tree = ET.parse(resx)
root = tree.getroot()
existing = {d.get("name"): d for d in root.iter("data")}
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip() or "\t" not in line:
        continue
    key, value = line.split("\t", 1)
    node = existing.get(key)
    if node is None:
        node = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
        ET.SubElement(node, "value")
        existing[key] = node
    node.find("value").text = value
datas = sorted((d for d in root if d.tag == "data"), key=lambda d: d.get("name"))
for d in datas:
    root.remove(d)
root.extend(datas)
ET.indent(tree, "  ")
tree.write(resx, encoding="utf-8", xml_declaration=True)
