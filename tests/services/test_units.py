"""One size format everywhere."""

import pytest

from console.services.units import human_size


@pytest.mark.parametrize(("n", "text"), [(-1, "—"), (0, "0 B"), (1023, "1023 B"), (1536, "1.5 KB"),
                                         (5 * 1024**2, "5.0 MB"), (4 * 1024**3, "4.0 GB"), (3 * 1024**4, "3.0 TB")])
def test_human_size(n: int, text: str) -> None:
    assert human_size(n) == text
