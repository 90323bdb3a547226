#!/usr/bin/env python3
"""Carries translations across contexts after code moves between classes.

lupdate files a string under the class that translates it; when a string moves (say from MainWindow to a new
RegionsTab) its translation is left behind and the new entry is unfinished. This fills every unfinished entry
whose exact source text is translated in some other context, in this file or in an older copy given with
--from (e.g. the file at the last commit), and lists what is still untranslated.

    cmake --build build --target vmatlas_ui_lupdate
    git show HEAD:resources/translations/vmatlas_zh_CN.ts > /tmp/old.ts
    scripts/translations.py resources/translations/vmatlas_zh_CN.ts --from /tmp/old.ts
"""
import argparse
import sys
import xml.etree.ElementTree as ET


def translations(root):
    known = {}
    for ctx in root.iter('context'):
        for msg in ctx.iter('message'):
            src = msg.findtext('source')
            tr = msg.find('translation')
            if src is None or tr is None or tr.get('type') in ('unfinished', 'vanished', 'obsolete'):
                continue
            forms = [f.text or '' for f in tr.findall('numerusform')]
            if (tr.text or '').strip() or any(forms):
                known.setdefault((src, msg.get('numerus') == 'yes'), (tr.text, forms))
    return known


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('ts')
    parser.add_argument('--from', dest='sources', action='append', default=[])
    args = parser.parse_args()
    tree = ET.parse(args.ts)
    known = translations(tree.getroot())
    for extra in args.sources:
        for key, value in translations(ET.parse(extra).getroot()).items():
            known.setdefault(key, value)
    filled, missing = 0, []
    for ctx in tree.getroot().iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            tr = msg.find('translation')
            if tr is None or tr.get('type') != 'unfinished':
                continue
            src = msg.findtext('source')
            hit = known.get((src, msg.get('numerus') == 'yes'))
            if not hit:
                missing.append(f'[{name}] {src}')
                continue
            text, forms = hit
            del tr.attrib['type']
            if forms:
                for f in list(tr):
                    tr.remove(f)
                for form in forms:
                    ET.SubElement(tr, 'numerusform').text = form
            else:
                tr.text = text
            filled += 1
    tree.write(args.ts, encoding='utf-8', xml_declaration=True)
    # Keep lupdate's DOCTYPE line so the next lupdate run leaves the file as it was.
    with open(args.ts, encoding='utf-8') as f:
        body = f.read()
    body = body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>', 1)
    if '<!DOCTYPE TS>' not in body:
        body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    with open(args.ts, 'w', encoding='utf-8') as f:
        f.write(body)
    print(f'{filled} filled from other contexts, {len(missing)} untranslated')
    for m in missing:
        print('  ' + m)
    return 0


sys.exit(main())
