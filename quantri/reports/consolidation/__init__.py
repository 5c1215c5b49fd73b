"""Consolidation: the units' reports for a period become the agency's report (DOCX in the
Decree 30/2020 layout, XLSX annex), and one level up the departments' become the province's.

- data.py: plain input and output (ConsolidationInput → ConsolidatedFigures);
- aggregate.py: the figures, pure and fast;
- loader.py: the input from the database in a fixed number of queries;
- docx_writer.py, xlsx_writer.py, chart.py: the files;
- services.py: the use cases the page and `quantri report consolidate` call.
"""
