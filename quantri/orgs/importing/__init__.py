"""`quantri orgs import` and the upload page: the organisation and its staff from a workbook."""
