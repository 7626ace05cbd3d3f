"""The `kopru` console command.

Framework-free commands (`extract`, `evaluate`, `market-access`, `calls assign`) run without Django so
that other tools can call them with no database or server; everything else is a Django management
command run through `manage.py`'s machinery.
"""

from __future__ import annotations

import importlib
import os
import sys

# command words -> "module:function" taking argv (the words after the command) and returning an exit code
FRAMEWORK_FREE_COMMANDS: dict[tuple[str, ...], str] = {
    ("extract",): "kopru.intel.extract.cli:main",
    ("evaluate",): "kopru.intel.extract.evaluate:main",
    ("market-access",): "kopru.invest.economics.cli:main",
    ("plant-case",): "kopru.invest.economics.cli:plant_main",
    ("calls", "assign"): "kopru.calls.assignment.cli:main",
    ("match",): "kopru.invest.matching.cli:main",
}


def _framework_free_target(argv: list[str]) -> tuple[str, list[str]] | None:
    for words, target in sorted(FRAMEWORK_FREE_COMMANDS.items(), key=lambda item: -len(item[0])):
        if tuple(argv[: len(words)]) == words:
            return target, argv[len(words) :]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    found = _framework_free_target(argv)
    if found:
        target, rest = found
        module_name, function_name = target.split(":")
        function = getattr(importlib.import_module(module_name), function_name)
        return int(function(rest) or 0)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopru.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kopru", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
