#!/usr/bin/env python3
"""Fails when a C++ file includes a project header against the layer direction.

The build enforces most of this already (each library exposes only its own
headers, src/CMakeLists.txt), but a relative include ("../storage/x.h") or a
header reached through another target's include path would slip past it.
This check reads every #include "..." under src/, tests/, bench/ and fuzz/ and
compares the layer of the including file with the layer of the included one.

Usage: check_layers.py [ROOT]          check the tree at ROOT (default: repo)
       check_layers.py --self-test     prove that the checker catches drift
"""

import os
import re
import sys
import tempfile

# Each layer and the layers it may include (itself implied). Folders are
# matched longest prefix first; the layer table is the one in
# docs/architecture.md.
LAYERS = {
    "common": [],
    "domain": ["common"],
    "auth": ["domain", "common"],
    "storage/sql": ["domain", "common"],
    "storage/sqlite": ["storage/sql", "domain", "common"],
    "storage/postgres": ["storage/sql", "domain", "common"],
    "storage/transfer": ["storage/sqlite", "storage/postgres", "storage/sql", "domain", "common"],
    "http": ["auth", "domain", "common"],
    "channels": ["domain", "common"],
    "demo": ["auth", "domain", "common"],
    "app": ["demo", "http", "channels", "auth", "storage/transfer", "storage/sqlite", "storage/postgres",
            "storage/sql", "domain", "common"],
}

# Test and benchmark folders outside src/: what they may include. Tests that
# live beside the code (src/<layer>/*_test.cc) obey their layer's rule.
OUTSIDE = {
    # Test helpers that depend on no layer (a PostgreSQL test database).
    "tests/support": [],
    "tests/contract": ["tests/support", "storage/sqlite", "storage/postgres", "storage/sql", "domain", "common"],
    "tests/services": ["tests/support", "tests/contract", "demo", "auth", "storage/sqlite", "storage/postgres",
                       "storage/sql", "domain", "common"],
    # End-to-end tests talk to the binary over HTTP; they include no layer.
    "tests/e2e": ["tests/support"],
    "tests/browser": [],
    # libFuzzer targets: the parsers of untrusted input, request_parser.h
    # (internal to http/) included.
    "fuzz": ["http", "channels", "domain", "common"],
    "bench": ["storage/sqlite", "storage/postgres", "storage/sql", "domain", "common"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SOURCES = (".cc", ".h")


def layer_of_src(rel):
    """The layer of a path relative to src/, or None."""
    best = None
    for layer in LAYERS:
        if rel == layer or rel.startswith(layer + "/"):
            if best is None or len(layer) > len(best):
                best = layer
    return best


def owner_of(path_from_root):
    """(kind, name) of a file: ('layer', 'domain') or ('outside', 'bench')."""
    if path_from_root.startswith("src/"):
        layer = layer_of_src(path_from_root[len("src/"):])
        return ("layer", layer) if layer else None
    best = None
    for folder in OUTSIDE:
        if path_from_root.startswith(folder + "/"):
            if best is None or len(folder) > len(best):
                best = folder
    return ("outside", best) if best else None


# Tests beside the code may also use the layer-free test helpers.
TEST_FILE = re.compile(r"_test(_fixture)?\.(cc|h)$")


def allowed(owner, rel):
    kind, name = owner
    if kind == "layer":
        extra = {"tests/support"} if TEST_FILE.search(rel) else set()
        return set(LAYERS[name]) | {name} | extra
    return set(OUTSIDE[name]) | {name}


def check(root):
    """Returns a list of 'file:line: message' strings."""
    problems = []
    for top in ("src", "tests", "bench", "fuzz"):
        base = os.path.join(root, top)
        for dirpath, _, files in os.walk(base):
            for f in sorted(files):
                if not f.endswith(SOURCES):
                    continue
                full = os.path.join(dirpath, f)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                owner = owner_of(rel)
                if owner is None:
                    problems.append(f"{rel}:1: file is in no layer; add its folder to "
                                    "scripts/check_layers.py")
                    continue
                with open(full, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                for m in INCLUDE.finditer(text):
                    line = text.count("\n", 0, m.start()) + 1
                    problems += check_include(root, rel, owner, m.group(1), line)
    return problems


def check_include(root, rel, owner, inc, line):
    where = f"{rel}:{line}"
    if ".." in inc.split("/"):
        return [f'{where}: relative include "{inc}": name headers from src/ '
                '("domain/customer.h")']
    here = os.path.dirname(rel)
    # A header beside the including file (tests/contract's "engine.h").
    if os.path.exists(os.path.join(root, here, inc)) and "/" not in inc:
        return []
    if os.path.exists(os.path.join(root, "src", inc)):
        target = ("layer", layer_of_src(inc))
        target_name = layer_of_src(inc)
    else:
        target = owner_of(inc)
        target_name = target[1] if target else None
        if target is None or not os.path.exists(os.path.join(root, inc)):
            # Third-party headers are included with <...>; a quoted name that
            # resolves nowhere comes from another target's include path.
            return [f'{where}: "{inc}" is neither beside this file nor under src/']
    if target_name is None:
        return [f'{where}: "{inc}" is in no layer']
    if target_name in allowed(owner, rel):
        return []
    return [f'{where}: {owner[1]} may not include "{inc}" ({target_name}); '
            f"{owner[1]} may include: {', '.join(sorted(allowed(owner, rel)))}"]


def self_test():
    """Builds small trees and checks that each kind of drift is caught."""
    cases = [
        ("src/http/api/x.cc", '#include "storage/sqlite/store.h"\n', True),
        ("src/domain/x_test.cc", '#include "tests/contract/engine.h"\n', True),
        ("src/domain/y.cc", '#include "../storage/sqlite/store.h"\n', True),
        ("src/common/z.cc", '#include "domain/customer.h"\n', True),
        ("src/app/main.cc", '#include "storage/sqlite/store.h"\n', False),
        ("src/storage/sqlite/s.cc", '#include "domain/customer.h"\n', False),
        ("tests/contract/t.cc", '#include "http/server.h"\n', True),
        ("src/newlayer/q.cc", '#include "common/status.h"\n', True),
        ("src/domain/w_test.cc", '#include "engine.h"\n', True),
        ("src/storage/postgres/p_test.cc", '#include "tests/support/pg.h"\n', False),
        ("src/storage/postgres/p.cc", '#include "tests/support/pg.h"\n', True),
        ("tests/contract/u.cc", '#include "engine.h"\n', False),
    ]
    failures = 0
    for path, body, should_fail in cases:
        with tempfile.TemporaryDirectory() as root:
            for header in ("storage/sqlite/store.h", "domain/customer.h", "common/status.h",
                           "http/server.h"):
                os.makedirs(os.path.join(root, "src", os.path.dirname(header)), exist_ok=True)
                open(os.path.join(root, "src", header), "w").close()
            for helper in ("tests/contract/engine.h", "tests/support/pg.h"):
                os.makedirs(os.path.join(root, os.path.dirname(helper)), exist_ok=True)
                open(os.path.join(root, helper), "w").close()
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as fh:
                fh.write(body)
            found = [p for p in check(root) if p.startswith(path)]
            if bool(found) != should_fail:
                failures += 1
                print(f"self-test: {path} with {body.strip()!r}: expected "
                      f"{'a finding' if should_fail else 'none'}, got {found}")
    print(f"{len(cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


def main(argv):
    if len(argv) > 1 and argv[1] == "--self-test":
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f"check_layers: {len(problems)} include(s) against the layer direction "
              "(docs/architecture.md)")
        return 1
    print("check_layers: every include follows the layer direction")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
