"""Question banks: the data model, the loader (with units' own banks and overrides) and the checker."""

from interview.banks.loader import BankError, BankLibrary, load_bank_file
from interview.banks.models import Area, AreaGroup, Bank, Question, QuestionKind, Register

__all__ = [
    "Area",
    "AreaGroup",
    "Bank",
    "BankError",
    "BankLibrary",
    "Question",
    "QuestionKind",
    "Register",
    "load_bank_file",
]
