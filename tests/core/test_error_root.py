"""Every error a user should read derives from the one root, :class:`interview.errors.UserError`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import interview
import storage
from interview.errors import UserError

NOT_FOR_USERS: frozenset[str] = frozenset()
"""Exception classes that are deliberately not user errors (none today)."""


def _modules() -> list[str]:
    names: list[str] = []
    for package in (interview, storage):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            names.append(info.name)
    return names


def test_every_exception_class_of_the_product_derives_from_the_user_error_root() -> None:
    found: list[str] = []
    strays: list[str] = []
    for name in _modules():
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != name or not issubclass(cls, BaseException):
                continue
            qualified = f"{name}.{cls.__qualname__}"
            found.append(qualified)
            if not issubclass(cls, UserError) and qualified not in NOT_FOR_USERS:
                strays.append(qualified)
    assert len(found) >= 15, found  # the check really walked the product's errors
    assert strays == []


def test_a_user_error_carries_its_message_and_a_title() -> None:
    error = UserError("Datumet saknas.", title="Fel datum")
    assert str(error) == "Datumet saknas." == error.message
    assert error.title == "Fel datum"
    assert UserError("x").title == "Det gick inte"
