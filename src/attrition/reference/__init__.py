"""Reference series (official and independent figures) to check quoted claims against."""

from attrition.reference.csvfile import load_csv, load_reference
from attrition.reference.petroivaniuk import load_petroivaniuk
from attrition.reference.series import ReferenceIndex, ReferencePoint, ReferenceSeries

__all__ = [
    "ReferenceIndex",
    "ReferencePoint",
    "ReferenceSeries",
    "load_csv",
    "load_petroivaniuk",
    "load_reference",
]
