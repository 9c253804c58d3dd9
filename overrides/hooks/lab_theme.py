"""Cut nbconvert's JupyterLab theme down to the rules a static notebook page can use.

The lab template ships the whole JupyterLab stylesheet (about 575 KB, 86 KB gzipped): Blueprint widgets, CodeMirror,
menus, drawers and several hundred custom properties, most of them for an editor our pages never contain. It blocks
the first paint of every notebook page. A rule is kept when each class its selector names occurs in a notebook page
(or is one Material adds at run time, md-*), and a custom property when something that is kept reads it.
Notebook pages run no JupyterLab script, so a class absent from their HTML can never appear later.
"""
from __future__ import annotations

import re

import tinycss2
from tinycss2.ast import AtRule, Declaration, FunctionBlock, LiteralToken, QualifiedRule

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
_VARIABLE_USE = re.compile(r"var\(\s*(--[\w-]+)")
_GROUPING_RULES = {"media", "supports", "layer", "container"}


class ThemeError(ValueError):
    pass


def classes_in(html: str) -> set[str]:
    return {name for value in _CLASS_ATTRIBUTE.findall(html) for name in value.split()}


def prune(css: str, used_classes: set[str]) -> str:
    """The stylesheet without rules for classes no page uses and without custom properties nothing reads."""
    rules = _kept_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), used_classes)
    # Dropping a property can orphan the properties only it read: repeat until the set of properties read stops
    # shrinking (it only ever shrinks, so this ends).
    read = None
    while True:
        text = "".join(_serialize(rule, read) for rule in rules)
        still_read = set(_VARIABLE_USE.findall(text))
        if still_read == read:
            return text
        read = still_read


def _kept_rules(rules: list, used: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "error":
            raise ThemeError(f"the JupyterLab theme does not parse at line {rule.source_line}: {rule.message}")
        if isinstance(rule, QualifiedRule):
            selectors = [s for s in _split_selectors(rule.prelude) if _selector_applies(s, used)]
            if selectors:
                rule.prelude = _join_selectors(selectors)
                kept.append(rule)
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in _GROUPING_RULES and rule.content is not None:
            inner = _kept_rules(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), used)
            if inner:
                rule.content = tinycss2.parse_component_value_list("".join(tinycss2.serialize([r]) for r in inner))
                kept.append(rule)
        elif isinstance(rule, AtRule):
            kept.append(rule)
    return kept


def _split_selectors(prelude: list) -> list[list]:
    """A selector list split on its top-level commas (those inside :is() or :not() stay)."""
    selectors, current = [], []
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    return selectors + [current]


def _join_selectors(selectors: list[list]) -> list:
    joined = []
    for index, selector in enumerate(selectors):
        if index:
            joined.append(LiteralToken(0, 0, ","))
        joined.extend(selector)
    return joined


def _selector_applies(selector: list, used: set[str]) -> bool:
    """False when the selector needs a class no page has. Classes inside :is(), :where(), :not() and :has() are not
    judged (one alternative may be enough, or an absent class may be what matches), so those rules stay."""
    outside_functions = [token for token in selector if not isinstance(token, FunctionBlock)]
    names = _CLASS.findall(tinycss2.serialize(outside_functions))
    return all(name in used or name.startswith("md-") for name in names)


def _serialize(rule, read: set[str] | None) -> str:
    """The rule as text; with `read`, its custom properties that nothing reads are left out."""
    if read is None or not isinstance(rule, QualifiedRule):
        if isinstance(rule, AtRule) and rule.lower_at_keyword in _GROUPING_RULES and rule.content is not None and read:
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            body = "".join(_serialize(r, read) for r in inner)
            return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}" if body else ""
        return tinycss2.serialize([rule])
    declarations = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
    kept = [d for d in declarations
            if not (isinstance(d, Declaration) and d.name.startswith("--") and d.name not in read)]
    if not kept:
        return ""
    body = ";".join(tinycss2.serialize([d]) for d in kept)
    return f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}"
