#!/bin/sh
# Extract the UI strings into the English catalogue and compile it.
# Chinese is the source language; fill new entries in qunzhong_en.ts (Qt Linguist or an
# editor) and run this again. tests/ui/test_translations.py fails while any is missing.
set -eu
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
TS=resources/translations/qunzhong_en.ts
"$BIN/pyside6-lupdate" -no-obsolete -locations none -target-language en_US \
    $(find src/qunzhong_desktop/ui -name "*.py" | sort) -ts "$TS"
"$BIN/pyside6-lrelease" -silent "$TS" -qm resources/translations/qunzhong_en.qm
# Chinese strings of Qt's own dialogs that qtbase_zh_CN lacks (edited by hand)
"$BIN/pyside6-lrelease" -silent resources/translations/qt_extra_zh_CN.ts \
    -qm resources/translations/qt_extra_zh_CN.qm
