"""claimcheck: extract dated and numeric claims from prose and reconcile them with a record."""

__version__ = "0.1.0"
