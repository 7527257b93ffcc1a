"""Build hook: compile the interface catalogs (``locales/*/LC_MESSAGES/kartlagg.po``) to ``.mo``.

The ``.mo`` files are built, never committed (``.gitignore``). A wheel ships them beside the ``.po``
files in ``interview/_data/locales``; an editable install finds them in the checkout's ``locales/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every catalog with Babel before the files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write ``kartlagg.mo`` beside each ``kartlagg.po`` (the wheel's force-include takes them)."""
        from babel.messages.mofile import write_mo  # noqa: PLC0415 - a build dependency of the hook
        from babel.messages.pofile import read_po  # noqa: PLC0415

        locales = Path(self.root) / "locales"
        for po in sorted(locales.glob("*/LC_MESSAGES/kartlagg.po")):
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parent.parent.name, domain="kartlagg")
            mo = po.with_suffix(".mo")
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
