"""Parsing a corpus: ``speechparse batch`` and the pieces it is made of, a layer over the
public API (nothing in the pipeline imports it).

- sources.py: files, directories, JSONL and Parquet inputs, read lazily.
- records.py: a record (an id and its Speech, or an error) and its JSON Schema.
- pool.py: worker processes, records back in input order, time limits, bounded memory.
- sinks.py: JSONL and Parquet outputs; tables.py: the flat tables.
- arrow.py: Arrow types from the models, and ``parse_table`` for Dask, Spark or Ray.
- batch.py: the command.

Parquet, the tables and the progress bar need the ``batch`` extra (pyarrow, tqdm).
"""

from .records import Record, RecordError, record_schema

__all__ = ["Record", "RecordError", "record_schema"]
