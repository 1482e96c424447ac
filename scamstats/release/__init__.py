"""Making, describing and fetching releases.

Building release files from validated records (:mod:`.build`), freezing and
verifying versions (:mod:`.publish`), the sha256 registry (:mod:`.registry`),
downloads (:mod:`.fetch`), the ``datapackage.json`` descriptor
(:mod:`.datapackage`), the changelog's data entries (:mod:`.changelog`) and the
differences between two releases (:mod:`.diff`). Nothing here imports the
questions or what is shown.
"""
