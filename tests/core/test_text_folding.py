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
