#!/usr/bin/env python3
"""Fails on an #include that crosses a layer edge the architecture forbids.

Every library exports all of src/ as its include path, so a forbidden
header-only include would still compile; this reads the includes of every
file under src/ and checks each against the table below (README: Layout).
"""
import pathlib
import re
import sys

# Folder (under src/) -> folders it may include. Longest prefix wins.
ALLOWED = {
    "util": {"util"},
    "core/domain": {"util", "core/domain"},
    "core/ports": {"util", "core/domain", "core/ports"},
    "core/services": {"util", "core/domain", "core/ports", "core/services"},
    "core/testing": {"util", "core/domain", "core/ports", "core/services", "core/testing"},
    "demo": {"util", "core/domain", "core/ports", "core/services", "demo"},
    "crypto": {"util", "core/domain", "core/ports", "crypto"},
    "storage": {"util", "core/domain", "core/ports", "storage"},
    "io": {"util", "core/domain", "core/ports", "io"},
    "pdf": {"util", "core/domain", "core/ports", "pdf"},
    "mail": {"util", "core/domain", "core/ports", "mail"},
    "http": {"util", "core/domain", "core/ports", "core/services", "http"},
    "cli": {"util", "core/domain", "core/ports", "core/services", "demo", "cli"},
    "app": None,  # the composition root may use everything
}
# Tests may also use the fakes, and outside core the services that set up
# their data (a domain rule's test stays free of services).
TEST_EXTRA = {"core/testing", "core/services"}
DOMAIN_TEST_EXTRA = {"core/testing"}
LAYERS = sorted(ALLOWED, key=len, reverse=True)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def layer_of(path: str):
    return next((l for l in LAYERS if path == l or path.startswith(l + "/")), None)


def is_test(name: str) -> bool:
    return name.endswith(("_test.cpp", "_fixture.hpp", "_fixture.cpp"))


def violations(src: pathlib.Path):
    for file in sorted(src.rglob("*")):
        if file.suffix not in (".cpp", ".hpp"):
            continue
        rel = file.relative_to(src).as_posix()
        own = layer_of(rel)
        if own is None:
            yield f"{rel}: folder is in no layer of scripts/check-layers.py"
            continue
        allowed = ALLOWED[own]
        for target in INCLUDE.findall(file.read_text(encoding="utf-8")):
            if target.startswith("../") or "/../" in target:
                yield f"{rel}: includes {target} (includes start at src/)"
                continue
            theirs = layer_of(target)
            if theirs is None and "/" not in target:
                continue  # a sibling-less local header would be caught by the build
            if allowed is None:
                continue
            extra = DOMAIN_TEST_EXTRA if own.startswith("core/domain") else TEST_EXTRA
            ok = allowed | (extra if is_test(file.name) else set())
            if theirs not in ok:
                yield f"{rel}: {own} may not include {target} ({theirs or 'unknown layer'})"


def main() -> int:
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src")
    found = list(violations(src))
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) cross a forbidden layer edge")
        return 1
    print("every include follows the layer table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
