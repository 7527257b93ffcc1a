"""The validated shape of a question bank.

A bank is a list of areas in the order they are talked through. Every question carries both Swedish
registers under one id: ``standard`` (read aloud by the caseworker) and ``lattlast`` (plain Swedish for
the participant). The TOML format is documented in ``question_banks/README.md``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]


class Register(StrEnum):
    """The two Swedish registers every question exists in."""

    STANDARD = "standard"
    LATTLAST = "lattlast"


class AreaGroup(StrEnum):
    """Where an area belongs in the SASSAM template."""

    INLEDNING = "inledning"
    INDIVID = "individ"
    OMGIVNING = "omgivning"
    MOTIVATION = "motivation"
    ATGARDER = "atgarder"
    AVSLUT = "avslut"

    @property
    def has_probes(self) -> bool:
        """True for the factor areas, which have hinder and resurs probes."""
        return self in {AreaGroup.INDIVID, AreaGroup.OMGIVNING}


class QuestionKind(StrEnum):
    """What a question does in the funnel of an area."""

    OPENING = "opening"
    HINDER = "hinder"
    RESURS = "resurs"

    @property
    def is_probe(self) -> bool:
        """True for the follow-ups offered after an answer."""
        return self is not QuestionKind.OPENING


Role = Literal[
    "goal",
    "future",
    "good_for_me",
    "less_good_for_me",
    "good_for_others",
    "less_good_for_others",
    "importance",
    "importance_why",
    "importance_step",
    "confidence",
    "confidence_why",
    "confidence_step",
    "checkback",
    "synpunkter",
]
"""Special meanings a question can have in the motivation and closing areas."""

MOTIVATION_ROLES: tuple[Role, ...] = (
    "goal",
    "good_for_me",
    "less_good_for_me",
    "good_for_others",
    "less_good_for_others",
    "importance",
    "importance_why",
    "importance_step",
    "confidence",
    "confidence_why",
    "confidence_step",
)
AVSLUT_ROLES: tuple[Role, ...] = ("checkback", "synpunkter")
SCALE_ROLES: frozenset[Role] = frozenset({"importance", "confidence"})


class Question(BaseModel):
    """One question (or a short prompt said aloud) in both Swedish registers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Identifier
    kind: QuestionKind = QuestionKind.OPENING
    standard: Text
    lattlast: Text
    role: Role | None = None
    permission: StrictBool = False
    """Asks permission before a sensitive subject (a closed question is allowed)."""
    check: StrictBool = False
    """Checks understanding, e.g. "Stämmer det?" (a closed question is allowed)."""
    sensitive: StrictBool = False
    """Only without relatives in the room and only with a professional tolk."""
    statement: StrictBool = False
    """Said aloud but not a question, so it has no "?"."""

    @property
    def is_scale(self) -> bool:
        """True when the answer is a number from 0 to 10."""
        return self.role in SCALE_ROLES

    def text(self, register: Register) -> str:
        """Return the wording in ``register``."""
        return self.standard if register is Register.STANDARD else self.lattlast


class Area(BaseModel):
    """One area of the template with its purpose, everyday label and questions."""

    id: Identifier
    title: Text
    group: AreaGroup
    purpose: Text
    """One line for the caseworker: what the area is for."""
    label: Text
    """The everyday words to say aloud instead of the template heading."""
    label_lattlast: Text
    questions: tuple[Question, ...] = Field(alias="question", min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    def of_kind(self, kind: QuestionKind) -> tuple[Question, ...]:
        """Return the questions of ``kind`` in bank order."""
        return tuple(question for question in self.questions if question.kind is kind)

    @property
    def openings(self) -> tuple[Question, ...]:
        """The main questions of the area, asked in order."""
        return self.of_kind(QuestionKind.OPENING)

    @property
    def probes(self) -> tuple[Question, ...]:
        """The hinder and resurs follow-ups of the area."""
        return tuple(question for question in self.questions if question.kind.is_probe)

    def label_in(self, register: Register) -> str:
        """Return the everyday label in ``register``."""
        return self.label if register is Register.STANDARD else self.label_lattlast


class Bank(BaseModel):
    """A complete, validated question bank."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    id: Identifier
    title: Text
    version: Text
    template: Literal["sassam"] | None = None
    """Banks that follow the SASSAM template are checked for its areas in its order."""
    areas: tuple[Area, ...] = Field(alias="area", min_length=1)
    sources: tuple[str, ...] = ()
    """The files the bank was built from (the base first, then overrides)."""
    origins: dict[str, str] = Field(default_factory=dict)
    """For each area and question id, the file that last defined or changed it."""

    @model_validator(mode="after")
    def _unique_ids(self) -> Bank:
        seen_areas: set[str] = set()
        seen_questions: set[str] = set()
        for area in self.areas:
            if area.id in seen_areas:
                msg = f"området {area.id!r} finns två gånger"
                raise ValueError(msg)
            seen_areas.add(area.id)
            for question in area.questions:
                if question.id in seen_questions:
                    msg = f"fråge-id {question.id!r} finns två gånger (i området {area.id!r})"
                    raise ValueError(msg)
                seen_questions.add(question.id)
        return self

    def area(self, area_id: str) -> Area:
        """Return the area ``area_id``; ``KeyError`` if the bank has none."""
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)

    def question(self, question_id: str) -> tuple[Area, Question]:
        """Return the area and question for ``question_id``; ``KeyError`` if unknown."""
        for area in self.areas:
            for question in area.questions:
                if question.id == question_id:
                    return area, question
        raise KeyError(question_id)

    def next_area(self, area_id: str) -> Area | None:
        """Return the area after ``area_id``, or None after the last."""
        ids = [area.id for area in self.areas]
        index = ids.index(area_id)
        return self.areas[index + 1] if index + 1 < len(self.areas) else None


SASSAM_AREAS: tuple[tuple[str, AreaGroup], ...] = (
    ("inledning", AreaGroup.INLEDNING),
    ("kroppsfunktioner", AreaGroup.INDIVID),
    ("psykiska_funktioner", AreaGroup.INDIVID),
    ("stressreaktioner", AreaGroup.INDIVID),
    ("substansintag", AreaGroup.INDIVID),
    ("historik", AreaGroup.INDIVID),
    ("ovrigt_individ", AreaGroup.INDIVID),
    ("sociala_forhallanden", AreaGroup.OMGIVNING),
    ("arbetsforhallanden", AreaGroup.OMGIVNING),
    ("utbildning", AreaGroup.OMGIVNING),
    ("fritidsintressen", AreaGroup.OMGIVNING),
    ("professionellt_natverk", AreaGroup.OMGIVNING),
    ("ovrigt_omgivning", AreaGroup.OMGIVNING),
    ("motivation", AreaGroup.MOTIVATION),
    ("atgarder", AreaGroup.ATGARDER),
    ("avslut", AreaGroup.AVSLUT),
)
"""The areas of the SASSAM template, in the method's order, with their ids."""
