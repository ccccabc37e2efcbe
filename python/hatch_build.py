"""Hatch build hook: a wheel that carries the nazif binary is a platform wheel.

The tag comes from NAZIF_WHEEL_PLATFORM (set by Tools/python/build_wheel.py from the glibc
symbol versions the binary needs, e.g. manylinux_2_35_x86_64); the wheel is py3-none-PLATFORM
since the Python code itself is pure and the binary is started as a process.
"""

import os
import sysconfig
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        if self.target_name != "wheel":
            return
        binary = Path(self.root) / "nazif" / "bin" / "nazif"
        if not binary.is_file():
            raise RuntimeError(f"{binary} missing: build the wheel with `make wheel` (it copies the dist binary in)")
        platform = os.environ.get("NAZIF_WHEEL_PLATFORM") or sysconfig.get_platform().replace("-", "_").replace(".", "_")
        build_data["pure_python"] = False
        build_data["tag"] = f"py3-none-{platform}"
