"""The economics rule tables as Django code uses them: from `settings.DATA_DIR`, never from a path of
its own (the framework-free engine takes the folder as a parameter and caches per folder)."""

from __future__ import annotations

from django.conf import settings

from kopru.invest.economics.rule_tables import Rules, load_rules


def economic_rules() -> Rules:
    return load_rules(settings.DATA_DIR)
