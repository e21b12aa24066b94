"""helpers.cluster on a real two-process Dask LocalCluster bound to 127.0.0.1.

The mentions must equal the in-process path row for row: the streaming path with the same batch size
(duplicates flagged per batch, ``link_batches=False``) and, with copies linked across partitions,
``tag_mentions(load_corpus())``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import helpers as h
from helpers import cluster, config, streaming

pytestmark = pytest.mark.slow  # renders notebooks / starts workers: run by the full suite

pytest.importorskip("dask.distributed")

FAKES = Path("corpora") / "fa-kes" / "FA-KES-Dataset.csv"


def in_process(source, batch_size: int) -> pd.DataFrame:
    """The streaming path without linking copies across batches."""
    return streaming.concat_mentions([h.tag_mentions(b) for b in h.iter_corpus(source, batch_size=batch_size)])


@pytest.fixture(scope="module")
def client():
    c = cluster.local_client(n_workers=2)
    assert c.scheduler.address.startswith("tcp://127.0.0.1:")
    assert len(c.scheduler_info()["workers"]) == 2
    yield c
    c.close()
    c.cluster.close()


@pytest.fixture(scope="module")
def sample_mentions():
    return h.tag_mentions(h.load_corpus(config.SAMPLE_CORPUS))


def test_sample_in_several_partitions_equals_in_process(client, sample_mentions):
    assert len(cluster.partitions(config.SAMPLE_CORPUS, batch_size=20)) > 2
    # copies linked across partitions: exactly tag_mentions(load_corpus()), duplicate_of included
    m = cluster.tag_mentions(config.SAMPLE_CORPUS, client=client, batch_size=20)
    pd.testing.assert_frame_equal(m, sample_mentions)
    unlinked = cluster.tag_mentions(config.SAMPLE_CORPUS, client=client, batch_size=20, link_batches=False)
    pd.testing.assert_frame_equal(unlinked, in_process(config.SAMPLE_CORPUS, 20))
    assert unlinked["duplicate_of"].notna().sum() < m["duplicate_of"].notna().sum()


def test_sample_in_one_partition_equals_tag_mentions(client, sample_mentions):
    m = cluster.tag_mentions(config.SAMPLE_CORPUS, client=client)
    pd.testing.assert_frame_equal(m, sample_mentions)


def test_fakes_equals_in_process(client, shared_dir):
    path = shared_dir / FAKES
    if not path.is_file():
        pytest.skip(f"no FA-KES file at {path}")
    m = cluster.tag_mentions(path, client=client, batch_size=300)  # one CSV cut into 3 byte ranges
    assert len(m) > 1000
    whole = h.tag_mentions(h.load_corpus(path))
    pd.testing.assert_frame_equal(m, whole)


def test_out_writes_a_dataset_by_month(client, sample_mentions, tmp_path):
    out = cluster.tag_mentions(config.SAMPLE_CORPUS, client=client, out=tmp_path / "ds")
    assert out == tmp_path / "ds" and (out / "month=2024-12").is_dir()
    back = h.read_mentions(out)
    assert (out / streaming.DUPLICATES_FILE).is_file() and not (out / streaming.SIGNATURES_DIR).exists()
    key = ["doc_id", "field", "start"]
    pd.testing.assert_frame_equal(
        back.sort_values(key).reset_index(drop=True), sample_mentions.sort_values(key).reset_index(drop=True)
    )


def test_scheduler_address_string(client, sample_mentions):
    m = cluster.tag_mentions(config.SAMPLE_CORPUS, client=client.scheduler.address)
    pd.testing.assert_frame_equal(m, sample_mentions)
    assert client.status == "running", "a connection by address is closed, the cluster is not"


def test_a_cluster_started_from_an_unguarded_script_runs_its_top_level_once(tmp_path):
    # Dask's worker processes must not re-run a script without an `if __name__ == "__main__":` guard
    import subprocess
    import sys

    path = tmp_path / "unguarded.py"
    path.write_text(
        "import helpers as h\n"
        "from helpers import cluster\n"
        "print('TOP LEVEL')\n"
        "m = cluster.tag_mentions(h.config.SAMPLE_CORPUS, batch_size=10, n_workers=2)\n"
        "print(len(m))\n"
    )
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.count("TOP LEVEL") == 1, run.stdout
    assert int(run.stdout.split()[-1]) == len(h.tag_mentions(h.load_corpus(config.SAMPLE_CORPUS)))


def test_the_load_report_survives_the_cluster(client, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    with open(src / "a.jsonl", "w") as fh:
        fh.writelines(f'{{"title": "t{i}", "text": "HTS fighters entered Idlib {i}."}}\n' for i in range(25))
    (src / "broken.json").write_text('{"title": ')
    m = cluster.tag_mentions(src, client=client, batch_size=10)
    assert (m.attrs["load"]["files_seen"], m.attrs["load"]["files_skipped"], m.attrs["load"]["articles"]) == (2, 1, 25)
    out = cluster.tag_mentions(src, client=client, batch_size=10, out=tmp_path / "m")
    report = pd.read_json(out / "_load_report.json", typ="series")
    assert report["files_loaded"] == 1 and report["skipped"][0][0].endswith("broken.json")
    assert h.read_mentions(out).attrs["load"]["files_skipped"] == 1


def test_undated_partitions_equal_in_process(client, tmp_path):
    # a partition whose dates are all missing raised TypeError in dedupe when copies were linked
    src = tmp_path / "src"
    src.mkdir()
    with open(src / "a.jsonl", "w") as fh:
        fh.writelines(
            f'{{"title": "t{i % 7}", "text": "HTS fighters entered Idlib {i % 7} as Turkey watched."}}\n'
            for i in range(30)
        )
    m = cluster.tag_mentions(src, client=client, batch_size=10)
    pd.testing.assert_frame_equal(
        m.reset_index(drop=True), h.tag_mentions(h.load_corpus(src)).reset_index(drop=True), check_categorical=False
    )
    assert m["date"].isna().all() and m["duplicate_of"].notna().any()
