"""Engines: run the per-document function (sandbox.convert_guarded) over many tasks, yielding outcomes as they
finish. `local`: a pool of guarded worker processes on this machine. `dask`: the workers of a Dask cluster
(dask.distributed; a LocalCluster on 127.0.0.1 unless a scheduler address is given). Both keep only a few
tasks per worker in flight, so memory stays flat however long the batch."""

from __future__ import annotations

import queue
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from congvan.pipeline.sandbox import Sandbox, convert_guarded, failure

IN_FLIGHT = 2  # tasks queued per worker


class EngineError(RuntimeError):
    """The engine cannot run at all (Dask missing, scheduler unreachable)."""


def run(engine: str, tasks: Sequence[dict], jobs: int, scheduler: str | None = None) -> Iterator[tuple[int, dict]]:
    """(index into tasks, outcome) for every task, in the order they finish."""
    if engine not in ("local", "dask"):
        raise EngineError(f"unknown engine {engine!r}")
    if tasks:
        yield from (run_dask(tasks, jobs, scheduler) if engine == "dask" else run_local(tasks, jobs))


def run_local(tasks: Sequence[dict], jobs: int) -> Iterator[tuple[int, dict]]:
    """A guarded worker process per job; driver threads feed them and wait (with the time limit) for answers."""
    boxes = [Sandbox() for _ in range(max(1, min(jobs, len(tasks))))]
    free: queue.Queue[Sandbox] = queue.Queue()
    for box in boxes:
        free.put(box)

    def work(task: dict) -> dict:
        box = free.get()
        try:
            return box.run(task)
        finally:
            free.put(box)

    pool = ThreadPoolExecutor(len(boxes), thread_name_prefix="congvan")
    finished = False
    try:
        pending: dict = {}
        waiting = iter(enumerate(tasks))
        while True:
            for index, task in waiting:
                pending[pool.submit(work, task)] = index
                if len(pending) >= IN_FLIGHT * len(boxes):
                    break
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
        finished = True
    finally:
        for box in boxes:
            box.shutdown(kill=not finished)
        pool.shutdown(wait=True, cancel_futures=True)


def run_dask(tasks: Sequence[dict], jobs: int, scheduler: str | None = None) -> Iterator[tuple[int, dict]]:
    """The same guarded function on Dask workers (each worker thread keeps its own worker process)."""
    client, cluster = _connect(jobs, scheduler)
    from dask.distributed import as_completed

    try:
        slots = max(jobs, sum(client.nthreads().values()))
        waiting = iter(enumerate(tasks))
        index: dict[str, int] = {}

        def submit() -> object | None:
            i, task = next(waiting, (None, None))
            if task is None:
                return None
            future = client.submit(convert_guarded, task, pure=False)
            index[future.key] = i
            return future

        running = as_completed([f for f in (submit() for _ in range(IN_FLIGHT * slots)) if f is not None])
        for future in running:
            i = index.pop(future.key)
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails its document, not the batch
                outcome = failure(tasks[i], "engine", "internal", f"{type(exc).__name__}: {exc}")
            future.release()
            yield i, outcome
            following = submit()
            if following is not None:
                running.add(following)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(jobs: int, scheduler: str | None):  # noqa: ANN202 - (Client, LocalCluster | None)
    try:
        import logging

        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError("--engine dask needs dask.distributed: pip install 'dask[distributed]'") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(n_workers=jobs, processes=True, threads_per_worker=1, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster
