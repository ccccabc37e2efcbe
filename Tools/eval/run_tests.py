#!/usr/bin/env python3
"""Run Tools/eval/test_*.py with unittest and end with the plain summary line CI reads:
`eval: N passed, N failed, N skipped`. Exit 1 when a test failed or none ran."""
import sys
import unittest
from pathlib import Path

suite = unittest.defaultTestLoader.discover(str(Path(__file__).resolve().parent), pattern="test_*.py")
result = unittest.TextTestRunner(verbosity=1).run(suite)
failed = len(result.failures) + len(result.errors)
skipped = len(result.skipped)
passed = result.testsRun - failed - skipped
print(f"eval: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
