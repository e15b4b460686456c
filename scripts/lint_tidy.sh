#!/usr/bin/env bash
# Runs clang-tidy, configured by .clang-tidy at the repo root, over the
# project's C++ sources and fails on any finding in the project's own code
# (src/, tests/ and their headers). Registered with CTest as lint_clang_tidy.
#
#   scripts/lint_tidy.sh                 .cc files under src/ and tests/ changed
#                                        since HEAD~1: the last commit plus the
#                                        working tree (staged, unstaged, untracked)
#   scripts/lint_tidy.sh --all           every .cc file in the compilation database
#   scripts/lint_tidy.sh --base REF      changed since REF (e.g. origin/main;
#                                        default $LUISTER_TIDY_BASE, else HEAD~1)
#   scripts/lint_tidy.sh FILE...         exactly these files
#   options: -p/--build-dir DIR (default build; needs compile_commands.json),
#            -j N parallel clang-tidy processes (default 2)
#
# A changed header counts as its .cc (foo.h -> foo.cc, else foo_test.cc);
# every header the checked files include is checked too. Without a parent
# commit (a depth-1 clone, the first commit, no git) there is no "changed":
# it then checks src/common/, the layer every other includes, plus what
# differs from HEAD, and says so.
# Files missing from the compilation database (not built) are skipped, noted.
# Exit status: 0 clean, 1 findings or clang-tidy failed, 2 usage or setup.
set -euo pipefail

here=$PWD
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

usage() { sed -n '6,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

build=build
jobs=2
mode=changed
base=${LUISTER_TIDY_BASE:-HEAD~1}
files=()
while (($#)); do
  case $1 in
    --all) mode=all ;;
    --base) [[ $# -ge 2 ]] || usage; base=$2; shift ;;
    -p | --build-dir) [[ $# -ge 2 ]] || usage; build=$(cd "$here" && realpath -m "$2"); shift ;;
    -j) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || usage; jobs=$2; shift ;;
    -h | --help) usage ;;
    -*) echo "lint_tidy: unknown option $1" >&2; usage ;;
    *) mode=files; files+=("$(cd "$here" && realpath -m --relative-base="$root" "$1")") ;;
  esac
  shift
done

tidy=${CLANG_TIDY:-}
if [[ -z $tidy ]]; then
  for t in clang-tidy clang-tidy-14; do
    command -v "$t" >/dev/null && { tidy=$t; break; }
  done
fi
if [[ -z $tidy ]]; then
  echo "lint_tidy: clang-tidy not found; install it: apt-get install -y clang-tidy" >&2
  exit 2
fi
db=$build/compile_commands.json
if [[ ! -f $db ]]; then
  echo "lint_tidy: $db missing; configure first (make configure)" >&2
  exit 2
fi

# Sources the build compiles, relative to the repo (generated ones excluded).
mapfile -t in_db < <(sed -n 's|^ *"file": *"\(.*\)",\{0,1\} *$|\1|p' "$db" |
                     sed -n "s|^$root/||p" | grep -E '^(src|tests)/.*\.cc$' | sort -u)
declare -A built
for f in "${in_db[@]}"; do built[$f]=1; done

# Prints the paths (one a line) under src/ and tests/ that differ in the
# working tree from commit $1, untracked ones included; fails when there is
# no such commit (or no git).
changed_since() {
  export GIT_OPTIONAL_LOCKS=0 # read only: never refresh the index
  git rev-parse -q --verify "$1^{commit}" >/dev/null 2>&1 || return 1
  git diff --no-ext-diff --name-only "$1" -- src tests
  git ls-files --others --exclude-standard -- src tests
}

reason=
case $mode in
  all)
    targets=("${in_db[@]}")
    reason="every .cc file" ;;
  files)
    targets=("${files[@]}")
    reason="files given" ;;
  changed)
    if paths=$(changed_since "$base"); then
      reason=".cc files changed since $base"
    else
      paths=$(printf '%s\n' "${in_db[@]}" | grep '^src/common/' || true)
      paths+=$'\n'$(changed_since HEAD || true)
      reason="no commit $base to compare with (shallow clone?): src/common/ and uncommitted changes"
    fi
    targets=()
    while IFS= read -r f; do
      case $f in
        *.h)
          if [[ -f ${f%.h}.cc ]]; then f=${f%.h}.cc
          elif [[ -f ${f%.h}_test.cc ]]; then f=${f%.h}_test.cc
          else continue; fi ;;
        *.cc) ;;
        *) continue ;;
      esac
      [[ -f $f ]] || continue # deleted
      if [[ -n ${built[$f]:-} ]]; then
        targets+=("$f")
      else
        echo "lint_tidy: $f is not in $db (not built), skipped"
      fi
    done < <(sort -u <<<"$paths")
    mapfile -t targets < <(printf '%s\n' "${targets[@]}" | grep . | sort -u || true)
    ;;
esac

if ((${#targets[@]} == 0)); then
  echo "lint_tidy: nothing to check ($reason)"
  exit 0
fi
echo "lint_tidy: $($tidy --version | grep -o 'version [0-9.]*'), ${#targets[@]} files ($reason), -j $jobs"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$SECONDS

# One clang-tidy per file: $out/<n>.log holds a "### <file>" line and its
# output, $out/<n>.rc its exit status. --quiet drops the "N warnings
# generated" counts (system headers' warnings, filtered out).
export tidy build out
for ((n = 0; n < ${#targets[@]}; n++)); do
  printf '%s\0%s\0' "$n" "${targets[$n]}"
done | xargs -0 -n 2 -P "$jobs" bash -c '
  echo "### $2" >"$out/$1.log"
  "$tidy" -p "$build" --quiet "$2" >>"$out/$1.log" 2>&1
  echo $? >"$out/$1.rc"' _

# Prints the findings, each once (a header is seen from every file that
# includes it), with paths relative to the repo (headers reached through the
# build/include/<target>/ links resolved to their real place), then a count
# per check; writes the number of findings to $out/findings.
#
# An error inside a system header (outside the repo, and not the file being
# checked) is not a finding: the build compiles with
# GCC, and clang 14 rejects some C++20 that GCC and libstdc++ 12 accept (a
# map<tuple<string, ...>, less<>> looked up by tuple<string_view, ...>). It is
# printed as a note, since clang-tidy saw less of that file, unless the file
# has errors of its own (then those are findings and the rest follows them).
report=$(cat "$out"/[0-9]*.log | awk -v root="$root/" -v summary="$out/findings" '
  function rel(p,   r, cmd) {
    if (!(p in cache)) {
      cmd = "realpath -m \"" p "\""
      cmd | getline r
      close(cmd)
      if (index(r, root) == 1) r = substr(r, length(root) + 1)
      cache[p] = r
    }
    return cache[p]
  }
  function located(s,   part) {
    split(s, part, ":")
    return rel(part[1]) substr(s, length(part[1]) + 1)
  }
  /^### / { file = substr($0, 5); keep = 0; next }
  /^[^ ].*:[0-9]+:[0-9]+: (warning|error): / {
    line = located($0)
    if (line ~ /^\// && line ~ /: error: / && index(line, file ":") != 1) {
      if (!(file in toolchain)) toolchain[file] = line
      keep = 0
      next
    }
    if (line ~ /: error: /) own_error[file] = 1
    keep = !(line in seen)
    seen[line] = 1
    if (keep) {
      n++
      check = "compiler"
      if (match(line, /\[[^]]*\]$/)) check = substr(line, RSTART + 1, RLENGTH - 2)
      sub(/,-warnings-as-errors/, "", check)
      count[check]++
      print line
    }
    next
  }
  /^[^ ].*:[0-9]+:[0-9]+: note: / { if (keep) print located($0); next }
  /^[0-9]+ (warning|error)s? (and [0-9]+ errors? )?generated\.$/ { next }
  /^Error while processing / || /^Suppressed [0-9]+ warnings/ || /^Use -header-filter/ { next }
  { if (keep) print }
  END {
    for (f in toolchain)
      if (!(f in own_error)) printf "lint_tidy: note: clang cannot compile %s (GCC can), its findings may be incomplete:\n  %s\n", f, toolchain[f]
    if (n) {
      printf "\nlint_tidy: %d finding%s:\n", n, n == 1 ? "" : "s"
      fflush()
      for (c in count) printf "  %5d  %s\n", count[c], c | "sort -k2"
      close("sort -k2")
    }
    print n + 0 > summary
  }')
[[ -n $report ]] && echo "$report"

# clang-tidy failing without an error message (a crash, a bad option).
failed=()
for ((n = 0; n < ${#targets[@]}; n++)); do
  if [[ $(cat "$out/$n.rc") != 0 ]] && ! grep -q ': error: ' "$out/$n.log"; then
    failed+=("${targets[$n]}")
    tail -n 20 "$out/$n.log"
  fi
done
((${#failed[@]} == 0)) || echo "lint_tidy: clang-tidy failed on: ${failed[*]}"

findings=$(cat "$out/findings")
elapsed=$((SECONDS - start))
if ((findings == 0 && ${#failed[@]} == 0)); then
  echo "lint_tidy: ${#targets[@]} files clean in ${elapsed}s"
  exit 0
fi
echo "lint_tidy: FAILED after ${elapsed}s: fix the findings above, or, if a check is wrong for this code, turn it off in .clang-tidy and say why there"
exit 1
