"""Typed readers for settings that come from environment variables.

Each helper fails loudly on a value it cannot interpret: a typo in production configuration must stop
the process at start-up, not silently fall back to a default.
"""

from __future__ import annotations

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]  # src/kopru/env.py -> the source checkout


class ConfigurationError(ValueError):
    pass


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ConfigurationError(f"Environment variable {name} is required")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(f"{name}={raw!r} is not a boolean (use one of: 1, 0, true, false, yes, no)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def home_dir() -> Path:
    """`KOPRU_HOME`, else the source checkout."""
    return Path(env_str("KOPRU_HOME", str(CHECKOUT)))


def data_dir() -> Path:
    """The reference and rules data folder: `KOPRU_DATA_DIR`, else `data/` under the home folder.

    The one place that reads the variable: settings (`settings.DATA_DIR`) and the framework-free cores'
    command lines take their default from here; Django code passes `settings.DATA_DIR` down.
    """
    return Path(env_str("KOPRU_DATA_DIR", str(home_dir() / "data")))
