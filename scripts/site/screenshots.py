"""Screenshots of the site in light and dark mode (headless Debian Chromium, Playwright).

    python -m scripts.site.screenshots            # the real archive (the demo one while briefings/ is empty)
    python -m scripts.site.screenshots --sample   # always the demo archive

Builds the site in a temporary copy of the project (never touching docs/ or
site/), then saves home, a briefing and an actor page, each in light and dark,
as ``docs/assets/screenshots/{page}-{scheme}.png`` at 1280x800. Only
``home-light.png`` is committed (see the folder's .gitignore).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .. import paths
from . import sample

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
OUT = paths.DOCS / "assets" / "screenshots"


def build(workdir: Path, use_sample: bool) -> Path:
    """Build the site in a copy of the project under ``workdir``; return its site/ directory."""
    project = sample.copy_project(paths.ROOT, workdir / "project")
    has_briefings = any(paths.BRIEFINGS.glob("*.md"))
    if use_sample or not has_briefings:
        print("using the demo archive" + ("" if use_sample else " (briefings/ is empty)"))
        sample.write_sample(project, hostile=False)
    else:
        for part in ("briefings", "registry", "seeds"):
            shutil.copytree(paths.ROOT / part, project / part)
    result = sample.build_site(project)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr}")
    return project / "site"


def targets(page: object, site: Path) -> dict[str, str]:
    """URLs of the home page, the newest briefing and the most-named person (found by clicking paths)."""
    home = (site / "index.html").as_uri()
    page.goto(home)  # type: ignore[attr-defined]
    briefing = page.locator("article a[href*='generated/briefings/']").first.get_attribute("href")  # type: ignore[attr-defined]
    actor = page.locator("article a.ca-chip--person").first.get_attribute("href")  # type: ignore[attr-defined]
    base = home.rsplit("/", 1)[0] + "/"
    out = {"home": home}
    if briefing:
        out["briefing"] = base + briefing
    if actor:
        out["actor"] = base + actor
    return out


def shoot(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        for scheme in ("light", "dark"):
            context = playwright.chromium.launch_persistent_context(
                f"{profile}/{scheme}", executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                viewport=VIEWPORT,  # type: ignore[arg-type]
                color_scheme=scheme,  # the palette follows prefers-color-scheme
            )
            page = context.pages[0] if context.pages else context.new_page()
            for name, url in targets(page, site).items():
                page.goto(url)
                page.wait_for_load_state("load")
                path = out / f"{name}-{scheme}.png"
                page.screenshot(path=str(path))
                saved.append(path)
            context.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", action="store_true", help="use the demo archive even if briefings/ has files")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {paths.relative(OUT)})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        site = build(Path(workdir), args.sample)
        for path in shoot(site, args.out):
            print(f"saved {paths.relative(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
