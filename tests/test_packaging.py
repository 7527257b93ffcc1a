"""Packaging: the built wheel carries the banks and catalogs and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module."""
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels = list(out.glob("kartlagg-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_the_wheel_carries_banks_and_catalogs(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "interview/_data/question_banks/sassam.toml" in names
    assert "interview/_data/question_banks/README.md" in names
    assert any(name.startswith("interview/_data/locales") for name in names)
    assert "storage/repository.py" in names
    assert "interview/tui/kartlagg.tcss" in names
    assert "interview/tui/practice.tcss" in names
    assert "interview/_data/question_banks/sprakcafe/sprakcafe.toml" in names
    assert "interview/_data/question_banks/sprakcafe/sprakcafe.ar.toml" in names
    for font in ("NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansEthiopic-Regular"):
        assert f"interview/documents/fonts/{font}.ttf" in names
    assert "interview/documents/fonts/OFL.txt" in names
    assert not any(name.startswith("tests/") for name in names)
    assert not any(name.endswith(".db") for name in names)


@pytest.mark.slow
def test_the_installed_wheel_checks_its_bank_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(environment)
    python = environment / "bin" / "python"
    pip_env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        env=pip_env,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PATH": f"{environment / 'bin'}:/usr/bin:/bin",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
    }
    result = subprocess.run(
        [str(environment / "bin" / "kartlagg"), "bank", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fel" in result.stdout
    assert str(ROOT) not in result.stdout, "the bank was read from the checkout, not the wheel"
    assert "site-packages/interview/_data/question_banks/sassam.toml" in result.stdout
    assert "site-packages/interview/_data/question_banks/sprakcafe/sprakcafe.toml" in result.stdout
    assert "7 översättningar, 0 fel" in result.stdout
    where = subprocess.run(
        [str(environment / "bin" / "kartlagg"), "where"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(tmp_path / "data" / "kartlagg") in where.stdout
    app = _python(python, APP_SMOKE, elsewhere, env)
    assert app.returncode == 0, app.stdout + app.stderr
    assert "DEMO" in app.stdout
    assert "Sara Demosson" in app.stdout
    exported = subprocess.run(
        [str(environment / "bin" / "kartlagg"), "export", "--demo", "19650921-9801"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stdout + exported.stderr
    pdf = Path(exported.stdout.split("Sparad: ", 1)[1].splitlines()[0])
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert pdf.is_relative_to(tmp_path / "data")
    practice = _python(python, PRACTICE_SMOKE, elsewhere, env)
    assert practice.returncode == 0, practice.stdout + practice.stderr
    assert "Hur har din dag varit?" in practice.stdout
    assert "arabiska" in practice.stdout


def _python(python: Path, code: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with the installed environment's Python, outside the checkout."""
    return subprocess.run(
        [str(python), "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


APP_SMOKE = """
import asyncio
from interview.paths import Locations
from interview.tui.app import make_app
from interview.tui.screens.participants import ParticipantsScreen

async def main():
    app = make_app(Locations.for_user().demo_database, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if isinstance(app.screen, ParticipantsScreen) and app.screen.participants:
                break
        table = app.screen.query_one("DataTable")
        print(app.screen.query_one("#topbar").render())
        print([str(table.get_row_at(row)[0]) for row in range(table.row_count)])
        await pilot.press("ctrl+q")

asyncio.run(main())
"""

PRACTICE_SMOKE = """
import asyncio
from interview.tui.practice_app import make_practice_app
from interview.tui.screens.practice import PracticeScreen

async def main():
    app = make_practice_app(language="ar")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(400):
            await pilot.pause(0.05)
            if isinstance(app.screen, PracticeScreen):
                break
        print(app.screen.session.card.swedish)
        print(app.screen.session.language.name)
        await pilot.press("f10")

asyncio.run(main())
"""
