"""Bulk ingest: the per-document work as pure functions, partitions, and the runners that spread
them over processes or a Dask cluster, with the store written in batches by one writer.

The split is deliberate: everything a worker does (fetch, clean, extract, MinHash) needs no
database, so it can run anywhere and be redone after a lost worker; everything that touches
the store (duplicate checks, near-duplicate lookups, inserts) happens in the one process that
owns the connection, in input order, so a parallel run stores what a serial one stores.
"""
