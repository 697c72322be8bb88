#!/usr/bin/env python3
"""Score authvet JSON findings against the // WANT, // NEAR and // ALT markers of a blind set
(docs/blind3, docs/blind4).

usage: score.py <blind-set-dir> <outdir-with-<module>.json> [--list]

A WANT case is found when a finding of its analyzer is on the marker's line, on one of its
// ALT <id> lines, or on a line of the same statement (the marker line's statement span, given
by a trailing backslash-free Go statement: we take the marker line and any following lines up
to the first line whose paren depth returns to zero). Findings on NEAR lines are false alarms.
Findings on unmarked lines are listed for reading by hand.
"""
import json, os, re, sys, collections

MARK = re.compile(r'//\s*(WANT|NEAR|ALT)\s+(?:([a-z]+)\s+)?([A-Za-z]\d+)')

STRLIT = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`|\'(?:[^\'\\\n]|\\.)*\'')

def code_of(line):
    """The line without string literals and its // comment (a "//" inside a string such as
    "http://..." is no comment, and brackets inside strings do not count)."""
    line = STRLIT.sub('""', line)
    return line.split('//')[0]

def spans(path):
    lines = open(path).read().split('\n')
    out = []
    for i, l in enumerate(lines):
        m = MARK.search(l)
        if not m:
            continue
        kind, an, cid = m.groups()
        code = code_of(l[:m.start()])
        depth = code.count('(') + code.count('{') - code.count(')') - code.count('}')
        end = i
        # a statement opened on this line (e.g. an inline closure) ends where depth returns to 0
        while depth > 0 and end + 1 < len(lines):
            end += 1
            c = code_of(lines[end])
            depth += c.count('(') + c.count('{') - c.count(')') - c.count('}')
        # a handler declaration marker covers the whole function
        out.append((kind, an, cid, i + 1, end + 1))
    return out

def main():
    root, outdir = sys.argv[1], sys.argv[2]
    cases = {}   # id -> dict
    alts = collections.defaultdict(list)
    for mod in sorted(os.listdir(root)):
        mdir = os.path.join(root, mod)
        if not os.path.isfile(os.path.join(mdir, 'go.mod')):
            continue
        for dp, _, fs in os.walk(mdir):
            for f in fs:
                if not f.endswith('.go'):
                    continue
                p = os.path.join(dp, f)
                rel = os.path.relpath(p, root)
                for kind, an, cid, a, b in spans(p):
                    if kind == 'ALT':
                        alts[cid].append((rel, a, a))
                    else:
                        cases[cid] = dict(kind=kind, an=an, file=rel, lines=[(rel, a, b)], mod=mod, hits=[])
    for cid, ls in alts.items():
        cases[cid]['lines'] += ls
    findings = []
    for mod in sorted(os.listdir(outdir)):
        if not mod.endswith('.json'):
            continue
        data = json.load(open(os.path.join(outdir, mod)))
        for f in data.get('findings', data if isinstance(data, list) else []):
            findings.append((mod[:-5], f))
    unmatched = []
    for mod, f in findings:
        rule = f.get('ruleId') or f.get('rule')
        an = rule.split('/')[0]
        loc = f.get('location') or {}
        path = loc.get('path') or ''
        line = loc.get('startLine') or 0
        end = loc.get('endLine') or line
        m = re.search(r'docs/blind\d+/', path)
        rel = path[m.end():] if m else os.path.join(mod, path)
        hit = False
        for cid, c in cases.items():
            if c['an'] != an:
                continue
            for (fp, a, b) in c['lines']:
                if fp == rel and line <= b and a <= end:
                    c['hits'].append((rule, f.get('level'), line))
                    hit = True
        if not hit:
            unmatched.append((an, rule, f.get('level'), rel, line, f.get('message')))
    per = collections.defaultdict(lambda: dict(want=0, found=0, found_note_only=0, near=0, near_hit=0))
    for cid, c in sorted(cases.items()):
        s = per[c['an']]
        levels = {h[1] for h in c['hits']}
        if c['kind'] == 'WANT':
            s['want'] += 1
            if c['hits']:
                s['found'] += 1
                if levels <= {'note'}:
                    s['found_note_only'] += 1
        else:
            s['near'] += 1
            if c['hits']:
                s['near_hit'] += 1
    un = collections.Counter(u[0] for u in unmatched)
    print('| analyzer | WANT | found | found only as note | recall | NEAR | NEAR flagged | unmarked findings | precision (marked) |')
    print('|---|---|---|---|---|---|---|---|---|')
    for an, s in sorted(per.items()):
        tp = s['found']
        fp = s['near_hit']
        rec = tp / s['want'] if s['want'] else 0
        prec = tp / (tp + fp) if tp + fp else 0
        print(f"| {an} | {s['want']} | {tp} | {s['found_note_only']} | {rec:.2f} | {s['near']} | {fp} | {un.get(an, 0)} | {prec:.2f} |")
    if '--list' in sys.argv:
        print('\nmissed WANT:')
        for cid, c in sorted(cases.items()):
            if c['kind'] == 'WANT' and not c['hits']:
                print(' ', cid, c['an'], c['file'], c['lines'][0][1])
        print('\nflagged NEAR:')
        for cid, c in sorted(cases.items()):
            if c['kind'] == 'NEAR' and c['hits']:
                print(' ', cid, c['an'], c['file'], c['lines'][0][1], c['hits'])
        print('\nnote-only WANT:')
        for cid, c in sorted(cases.items()):
            if c['kind'] == 'WANT' and c['hits'] and {h[1] for h in c['hits']} <= {'note'}:
                print(' ', cid, c['an'], c['hits'])
        print('\nunmarked findings:')
        for u in unmatched:
            print(' ', u)

main()
