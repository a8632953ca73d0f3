"""Find the line of a key path in a YAML file, so schema errors can say ``path:line``."""

from __future__ import annotations

import yaml


def line_of(text: str, path: tuple) -> int:
    """1-based line of the node at ``path`` (keys and list indexes), or its nearest parent."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return 1
    line = node.start_mark.line + 1 if node is not None else 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    line, node = k.start_mark.line + 1, v
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
