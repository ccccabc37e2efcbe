#!/usr/bin/env python3
"""Builds the nazif wheel (python/) with the self-contained binary inside (`make wheel`).

    python3 Tools/python/build_wheel.py --binary dist/nazif-0.1.0-linux-x86_64/nazif --out dist

The platform tag is manylinux_2_N_ARCH, N being the newest glibc symbol version the binary
needs (objdump -T): the binary links only libc, libm, libstdc++ and libgcc_s dynamically (ICU
and the Swift runtime are inside), which is what manylinux allows. Without objdump the tag is
linux_ARCH. Builds with `python -m build` when the `build` module is there (isolated, fetching
hatchling), else with `pip wheel`.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
PACKAGE = REPO / "python"


def platform_tag(binary: Path) -> str:
    arch = platform.machine()
    try:
        symbols = subprocess.run(["objdump", "-T", str(binary)], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return f"linux_{arch}"
    versions = [tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_(\d+\.\d+)", symbols)]
    if not versions:
        return f"linux_{arch}"
    major, minor = max(versions)
    return f"manylinux_{major}_{minor}_{arch}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, type=Path, help="the self-contained nazif (make dist)")
    parser.add_argument("--out", default=REPO / "dist", type=Path, help="where the wheel goes")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"build_wheel: {args.binary} is not an executable (run make dist)")
    target = PACKAGE / "nazif" / "bin" / "nazif"
    target.parent.mkdir(exist_ok=True)
    shutil.copy2(args.binary, target)
    target.chmod(0o755)
    env = dict(os.environ, NAZIF_WHEEL_PLATFORM=platform_tag(args.binary))
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("nazif-*.whl"):
        old.unlink()
    try:
        import build  # noqa: F401
        command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(args.out.resolve()), str(PACKAGE)]
    except ImportError:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(args.out.resolve()), str(PACKAGE)]
    print("build_wheel:", " ".join(command), f"(platform {env['NAZIF_WHEEL_PLATFORM']})")
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wheels = sorted(args.out.glob("nazif-*.whl"))
    for wheel in wheels:
        print(f"build_wheel: {wheel} ({wheel.stat().st_size / 1e6:.1f} MB)")
    return 0 if wheels else 1


if __name__ == "__main__":
    sys.exit(main())
