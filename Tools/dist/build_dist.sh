#!/bin/sh
# Builds the self-contained nazif binary (Swift runtime and ICU linked statically) and packs
# dist/nazif-VERSION-linux-ARCH/ (binary, README, licences) and its .tar.gz.
# Usage: Tools/dist/build_dist.sh [SWIFT]   (run from the repository root; `make dist` calls it)
#
# How ICU ends up static without touching Package.swift: the system-library target CICU reads
# the pkg-config files icu-uc.pc and icu-i18n.pc, and SwiftPM looks in PKG_CONFIG_PATH first.
# This script writes its own two files there (in .build/static-icu/pkgconfig) whose -L names a
# directory holding only ICU's .a archives (links to Debian libicu-dev's), plus the libraries
# static ICU needs (libstdc++, libm, libdl, libpthread, which stay dynamic like libc). The
# ordinary `swift build` does not set PKG_CONFIG_PATH and keeps linking the shared ICU.
# (-Xlinker -L does not work: SwiftPM puts the system .pc's -L/usr/lib/... before it.)
set -eu
SWIFT=${1:-swift}
root=$(pwd)
version=$(sed -n 's/^ *version: "\([^"]*\)".*/\1/p' Sources/nazif/Nazif.swift | head -n 1)
[ -n "$version" ] || { echo "build_dist: no version in Sources/nazif/Nazif.swift" >&2; exit 1; }
arch=$(uname -m)
name="nazif-$version-linux-$arch"
libdir=$(pkg-config --variable=libdir icu-uc)
static="$root/.build/static-icu"
mkdir -p "$static/pkgconfig"
for lib in icuuc icui18n icudata; do
    [ -f "$libdir/lib$lib.a" ] || { echo "build_dist: $libdir/lib$lib.a missing (install libicu-dev)" >&2; exit 1; }
    ln -sf "$libdir/lib$lib.a" "$static/lib$lib.a"
done
icu_version=$(pkg-config --modversion icu-uc)
includedir=$(pkg-config --variable=includedir icu-uc)
cat > "$static/pkgconfig/icu-uc.pc" <<PC
Name: icu-uc
Description: ICU common and data libraries, static (written by Tools/dist/build_dist.sh)
Version: $icu_version
Cflags: -I$includedir
Libs: -L$static -licuuc -licudata -lstdc++ -lm -ldl -lpthread
PC
cat > "$static/pkgconfig/icu-i18n.pc" <<PC
Name: icu-i18n
Description: ICU internationalization library, static (written by Tools/dist/build_dist.sh)
Version: $icu_version
Requires: icu-uc
Cflags: -I$includedir
Libs: -L$static -licui18n
PC

PKG_CONFIG_PATH="$static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
    nice -n 5 "$SWIFT" build -c release --static-swift-stdlib --product nazif
bin=$("$SWIFT" build -c release --show-bin-path)/nazif

out="dist/$name"
rm -rf "$out" "$out.tar.gz"
mkdir -p "$out/licenses"
cp "$bin" "$out/nazif"
strip "$out/nazif" 2>/dev/null || true
cp README.md "$out/README.md"
cp Tools/dist/LICENSES.md "$out/licenses/README.md"
cp /usr/share/doc/libicu72/copyright "$out/licenses/ICU.txt" 2>/dev/null \
    || cp "$(ls /usr/share/doc/libicu*/copyright | head -n 1)" "$out/licenses/ICU.txt"
swift_root=$(dirname "$(dirname "$(command -v "$SWIFT")")")
cp "$swift_root/share/swift/LICENSE.txt" "$out/licenses/Swift.txt"
cp .build/checkouts/swift-argument-parser/LICENSE.txt "$out/licenses/swift-argument-parser.txt"
# The name dictionary embedded in the binary: its header states sources, licences, attribution.
sed -n '/^#/p;/^[^#]/q' Sources/ArabicText/Data/names.tsv > "$out/licenses/names-data.txt"
tar -C dist -czf "$out.tar.gz" "$name"
echo "build_dist: $out/ and $out.tar.gz ($(du -h "$out/nazif" | cut -f1) binary)"
