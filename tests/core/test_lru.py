"""The per-process memo store: least recently used out first, entries tied to the token they came with."""

from kopru.core.lru import Remembered


def test_the_least_recently_used_entry_goes_first():
    store, computed = Remembered(2), []

    def value(key):
        return lambda: computed.append(key) or key.upper()

    assert [store.get_or_compute(k, value(k)) for k in ["a", "b", "a", "c", "a", "b"]] == list("ABACAB")
    assert computed == ["a", "b", "c", "b"]  # "b" was the oldest when "c" came in
    assert len(store) == 2


def test_an_entry_is_reused_only_for_the_same_token():
    store, first_rules, new_rules = Remembered(4), object(), object()
    assert store.get_or_compute("k", lambda: 1, token=first_rules) == 1
    assert store.get_or_compute("k", lambda: 2, token=first_rules) == 1
    assert store.get_or_compute("k", lambda: 3, token=new_rules) == 3
    store.clear()
    assert len(store) == 0
