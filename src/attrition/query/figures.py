"""A figure as the article states it: "over 2,000", "up to 650", "1,000-1,200", "1,262 a day".

Fields such as `value=2000, qualifier=at_least` are what the checks compare; a reader wants
the words back, so every listing shows this text next to the fields it came from.
"""

from __future__ import annotations


def fmt_number(value: float | int) -> str:
    """`34700.0` -> `34,700`; fractions keep their decimals (`2.5`)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,}"


_PREFIX = {"at_least": "over ", "at_most": "up to ", "approx": "about ", "exact": "", "range": ""}
_RATE = {"per_day": " a day", "per_week": " a week", "per_month": " a month"}


def stated_figure(
    value: float | int, value_max: float | int | None = None, qualifier: str = "exact", rate: str | None = None
) -> str:
    """The figure in words a reader recognises from the article.

    >>> stated_figure(2000, qualifier="at_least")
    'over 2,000'
    >>> stated_figure(1000, 1200, "range")
    '1,000-1,200'
    >>> stated_figure(1262, rate="per_day")
    '1,262 a day'
    """
    text = fmt_number(value)
    if value_max is not None:
        text += "-" + fmt_number(value_max)
    text = _PREFIX.get(qualifier, "") + text
    if rate:
        text += _RATE.get(rate, f" ({rate})")
    return text
