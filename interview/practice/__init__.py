"""Språkcafé: practising spoken Swedish about working life, with nothing about a real person stored.

The content (sentence starters, word themes, job-interview questions and their translations) lives in
data files beside the question banks; the questions practised are the opening questions of a bank in
lättläst Swedish. Nothing here opens a database or writes a file.
"""
