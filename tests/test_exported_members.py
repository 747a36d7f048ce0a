"""The public API is exactly what __all__ says, sorted, and all of it exists."""

import factlint


def test_all_is_sorted_and_complete():
    public = {name for name in dir(factlint) if not name.startswith("_")} - {"cli"}
    assert factlint.__all__ == sorted(factlint.__all__, key=str.casefold)
    assert set(factlint.__all__) == public
