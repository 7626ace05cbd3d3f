import pytest

from kopru.core.text import fold

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Kacır", "kacir"),
        ("KACIR", "kacir"),
        ("İstanbul", "istanbul"),
        ("Şükrü Öztürk", "sukru ozturk"),
        ("Çağrı  Güneş", "cagri gunes"),
        ("Zürich Straße", "zurich strasse"),
        ("尹合君", "尹合君"),
        ("", ""),
    ],
)
def test_fold_strips_diacritics_and_case(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("iş birliği alanı", "tr", "İş birliği alanı"),
        ("ımza", "tr", "Imza"),
        ("iş", "en", "Iş"),
        ("", "tr", ""),
    ],
)
def test_capitalisation_follows_the_language(text, language, expected):
    from kopru.core.text import capfirst_localised

    assert capfirst_localised(text, language) == expected
