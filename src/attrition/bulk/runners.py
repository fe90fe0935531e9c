"""Where partitions run: in this process, in a pool of processes, or on a Dask cluster.

Every runner returns results in the order the tasks were given, with a bounded number in
flight, so memory stays flat however large the input and the writer sees what a serial run
would. Dask reschedules the task of a worker that dies on another worker; the task is pure,
so running it again is harmless.
"""

from __future__ import annotations

import importlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from multiprocessing import get_context
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Tasks in flight per worker: enough to keep each busy while the writer catches up.
AHEAD = 4


class Runner(Protocol):
    workers: int

    def map(self, fn: Callable[[T, Any], R], tasks: Iterable[T], arg: Any) -> Iterator[R]: ...


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ordered(submit: Callable[[T], Any], result: Callable[[Any], R], tasks: Iterable[T], ahead: int) -> Iterator[R]:
    window: deque[Any] = deque()
    for task in tasks:
        window.append(submit(task))
        if len(window) >= ahead:
            yield result(window.popleft())
    while window:
        yield result(window.popleft())


class SerialRunner:
    """Runs each task here, when asked for its result."""

    workers = 1

    def map(self, fn: Callable[[T, Any], R], tasks: Iterable[T], arg: Any) -> Iterator[R]:
        for task in tasks:
            yield fn(task, arg)


class PoolRunner:
    """A pool of `jobs` worker processes (started with `spawn`: no forked locks or threads)."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"))

    def map(self, fn: Callable[[T, Any], R], tasks: Iterable[T], arg: Any) -> Iterator[R]:
        def submit(task: T) -> Future[R]:
            return self.pool.submit(fn, task, arg)

        return _ordered(submit, lambda f: f.result(), tasks, self.workers * AHEAD)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Tasks on a Dask cluster: a scheduler ADDRESS, or `local` for a `LocalCluster` here."""

    def __init__(self, address: str, *, local_workers: int | None = None) -> None:
        dd: Any = importlib.import_module("distributed")  # untyped: used through Any

        self.cluster: Any = None
        self.client: Any
        if address == "local":
            self.cluster = dd.LocalCluster(
                n_workers=local_workers or default_jobs(), threads_per_worker=1, processes=True,
                dashboard_address=None,
            )  # fmt: skip
            self.client = dd.Client(self.cluster)
        else:
            self.client = dd.Client(address)
        self.workers = max(1, sum(self.client.nthreads().values()))

    def map(self, fn: Callable[[T, Any], R], tasks: Iterable[T], arg: Any) -> Iterator[R]:
        # `arg` travels with each task (it is small): scattered data dies with the worker holding it
        def submit(task: T) -> Any:
            return self.client.submit(fn, task, arg, pure=False)

        def result(future: Any) -> R:
            out: R = future.result()
            future.release()
            return out

        return _ordered(submit, result, tasks, self.workers * AHEAD)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


@contextmanager
def _closing(runner: Any) -> Iterator[Any]:
    try:
        yield runner
    finally:
        close = getattr(runner, "close", None)
        if close is not None:
            close()


def open_runner(jobs: int = 1, dask: str | None = None) -> AbstractContextManager[Runner]:
    """The runner for `--jobs N` / `--dask ADDRESS` (`--dask local` starts `jobs` workers)."""
    if dask:
        return _closing(DaskRunner(dask, local_workers=jobs if jobs > 1 else None))
    if jobs > 1:
        return _closing(PoolRunner(jobs))
    return _closing(SerialRunner())
