"""BM25 over one collection as a sparse matrix, so that scoring a query is one gather and one bincount.

Each cell holds a document's full BM25 weight for a term, idf * tf * (k1 + 1) / (tf + k1 * norm), computed
once at build time. A query's score for every document is then the sum of its terms' columns. We keep the
matrix in CSC (column = term) for scoring and CSR (row = document) for explaining a single pair.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from kopru.invest.matching.text import tokenize


@dataclass
class SparseBM25:
    vocabulary: dict[str, int]
    terms: list[str]
    by_term: sparse.csc_matrix  # documents x terms
    by_document: sparse.csr_matrix

    @classmethod
    def build(cls, texts: Iterable[str], k1: float = 1.2, b: float = 0.75) -> SparseBM25:
        vocabulary: dict[str, int] = {}
        token_ids = array("i")  # compact: 4 bytes a token, no per-document numpy objects
        lengths = array("i")
        for text in texts:
            before = len(token_ids)
            token_ids.extend(vocabulary.setdefault(token, len(vocabulary)) for token in tokenize(text))
            lengths.append(len(token_ids) - before)
        n_documents = len(lengths)
        if n_documents == 0:
            empty = sparse.csr_matrix((0, 0), dtype=np.float32)
            return cls({}, [], empty.tocsc(), empty)
        indptr = np.zeros(n_documents + 1, dtype=np.int64)
        np.cumsum(np.frombuffer(lengths, dtype=np.int32), out=indptr[1:])
        # one entry per token occurrence; summing duplicates within a row gives term frequencies
        tf = sparse.csr_matrix(
            (np.ones(len(token_ids), dtype=np.float32), np.frombuffer(token_ids, dtype=np.int32), indptr),
            shape=(n_documents, len(vocabulary)),
        )
        tf.sum_duplicates()
        document_frequency = np.bincount(tf.indices, minlength=len(vocabulary))
        # the "+1" form of idf keeps every weight positive, even for a term in most documents
        idf = np.log1p((n_documents - document_frequency + 0.5) / (document_frequency + 0.5)).astype(
            np.float32
        )
        document_length = np.frombuffer(lengths, dtype=np.int32).astype(np.float32)
        norm = 1.0 - b + b * document_length / max(float(document_length.mean()), 1.0)
        row_of_cell = np.repeat(np.arange(n_documents), np.diff(tf.indptr))
        frequency = tf.data
        tf.data = idf[tf.indices] * frequency * (k1 + 1.0) / (frequency + k1 * norm[row_of_cell])
        terms = [""] * len(vocabulary)
        for term, index in vocabulary.items():
            terms[index] = term
        by_term = tf.tocsc()
        by_term.data = by_term.data.astype(np.float64)  # bincount wants float64 weights; convert once
        return cls(vocabulary, terms, by_term, tf)

    @property
    def n_documents(self) -> int:
        return self.by_term.shape[0]

    def term_ids(self, tokens: Sequence[str]) -> np.ndarray:
        """Distinct known terms of a query; a query term counts once however often it repeats."""
        known = {self.vocabulary[token] for token in tokens if token in self.vocabulary}
        return np.fromiter(sorted(known), dtype=np.int64, count=len(known))

    def scores(self, term_ids: np.ndarray) -> np.ndarray:
        """BM25 score of every document for the query terms (float64, one per document)."""
        if len(term_ids) == 0:
            return np.zeros(self.n_documents)
        indptr, indices, data = self.by_term.indptr, self.by_term.indices, self.by_term.data
        bounds = list(zip(indptr[term_ids].tolist(), indptr[term_ids + 1].tolist(), strict=True))
        # each term's postings are one contiguous slice: copying slices beats a fancy-index gather (~2x)
        documents = np.concatenate([indices[start:end] for start, end in bounds])
        weights = np.concatenate([data[start:end] for start, end in bounds])
        return np.bincount(documents, weights=weights, minlength=self.n_documents)

    def shared_terms(
        self, document: int, term_ids: np.ndarray | frozenset[int], limit: int = 5
    ) -> list[tuple[str, float]]:
        """The query terms that contribute most to one document's score, best first.

        Pass the query's term ids as a frozenset when explaining many documents for one query: a set
        lookup over a document's ~50 terms is much cheaper than np.isin per document.
        """
        wanted = term_ids if isinstance(term_ids, frozenset) else frozenset(np.asarray(term_ids).tolist())
        start, end = self.by_document.indptr[document], self.by_document.indptr[document + 1]
        doc_terms = self.by_document.indices[start:end].tolist()
        weights = self.by_document.data[start:end].tolist()
        pairs = sorted(
            ((term, weight) for term, weight in zip(doc_terms, weights, strict=True) if term in wanted),
            key=lambda pair: (-pair[1], self.terms[pair[0]]),
        )
        return [(self.terms[term], weight) for term, weight in pairs[:limit]]
