"""Speed benchmarks (not part of the test suite): ``make bench``.

Measures registry loading, drafting per article, and a full ingest of a
synthetic batch of seeds; and the date extractor with a calendar of 3,000 events
(the real one plus synthetic events in its style). Goals (2-core CI machine):
  registry load < 3 s, drafting < 0.25 s per article, ingest of 200 seeds < 60 s,
  dates < 0.1 s per article with 3,000 events, their matching index built < 1.5 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import paths  # noqa: E402
from scripts.events import Calendar, default_calendar, parse_events  # noqa: E402
from scripts.extract import draft_briefing  # noqa: E402
from scripts.extract.dates import extract_date  # noqa: E402
from scripts.registry import load_registry  # noqa: E402
from scripts.seed import read_seed  # noqa: E402
from tests.synthetic_calendar import synthetic_events  # noqa: E402

GOALS = {"registry load (s)": 3.0, "draft per article (s)": 0.25, "ingest 200 seeds (s)": 60.0,
         "calendar index, 3000 events (s)": 1.5, "dates per article, 3000 events (s)": 0.1}


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> int:
    results: dict[str, float] = {}
    results["registry load (s)"], registry = timed(load_registry, paths.REGISTRY)
    seeds = sorted(paths.SEEDS.glob("*.txt"))
    durations = []
    for _ in range(3):
        for seed in seeds:
            durations.append(timed(draft_briefing, seed, registry)[0])
    results["draft per article (s)"] = statistics.median(durations)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "briefings").mkdir()
        for index in range(200):
            source = seeds[index % len(seeds)]
            shutil.copy(source, root / "seeds" / f"{index:04d}_{source.name}")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "scripts", "ingest", "--quiet", "--seeds", str(root / "seeds"),
             "--briefings", str(root / "briefings")],
            cwd=paths.ROOT, check=True, capture_output=True,
        )
        results["ingest 200 seeds (s)"] = time.perf_counter() - start
    real = default_calendar()
    large = Calendar(real.events + parse_events(synthetic_events(3000 - len(real))).events)
    results["calendar index, 3000 events (s)"], _ = timed(large.named_in, "The SCO summit opened.")
    texts = [read_seed(seed) for seed in seeds]
    date_durations = [timed(lambda s: extract_date(s.text, url=s.header.get("url"), events=large), seed)[0]
                      for _ in range(3) for seed in texts]
    results["dates per article, 3000 events (s)"] = statistics.median(date_durations)
    failed = False
    for name, value in results.items():
        ok = value <= GOALS[name]
        failed |= not ok
        print(f"{name:<36}{value:>9.3f}   goal <= {GOALS[name]:<6} {'ok' if ok else 'SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
