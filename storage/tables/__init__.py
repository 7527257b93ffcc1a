"""The tables, one module per group: plain functions over an open sqlite-utils ``Database``.

Each module holds the reads and the SQL of the writes of its tables, and the audit entry each change
leaves. None opens a transaction: the repository runs a write's functions inside its one committed
transaction together with the audit entries (``Repository._write``).
"""
