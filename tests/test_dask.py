"""The Dask engine: documents in partitions on a cluster, written into the store by the client."""
from __future__ import annotations

import pytest

from extractor.run import run_corpus
from extractor.settings import Settings

from .conftest import CORPUS

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[dask]')")


@pytest.mark.slow
def test_a_local_cluster_gives_the_documents_of_a_local_run(nlp, tmp_path):
    local = run_corpus([str(CORPUS)], tmp_path / "local", Settings(batch_size=2))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_corpus([str(CORPUS)], tmp_path / "dask",
                             Settings(batch_size=2, engine="dask", scheduler=cluster.scheduler_address))
    assert (summary.written, summary.failed) == (local.written, 0) == (5, 0)
    for name in ("documents.jsonl", "claims.csv", "graph.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_the_dask_engine_needs_a_scheduler(tmp_path):
    from extractor.errors import UsageError

    with pytest.raises(UsageError, match="needs --scheduler"):
        run_corpus([str(CORPUS)], tmp_path, Settings(engine="dask"))
