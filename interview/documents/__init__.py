"""The sammanställning as documents: PDF for printing and signing, DOCX, HTML and Markdown.

Every renderer reads a composed :class:`interview.draft.models.Draft` and returns the whole document
(text or bytes); :mod:`interview.documents.files` picks the renderer for an :class:`ExportFormat`,
names the file and writes it readable by its owner only. The participant's words are data: they are
escaped for each format and shown exactly as typed, only control characters are left out.

The PDF embeds the Noto fonts bundled in ``fonts/`` (SIL Open Font License, ``fonts/OFL.txt``) so that
Swedish, Arabic and Tigrinya print the same on every machine. Nothing here imports textual.
"""
