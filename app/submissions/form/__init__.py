"""The officer's form: one screen per section (screens, view, page), the no-JS post (post),
the browser script's model (logic), Indonesian number and date formats (formats), stable keys
for answers on the page (keys), defaults, review comments at their questions (remarks), what
submitting leaves out (not_sent) and the print view's signature block (signature)."""
