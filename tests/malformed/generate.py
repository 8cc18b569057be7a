#!/usr/bin/env python3
"""Writes the malformed-input corpus: the example registers with one mistake each, in all three
formats, and the line each mistake is on (`expected.txt`: `file line`, 0 when the whole file is
wrong). Run from the repository root; the files are committed, this script is their provenance."""
import os, re

OUT = "tests/malformed"
SOURCES = {
    "yaml": open("examples/ibd/register.yaml", encoding="utf-8").read(),
    "toml": open("examples/gnmi/register.toml", encoding="utf-8").read(),
    "json": open("examples/gemeente/register.json", encoding="utf-8").read(),
}
expected = []

def write(name, ext, text, line):
    path = f"{OUT}/{name}.{ext}"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    expected.append(f"{name}.{ext} {line}")

def nth_match(text, pattern, n):
    matches = list(re.finditer(pattern, text, re.M))
    return matches[n % len(matches)] if matches else None

def line_of(text, offset):
    return text.count("\n", 0, offset) + 1

def replace_in_match(ext, name, pattern, old, new, n):
    text = SOURCES[ext]
    m = nth_match(text, pattern, n)
    if not m:
        return
    seg = m.group(0)
    if old not in seg:
        return
    start = m.start() + seg.index(old)
    mutated = text[:start] + new + text[start + len(old):]
    write(name, ext, mutated, line_of(text, start))

KEY = {"yaml": r"^\s*{k}:", "toml": r"^{k} =", "json": r'"{k}":'}
for ext in SOURCES:
    key = lambda k: KEY[ext].format(k=k)
    q = '"' if ext == "json" else ""
    for n in range(3):
        # A misspelt field: the unknown key's line.
        replace_in_match(ext, f"unknown_field_name_{n}", key("name"), "name", "nmae", n)
        replace_in_match(ext, f"unknown_field_label_{n}", key("label"), "label", "lable", n)
        # A stated list written as an empty list, which says neither "none" nor "not stated".
        m = nth_match(SOURCES[ext], r"(recipients|retention)" + ('"' if ext == "json" else "") + (": " if ext != "toml" else " = ") + r'("?(none|not_stated)"?)', n)
        if m:
            text = SOURCES[ext]
            write(f"empty_list_{n}", ext, text[:m.start(2)] + "[]" + text[m.end(2):], line_of(text, m.start(2)))
    # Wrong types and invalid values at known places.
    replace_in_match(ext, "wrong_type_public_authority", key("public_authority") + r".*", "true" if "true" in SOURCES[ext].split("public_authority",1)[1][:20] else "false", '"ja"', 0)
    for n, (k, bad) in enumerate([("kind", "identificatie"), ("basis", "wettelijke_taak"), ("category", "toegang")]):
        m = nth_match(SOURCES[ext], key(k) + r"\s*\"?([a-z_]+)", 0)
        if m:
            value = m.group(1)
            start = m.start(1)
            text = SOURCES[ext]
            write(f"unknown_value_{k}", ext, text[:start] + bad + text[start + len(value):], line_of(text, start))
    for n, (pattern, bad) in enumerate([(r"P\d+[YMWD]", "1 maand"), (r"\b\d{4}-\d{2}-\d{2}\b", "2021-13-45"), (r"\b(NL|DE|US)\b", "Nederland")]):
        text = SOURCES[ext]
        for i in range(2):
            m = nth_match(text, pattern, i)
            if m:
                write(f"invalid_value_{n}_{i}", ext, text[:m.start()] + bad + text[m.end():], line_of(text, m.start()))
    # An id written with capitals and a space.
    text = SOURCES[ext]
    for i in range(3):
        m = nth_match(text, r"(?<=id" + ('"' if ext == "json" else "") + r"[:=] " + ('"' if ext != "yaml" else "") + r")[a-z_]+", i)
        if m:
            write(f"invalid_id_value_{i}", ext, text[:m.start()] + "Niet Geldig" + text[m.end():], line_of(text, m.start()))
    # Truncations at several points, each inside a quoted string (a YAML or TOML file cut at a
    # line break can still be a valid, shorter register): an unterminated string at the end.
    # Only quotes that open a quoted value (after `: `, `= `, `- ` or `[`), outside comments.
    quotes = [m.start() + len(m.group(1)) for m in re.finditer(r'(: |= |- |\[)"', text)
              if "#" not in text[text.rfind("\n", 0, m.start()) + 1:m.start()]]
    for i, frac in enumerate([0.13, 0.29, 0.41, 0.57, 0.73, 0.88]):
        if not quotes:
            break
        opening = quotes[min(int(len(quotes) * frac), len(quotes) - 1)]
        write(f"truncated_{i}", ext, text[:opening + 2], 0)
    # An empty file, and one with only comments or whitespace.
    write("empty", ext, "", 0)
    write("whitespace_only", ext, "\n  \n\t\n", 0)

# Format-specific syntax mistakes at known lines.
y = SOURCES["yaml"]
lines = y.split("\n")
def yaml_line_edit(name, index, new_line):
    l = lines.copy(); l[index] = new_line(l[index]); write(name, "yaml", "\n".join(l), index + 1)
plain = [i for i, l in enumerate(lines) if re.match(r"^\s+[a-z_]+: [A-Za-z]", l)]
for i, idx in enumerate([plain[3], plain[len(plain) // 2], plain[-3]]):
    yaml_line_edit(f"syntax_unclosed_quote_{i}", idx, lambda s: re.sub(r": ", ': "', s, count=1))
for i, idx in enumerate([20, 60, 120]):
    yaml_line_edit(f"syntax_tab_indent_{i}", idx, lambda s: "\t" + s.lstrip(" "))
    yaml_line_edit(f"syntax_bad_indent_{i}", idx, lambda s: "   " + s)
t = SOURCES["toml"]
tl = t.split("\n")
for i, idx in enumerate([10, 50, 120]):
    l = tl.copy(); l[idx] = l[idx] + " = ="; write(f"syntax_double_equals_{i}", "toml", "\n".join(l), idx + 1)
    l = tl.copy(); l[idx] = '"unclosed = 1'; write(f"syntax_unclosed_string_{i}", "toml", "\n".join(l), idx + 1)
j = SOURCES["json"]
jl = j.split("\n")
for i, idx in enumerate([5, 40, 120]):
    l = jl.copy(); l[idx] = l[idx].rstrip(",") + ",,"; write(f"syntax_double_comma_{i}", "json", "\n".join(l), idx + 1)
    l = jl.copy(); l[idx] = l[idx] + " // commentaar"; write(f"syntax_comment_{i}", "json", "\n".join(l), idx + 1)
# Duplicate keys: the second occurrence's line.
for ext, pattern in [("yaml", r"^(\s*)title: .*\n"), ("toml", r"^title = .*\n"), ("json", r'^(\s*)"name": .*\n')]:
    text = SOURCES[ext]
    m = nth_match(text, pattern, 0)
    if m:
        dup = m.group(0)
        if ext == "json" and not dup.rstrip().endswith(","):
            dup = dup.rstrip("\n") + ",\n"
        write("duplicate_key", ext, text[:m.end()] + dup + text[m.end():] if ext != "json" else text[:m.start()] + dup + text[m.start():], line_of(text, m.end()) if ext != "json" else line_of(text, m.start()) + 1)

# Counts and enum values of the wrong kind, in the file's words (no `u32`, no "sequence"), each
# with a help line: a negative number of employees, a list where text belongs, a number where a
# word belongs.
for ext in SOURCES:
    text = SOURCES[ext]
    m = nth_match(text, KEY[ext].format(k="public_authority") + r".*\n", 0)
    if m:
        indent = re.match(r"\s*", m.group(0)).group(0)
        line = {"yaml": f"{indent}employees: -5\n", "toml": "employees = -5\n", "json": f'{indent}"employees": -5,\n'}[ext]
        write("out_of_range_employees", ext, text[:m.end()] + line + text[m.end():], line_of(text, m.end()))
    m = nth_match(text, KEY[ext].format(k="label") + r'\s*(.*?),?$', 0)
    if m:
        write("wrong_type_list_for_text", ext, text[:m.start(1)] + '["a", "b"]' + text[m.end(1):], line_of(text, m.start(1)))
    m = nth_match(text, KEY[ext].format(k="kind") + r'\s*("?[a-z_]+"?)', 0)
    if m:
        write("wrong_type_number_for_word", ext, text[:m.start(1)] + "12" + text[m.end(1):], line_of(text, m.start(1)))
# An enum written as a mapping with a stray key beside its one word: reported at the stray key.
m = nth_match(y, r"^(\s*)as_long_as_necessary:\n", 0)
if m:
    write("enum_stray_key", "yaml", y[:m.start()] + m.group(1) + "surprise: 1\n" + y[m.start():], line_of(y, m.start()))
m = nth_match(t, r"^period = \{ ", 0)
if m:
    write("enum_stray_key", "toml", t[:m.end()] + "surprise = 1, " + t[m.end():], line_of(t, m.start()))
# A YAML list in brackets broken by a brace inside an item.
m = nth_match(y, r"^\s+purposes: \[[a-z_]+", 2)
if m:
    write("syntax_flow_list_brace", "yaml", y[:m.end() - 2] + "}" + y[m.end() - 1:], line_of(y, m.end()))
# JSON brackets one too many or one too few: pointed at by the indentation that disagrees (the
# reader itself only notices at the end of the file).
for i, n in enumerate([3, 9]):
    m = nth_match(j, r'^ +"[a-z_]+": \{\n', n)
    if m:
        write(f"syntax_extra_open_brace_{i}", "json", j[:m.end()] + m.group(0) + j[m.end():], line_of(j, m.start()))
    m = nth_match(j, r"^ +\},\n", n)
    if m:
        write(f"syntax_extra_close_brace_{i}", "json", j[:m.end()] + m.group(0) + j[m.end():], line_of(j, m.end()))

# TOML lists of tables: the first entry's header in single brackets (reported there, not at the
# second entry's header), an entry header misspelt before an entry with a sub-table (reported at
# the misspelt header), and an entry header left out (reported at the sub-table that lands twice
# in the entry above).
m = nth_match(t, r"^\[\[catalogues\.purposes\]\]$", 0)
if m:
    write("toml_list_header_single", "toml", t[:m.start()] + "[catalogues.purposes]" + t[m.end():], line_of(t, m.start()))
entries = [m for m in re.finditer(r"^\[\[catalogues\.processors\]\]\n(?:(?!\[).*\n)*\[catalogues\.processors\.agreement\]", t, re.M)]
if len(entries) > 1:
    m = entries[1]
    write("toml_list_header_misspelt", "toml", t[:m.start()] + "[[catalogus.processors]]" + t[m.start() + len("[[catalogues.processors]]"):], line_of(t, m.start()))
    cut = t[:m.start()] + t[m.start() + len("[[catalogues.processors]]\n"):]
    write("toml_list_header_missing", "toml", cut, line_of(t, m.end()) - 1)

# YAML quotes: a value that starts with a quoted part and goes on after it (reported after the
# closing quote, with its own help), and a stray quote at the start of a value that runs on to a
# quote lines later (reported at the stray quote, not where the string closes).
m = nth_match(y, r"^\s+label: ([A-Z][a-z]+) ([a-z].*)$", 1)
if m:
    write("syntax_quote_then_text", "yaml", y[:m.start(1)] + '"' + m.group(1) + '" ' + m.group(2) + y[m.end(2):], line_of(y, m.start(1)))
m = nth_match(y, r'^(\s+)description: >-\n(\s+)(.*"[^"\n]*".*)$', 0)
if m:
    header = m.group(1) + "description: >-"
    write("syntax_runaway_quote", "yaml", y[:m.start()] + m.group(1) + 'description: "Melding,' + y[m.start() + len(header):], line_of(y, m.start()))

# A YAML key of a list item indented like the items (two spaces short): the parser's words name a
# `-` indicator; the help says what to indent.
m = nth_match(y, r"^    (purposes: .*)$", 1)
if m:
    write("syntax_item_key_dedented", "yaml", y[:m.start()] + "  " + m.group(1) + y[m.end():], line_of(y, m.start()))

# A YAML key indented one level too little: unknown where it stands, a field elsewhere; the help
# says where it belongs.
m = nth_match(y, r"^    (country: [A-Z]{2})\n\n", 0)
if m:
    write("unknown_field_dedented", "yaml", y[:m.start()] + m.group(1) + y[m.end(1):], line_of(y, m.start()))

with open(f"{OUT}/expected.txt", "w") as f:
    f.write("\n".join(sorted(expected)) + "\n")
print(len(expected), "files")
