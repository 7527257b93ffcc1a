"""Load question banks from TOML files, apply units' overrides, and report mistakes clearly.

Every problem becomes a :class:`BankError` naming the file, the key (with area and question ids rather
than list indexes) and the reason in Swedish: one line a caseworker or an editor can act on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from interview.banks.models import Bank
from interview.errors import UserError
from interview.i18n import _


class BankError(UserError):
    """A bank file that cannot be used, with where and why."""

    def __init__(self, path: Path, key: str, reason: str) -> None:
        """Record the file, the key path and the reason."""
        super().__init__(f"{path}: {key}: {reason}")
        self.path = path
        self.key = key
        self.reason = reason


class _Header(BaseModel):
    """The ``[bank]`` table of a file, before areas are validated."""

    model_config = ConfigDict(extra="allow")

    id: str
    extends: str | None = None


@dataclass
class BankFile:
    """One parsed TOML file: the ``[bank]`` table and its raw areas."""

    path: Path
    header: dict[str, Any]
    areas: list[dict[str, Any]]

    @property
    def bank_id(self) -> str:
        """The id the file declares."""
        return str(self.header["id"])

    @property
    def extends(self) -> str | None:
        """The id of the bank this file changes, if any."""
        value = self.header.get("extends")
        return str(value) if value is not None else None


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_toml(path: Path) -> dict[str, Any]:
    """Read ``path`` as UTF-8 TOML; raise :class:`BankError` naming the line of a mistake."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BankError(
            path,
            "-",
            _("filen går inte att läsa ({reason})").format(
                reason=error.strerror or type(error).__name__
            ),
        ) from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BankError(path, "-", _("filen är inte sparad som UTF-8")) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        where = (
            _("rad {line}, kolumn {column}").format(line=position[1], column=position[2])
            if position
            else "-"
        )
        detail = _TOML_POSITION.sub("", message).strip()
        raise BankError(path, where, _("ogiltig TOML ({detail})").format(detail=detail)) from None


def read_bank_file(path: Path) -> BankFile:
    """Parse ``path`` as TOML and check its outline; raise :class:`BankError` if it is unusable."""
    data = read_toml(path)
    header = data.get("bank")
    if not isinstance(header, dict):
        raise BankError(path, "bank", _("tabellen [bank] saknas"))
    unknown = sorted(set(data) - {"bank", "area"})
    if unknown:
        raise BankError(path, unknown[0], _("okänd nyckel på översta nivån"))
    areas = data.get("area", [])
    if not isinstance(areas, list) or not all(isinstance(area, dict) for area in areas):
        raise BankError(path, "area", _("ska skrivas som [[area]]-tabeller"))
    try:
        _Header.model_validate(header)
    except ValidationError as error:
        raise _translate(path, error, {"bank": header}, prefix=("bank",)) from None
    _check_duplicates(path, areas)
    return BankFile(path=path, header=dict(header), areas=[dict(area) for area in areas])


def _check_duplicates(path: Path, areas: Sequence[Mapping[str, Any]]) -> None:
    seen_areas: set[str] = set()
    seen_questions: set[str] = set()
    for index, area in enumerate(areas):
        area_id = area.get("id")
        area_key = f'area "{area_id}"' if isinstance(area_id, str) else f"area[{index + 1}]"
        if isinstance(area_id, str):
            if area_id in seen_areas:
                raise BankError(path, f"{area_key}.id", _("området finns två gånger i filen"))
            seen_areas.add(area_id)
        questions = area.get("question", [])
        if not isinstance(questions, list):
            raise BankError(path, f"{area_key}.question", _("ska skrivas som [[area.question]]"))
        for number, question in enumerate(questions, start=1):
            if not isinstance(question, dict):
                raise BankError(
                    path,
                    f"{area_key} › question[{number}]",
                    _("ska skrivas som en [[area.question]]-tabell"),
                )
            question_id = question.get("id")
            if isinstance(question_id, str):
                if question_id in seen_questions:
                    raise BankError(
                        path,
                        f'{area_key} › question "{question_id}".id',
                        _("fråge-id:t finns två gånger i filen"),
                    )
                seen_questions.add(question_id)


_PYDANTIC_REASONS: dict[str, str] = {
    "missing": "saknas",
    "extra_forbidden": "okänd nyckel",
    "string_type": "ska vara text inom citattecken",
    "string_too_short": "får inte vara tom",
    "string_too_long": "är för lång",
    "string_pattern_mismatch": "får bara innehålla små bokstäver a–z, siffror, _, - och .",
    "bool_type": "ska vara true eller false",
    "bool_parsing": "ska vara true eller false",
    "tuple_type": "ska vara en lista",
    "list_type": "ska vara en lista",
    "too_short": "behöver minst {min_length}",
    "model_type": "ska vara en tabell",
    "dict_type": "ska vara en tabell",
}


def pydantic_reason(error: Mapping[str, Any]) -> str:
    """Return the Swedish reason for one pydantic validation error."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in {"enum", "literal_error"}:
        expected = str(context.get("expected", "")).replace(" or ", _(" eller "))
        return _("ska vara en av: {expected}").format(expected=expected)
    if kind == "value_error":
        return str(context.get("error", error.get("msg", "")))
    template = _PYDANTIC_REASONS.get(kind)
    if template is None:
        return str(error.get("msg", ""))
    return _(template).format(**dict(context))


def key_path(loc: Sequence[int | str], data: Mapping[str, Any]) -> str:
    """Turn a pydantic location into a key path that names list items by their id."""
    parts: list[str] = []
    node: Any = data
    pending: str | None = None
    for step in loc:
        if isinstance(step, int) and pending is not None:
            item = node[step] if isinstance(node, list) and step < len(node) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            parts.append(
                f'{pending} "{item_id}"' if isinstance(item_id, str) else f"{pending}[{step + 1}]"
            )
            node, pending = item, None
            continue
        if pending is not None:
            parts.append(pending)
        if isinstance(node, dict) and step in node and isinstance(node[step], list):
            pending, node = str(step), node[step]
        else:
            node = node.get(step) if isinstance(node, dict) else None
            parts.append(str(step))
    if pending is not None:
        parts.append(pending)
    if not parts:
        return "bank"
    text = " › ".join(parts)
    return re.sub(r" › (?=[a-z_]+$)", ".", text)


def _translate(
    path: Path,
    error: ValidationError,
    data: Mapping[str, Any],
    prefix: tuple[str, ...] = (),
) -> BankError:
    first = error.errors()[0]
    loc = tuple(first.get("loc", ()))
    if not prefix and loc and loc[0] not in {"area"}:
        # A key of the [bank] table: the header was flattened into the model's top level.
        prefix = ("bank",)
        data = {"bank": data}
    return BankError(path, key_path(prefix + loc, data), pydantic_reason(first))


def build_bank(base: BankFile, overrides: Sequence[BankFile] = ()) -> Bank:
    """Validate ``base`` with ``overrides`` applied in order into a :class:`Bank`."""
    header = {key: value for key, value in base.header.items() if key != "extends"}
    areas = [dict(area) for area in base.areas]
    sources = [str(base.path)]
    origins = _origins(base)
    last = base
    for override in overrides:
        origins.update(_origins(override))
        header.update({key: value for key, value in override.header.items() if key != "extends"})
        areas = _apply_override(override, areas)
        sources.append(str(override.path))
        last = override
    data: dict[str, Any] = {**header, "area": areas, "sources": sources, "origins": origins}
    try:
        return Bank.model_validate(data)
    except ValidationError as error:
        raise _translate(last.path, error, data) from None


def _origins(bank_file: BankFile) -> dict[str, str]:
    """Map the ids a file defines (its areas and questions) to its path."""
    origins = {str(bank_file.header.get("id")): str(bank_file.path)}
    for area in bank_file.areas:
        origins[str(area.get("id"))] = str(bank_file.path)
        for question in area.get("question", []):
            origins[str(question.get("id"))] = str(bank_file.path)
    return origins


def _apply_override(override: BankFile, base_areas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    areas = [dict(area, question=list(area.get("question", []))) for area in base_areas]
    by_id = {area.get("id"): area for area in areas}
    for patch in override.areas:
        area_id = patch.get("id")
        if not isinstance(area_id, str):
            raise BankError(override.path, "area.id", _("saknas"))
        key = f'area "{area_id}"'
        target = by_id.get(area_id)
        remove = patch.get("remove", [])
        if not isinstance(remove, list) or not all(isinstance(item, str) for item in remove):
            raise BankError(override.path, f"{key}.remove", _("ska vara en lista med fråge-id"))
        after = patch.get("after")
        fields = {k: v for k, v in patch.items() if k not in {"question", "remove", "after"}}
        if target is None:
            if not isinstance(after, str) or after not in by_id:
                raise BankError(
                    override.path,
                    f"{key}.after",
                    _("ett nytt område behöver after = id på ett område som finns"),
                )
            target = dict(fields, question=[])
            position = areas.index(by_id[after]) + 1
            areas.insert(position, target)
            by_id[area_id] = target
        else:
            target.update(fields)
            if after is not None:
                if not isinstance(after, str) or after not in by_id or after == area_id:
                    raise BankError(override.path, f"{key}.after", _("okänt område"))
                areas.remove(target)
                areas.insert(areas.index(by_id[after]) + 1, target)
        questions: list[Any] = target["question"]
        existing = {q.get("id"): i for i, q in enumerate(questions) if isinstance(q, dict)}
        for question_id in remove:
            if question_id not in existing:
                raise BankError(
                    override.path,
                    f"{key}.remove",
                    _("frågan {id!r} finns inte i området").format(id=question_id),
                )
        questions[:] = [q for q in questions if q.get("id") not in set(remove)]
        for number, question in enumerate(patch.get("question", []), start=1):
            if not isinstance(question.get("id"), str):
                raise BankError(override.path, f"{key} › question[{number}].id", _("saknas"))
            current = {q.get("id"): i for i, q in enumerate(questions)}
            if question["id"] in current:
                # Only the keys given change; the rest (kind, role, flags) stay as in the base.
                index = current[question["id"]]
                questions[index] = {**questions[index], **question}
            else:
                questions.append(question)
    return areas


@dataclass
class BankLibrary:
    """All banks found in a list of folders, later folders overriding earlier ones."""

    banks: dict[str, Bank] = field(default_factory=dict)
    errors: list[BankError] = field(default_factory=list)

    @classmethod
    def discover(cls, folders: Iterable[Path], extra_files: Iterable[Path] = ()) -> BankLibrary:
        """Load every ``*.toml`` in ``folders`` (in order) and ``extra_files``.

        Files that fail are collected in :attr:`errors`; the other banks still load.
        """
        files: list[BankFile] = []
        library = cls()
        candidates = [
            path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.toml"))
        ]
        candidates.extend(extra_files)
        seen: set[Path] = set()
        paths: list[Path] = []
        for path in candidates:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                paths.append(path)
        for path in paths:
            try:
                files.append(read_bank_file(path))
            except BankError as error:
                library.errors.append(error)
        bases: dict[str, BankFile] = {}
        for bank_file in files:
            if bank_file.extends is None:
                bases[bank_file.bank_id] = bank_file  # a later folder replaces an earlier one
        pending = [bank_file for bank_file in files if bank_file.extends is not None]
        for bank_id, base in bases.items():
            library._build(bank_id, base, ())
        # Overrides may extend other overrides: resolve until nothing changes.
        chains: dict[str, tuple[BankFile, tuple[BankFile, ...]]] = {
            bank_id: (base, ()) for bank_id, base in bases.items()
        }
        progress = True
        while pending and progress:
            progress = False
            for bank_file in list(pending):
                parent = chains.get(bank_file.extends or "")
                if parent is None:
                    continue
                pending.remove(bank_file)
                progress = True
                base, overrides = parent
                chain = (base, (*overrides, bank_file))
                chains[bank_file.bank_id] = chain
                library._build(bank_file.bank_id, *chain)
        for bank_file in pending:
            library.errors.append(
                BankError(
                    bank_file.path,
                    "bank.extends",
                    _("det finns ingen bank med id {id!r} att utgå från").format(id=bank_file.extends),
                )
            )
        return library

    def _build(self, bank_id: str, base: BankFile, overrides: tuple[BankFile, ...]) -> None:
        try:
            self.banks[bank_id] = build_bank(base, overrides)
        except BankError as error:
            self.errors.append(error)

    def get(self, bank_id: str) -> Bank:
        """Return the bank ``bank_id``; ``KeyError`` if it was not found or failed to load."""
        return self.banks[bank_id]


def load_bank_file(path: Path, search: Iterable[Path] = ()) -> Bank:
    """Load one bank file; a file that extends another bank finds its base in ``search``."""
    bank_file = read_bank_file(path)
    if bank_file.extends is None:
        return build_bank(bank_file)
    library = BankLibrary.discover([*search, path.parent])
    bank = library.banks.get(bank_file.bank_id)
    if bank is not None and any(Path(source).resolve() == path.resolve() for source in bank.sources):
        return bank
    for error in library.errors:
        if error.path.resolve() == path.resolve():
            raise error
    raise BankError(
        path,
        "bank.extends",
        _("det finns ingen bank med id {id!r} att utgå från").format(id=bank_file.extends),
    )
