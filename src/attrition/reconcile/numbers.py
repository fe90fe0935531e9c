"""How two figures for the same thing relate: equal, rounded, or a slip of the pen.

Reconciling reports and checking quotes both come down to the same question about a pair
of numbers, so it is answered once here. The rules are deliberately conservative: a
figure only counts as a *rounding* of another if it is visibly rounder (more trailing
zeros, at most three significant digits) and within one rounding unit, so that a dropped
digit such as 326,400 for 326,440 is not excused as rounding.
"""

from __future__ import annotations

from typing import Literal

#: A rounding ends in at least this many zeros: "about 1,500" for 1,511, not "220" for 215
#: (two battlegroups' figures of one statement are not roundings of each other).
MIN_ZEROS = 2

DigitSlip = Literal["digit_drop", "digit_insert", "transposition", "digit_change"]


def _as_int(value: float) -> int | None:
    return int(value) if float(value).is_integer() and value >= 0 else None


def trailing_zeros(value: float) -> int:
    """Number of trailing zeros of a whole number (0 for 0 and for fractions)."""
    n = _as_int(value)
    if not n:
        return 0
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return zeros


def significant_digits(value: float) -> int:
    """Digits left once trailing zeros are dropped: 35,000 -> 2, 34,700 -> 3."""
    n = _as_int(value)
    if n is None:
        return len(str(value).replace(".", "").strip("0"))
    if n == 0:
        return 1
    return len(str(n)) - trailing_zeros(n)


def is_rounding(rounded: float, exact: float, qualifier: str = "approx") -> bool:
    """Whether `rounded` reads as a rounded form of `exact`.

    It must be rounder than `exact` (more trailing zeros, at least `MIN_ZEROS`, at most three significant
    digits) and be `exact` rounded to its unit: to the nearest unit by default, down for
    "over" (`at_least`: "over 34,000" for 34,700) and up for `at_most` ("nearly 35,000").
    """
    if rounded == exact or rounded <= 0 or exact <= 0:
        return False
    zeros = trailing_zeros(rounded)
    if zeros < MIN_ZEROS or zeros <= trailing_zeros(exact) or significant_digits(rounded) > 3:
        return False
    unit: int = 10**zeros
    if qualifier == "at_least":  # "over 34,000" for 34,700: rounded down
        return rounded <= exact < rounded + unit
    if qualifier == "at_most":  # "nearly 35,000" for 34,700: rounded up
        return rounded - unit < exact <= rounded
    return abs(rounded - exact) * 2 <= unit  # to the nearest unit


def digit_slip(written: float, meant: float) -> DigitSlip | None:
    """The single typing slip that turns `meant` into `written`, if there is one.

    Recognised: one digit dropped (75 for 764 is not one, 76 would be), one digit
    inserted, two adjacent digits swapped, one digit changed. Returns None when the two
    numbers are not one slip apart (or are equal).
    """
    a, b = _as_int(written), _as_int(meant)
    if a is None or b is None or a == b:
        return None
    sa, sb = str(a), str(b)
    if len(sa) == len(sb) - 1 and any(sb[:i] + sb[i + 1 :] == sa for i in range(len(sb))):
        return "digit_drop"
    if len(sa) == len(sb) + 1 and any(sa[:i] + sa[i + 1 :] == sb for i in range(len(sa))):
        return "digit_insert"
    if len(sa) == len(sb):
        diff = [i for i in range(len(sa)) if sa[i] != sb[i]]
        if len(diff) == 2 and sorted(sa) == sorted(sb):
            return "transposition"
        if len(diff) == 1:
            return "digit_change"
    return None


def truncation(written: float, meant: float) -> bool:
    """`written` is `meant` with its last digit(s) cut off: 75 for 764, 3,264 for 32,648."""
    a, b = _as_int(written), _as_int(meant)
    if a is None or b is None or a == 0 or a >= b:
        return False
    sa, sb = str(a), str(b)
    return len(sa) < len(sb) and sb.startswith(sa[:-1]) and len(sa) >= 2 and abs(int(sb[: len(sa)]) - a) <= 1
