"""Uploaded spreadsheets, refused before they can hurt: size limits on the file and on its
unpacked parts, a streaming count of rows and cells, and problem lists of bounded length."""
