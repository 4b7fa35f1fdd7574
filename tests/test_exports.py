"""The public names of the package stay importable from ``antqa``."""

import antqa


def test_public_names() -> None:
    assert sorted(antqa.__all__) == sorted(
        [
            "Answer",
            "AntqaError",
            "Citation",
            "ConfigurationError",
            "ExportUnsupported",
            "IndexCorrupt",
            "IndexMismatch",
            "IndexNotFound",
            "IndexProblem",
            "InvalidQuestion",
            "ModelUnavailable",
            "Overloaded",
            "ServiceUnreachable",
            "ShortAnswer",
            "SourceError",
            "__version__",
        ]
    )
    for name in antqa.__all__:
        assert getattr(antqa, name) is not None


def test_error_messages_carry_their_kind() -> None:
    err = antqa.IndexNotFound("no index at x — run antqa build-index")
    assert str(err) == "IndexNotFound: no index at x — run antqa build-index"
    assert err.message == "no index at x — run antqa build-index"
    assert isinstance(err, antqa.AntqaError)
