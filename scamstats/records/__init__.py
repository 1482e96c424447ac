"""Reading and checking contributed records.

The safe YAML reader (:mod:`.safe_yaml`), the record reader that keeps every
value's file and line (:mod:`.reader`), the fields a record may give
(:mod:`.fields`), the columns derived from them (:mod:`.derive`), validation
against the schema and the dataset-wide rules (:mod:`.validate`), the wire
vocabulary check (:mod:`.wire_vocabulary`) and the skeleton of a new record
(:mod:`.skeleton`). Nothing here imports the questions or what is shown.
"""
