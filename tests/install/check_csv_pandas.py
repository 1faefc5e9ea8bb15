#!/usr/bin/env python3
"""check_csv_pandas.py -- every CSV file a datapackage.json describes loads with
pandas.read_csv's defaults (no comment=, no skiprows=, no dtype=): its columns
are the package's fields in order, and each column's pandas type matches the
field's type. An integer column with empty cells (news.csv's facility) reads as
float with NaN, as pandas does; a text column that is empty in every row reads
as float NaN; neither is an error. Usage: check_csv_pandas.py PACKAGE.json...
Exit 0 when every file passes, 1 naming each failure."""
import json
import os
import sys

import pandas as pd
from pandas.api import types as pt

failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL " + msg)


def check_resource(base, res):
    path = os.path.join(base, res["path"])
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    if first.startswith("#"):
        fail("%s: starts with a comment line" % path)
    try:
        df = pd.read_csv(path)
    except Exception as e:  # what a reader meets: the file does not load
        fail("%s: pandas.read_csv fails: %s" % (path, e))
        return
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    if list(df.columns) != names:
        fail("%s: columns %s, the package says %s" % (path, list(df.columns), names))
        return
    if len(df) == 0:
        fail("%s: no rows" % path)
    bad = []
    for f in fields:
        col = df[f["name"]]
        t = f["type"]
        empty = col.isna().all()
        if t == "integer":
            good = pt.is_integer_dtype(col) or (pt.is_float_dtype(col) and col.isna().any()
                                                and (col.dropna() == col.dropna().round()).all())
        elif t == "number":
            good = pt.is_float_dtype(col) or pt.is_integer_dtype(col)
        elif t == "string":
            good = pt.is_object_dtype(col) or pt.is_string_dtype(col) or empty
        else:
            good = False
        if not good:
            bad.append("%s is %s, not %s" % (f["name"], col.dtype, t))
    if bad:
        fail("%s: %s" % (path, "; ".join(bad)))
    else:
        print("ok   %s: %d rows, %d columns of the right types" % (path, len(df), len(names)))


def main():
    for pkg in sys.argv[1:]:
        with open(pkg, encoding="utf-8") as f:
            d = json.load(f)
        meta = d.get("chokepoint", {})
        for key in ("version", "command"):
            if not meta.get(key):
                fail("%s: no %s in its provenance" % (pkg, key))
        for res in d["resources"]:
            check_resource(os.path.dirname(pkg), res)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
