"""What every feature of the window shares.

Running long work, errors, forms, tables, PDF preview and print, colours, clocks, the
calendar banner, the profile fields.
"""
