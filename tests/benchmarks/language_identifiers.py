"""Benchmark: offline language identifiers on short news paragraphs
(``tests/language_samples.py``): accuracy per language, English wrongly
called another language, and paragraphs per second.

Not a test: it prints figures. ``--lingua DIR``: where lingua is installed
(it is not a dependency; ``pip install --target DIR lingua-language-detector``).
fasttext-langdetect is left out: its wheel holds no model, which it downloads
at run time.

    python tests/benchmarks/language_identifiers.py [--lingua DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def py3langid() -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: identifier.classify(text)[0]


def lingua() -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def identify(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "??"

    return identify


def main() -> None:
    from language_samples import SAMPLES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lingua", type=Path)
    args = parser.parse_args()
    candidates = {"py3langid": py3langid}
    if args.lingua:
        sys.path.insert(0, str(args.lingua))
        candidates["lingua"] = lingua
    texts = [(lang, text) for lang, items in SAMPLES.items() for text in items]
    for name, make in candidates.items():
        started = time.perf_counter()
        identify = make()
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        rounds = 20
        for _ in range(rounds):
            found = [identify(text) for _, text in texts]
        elapsed = (time.perf_counter() - started) / rounds
        right = sum(f == lang for f, (lang, _) in zip(found, texts, strict=True))
        english_lost = [
            t
            for f, (lang, t) in zip(found, texts, strict=True)
            if lang == "en" and f != "en"
        ]
        print(
            f"{name}: {right}/{len(texts)} right; English called another "
            f"language: {len(english_lost)} {english_lost}; "
            f"{len(texts) / elapsed:,.0f} paragraphs/s; loaded in {loaded:.2f} s"
        )


if __name__ == "__main__":
    main()
