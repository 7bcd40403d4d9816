#!/usr/bin/env bash
# Builds a kdslab release for this machine: one self-contained executable, with the course
# built in, and its SHA-256.
#
#   scripts/release.sh [--out DIR]      (default DIR: dist)
#
# Writes DIR/kdslab-VERSION-PLATFORM and DIR/kdslab-VERSION-PLATFORM.sha256 (sha256sum's
# format, so `sha256sum -c` checks it). VERSION is KdslabCommand.version; PLATFORM is
#   linux-ARCH-static  fully static (musl), when the Static Linux SDK is installed
#                      (`swift sdk list` shows a *static-linux* SDK): runs on any Linux;
#   linux-ARCH         otherwise: the Swift runtime and Foundation linked in statically
#                      (--static-swift-stdlib); it needs only glibc and the C++ runtime,
#                      which every desktop or server Linux has;
#   macos-ARCH         on macOS, where the Swift runtime is part of the system.
# The build has its own scratch folder (.build/release-dist), so it does not disturb the
# usual .build/debug and .build/release. The result is stripped of its symbols (on Linux) and
# run once from an empty folder with an empty HOME before it is written, to prove it finds
# its course.
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "release.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

version=$(sed -n 's/.*public static let version = "\(.*\)".*/\1/p' Sources/LabCLI/KdslabCommand.swift)
[ -n "$version" ] || { echo "release.sh: cannot read the version from Sources/LabCLI/KdslabCommand.swift" >&2; exit 1; }
arch=$(uname -m)
scratch=.build/release-dist
flags=(-c release --product kdslab --scratch-path "$scratch")

case "$(uname -s)" in
    Linux)
        sdk=$(swift sdk list 2>/dev/null | grep -m1 -i 'static-linux' || true)
        if [ -n "$sdk" ]; then
            flags+=(--swift-sdk "$arch-swift-linux-musl")
            platform="linux-$arch-static"
            echo "Building fully static with the Static Linux SDK ($sdk)"
        else
            flags+=(--static-swift-stdlib)
            platform="linux-$arch"
            echo "Building with --static-swift-stdlib (no Static Linux SDK installed: \`swift sdk list\` shows none)"
        fi
        ;;
    Darwin)
        platform="macos-$arch"
        ;;
    *)
        echo "release.sh: no release recipe for $(uname -s)" >&2
        exit 1
        ;;
esac

swift build "${flags[@]}"
built="$(swift build "${flags[@]}" --show-bin-path)/kdslab"
name="kdslab-$version-$platform"

# Symbols are for debugging; a learner's copy does without them (a third of the size).
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$built" "$stage/$name"
if command -v strip >/dev/null 2>&1 && [ "$(uname -s)" = Linux ]; then
    strip "$stage/$name"
fi

# The smoke test, on the file that ships: a copy in an empty folder, an empty HOME, nothing else.
mkdir "$stage/home" "$stage/work"
cp "$stage/$name" "$stage/work/kdslab"
if ! (cd "$stage/work" && env -i HOME="$stage/home" PATH=/usr/bin:/bin ./kdslab --version | grep -q 'built into kdslab'); then
    echo "release.sh: the built binary did not find its built-in course" >&2
    exit 1
fi

mkdir -p "$out"
cp "$stage/$name" "$out/$name"
(cd "$out" && if command -v sha256sum >/dev/null 2>&1; then sha256sum "$name"; else shasum -a 256 "$name"; fi) > "$out/$name.sha256"

echo "Wrote $out/$name ($(wc -c < "$out/$name" | tr -d ' ') bytes) and $out/$name.sha256"
if command -v ldd >/dev/null 2>&1; then
    echo "ldd $out/$name:"
    ldd "$out/$name" 2>&1 | sed 's/^/  /' || true
fi
