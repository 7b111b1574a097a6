"""Optimal one-to-one assignment between two sets of keys.

Used to pair system measures with gold measures: as many pairs as possible, and among the
assignments with that many pairs the one with the largest total weight (overlap). A greedy
"largest overlap first" pairing can leave a gold measure unpaired although a compatible system
measure is free (system A overlaps gold 1 and 2, system B only gold 1: greedy may give A gold 1).
"""

from __future__ import annotations

from collections.abc import Mapping

Edge = tuple[str, str]


def _components(edges: Mapping[Edge, int]) -> list[list[Edge]]:
    """The connected components of the bipartite graph, as lists of edges."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in edges:
        parent[find(("L", left))] = find(("R", right))
    groups: dict[tuple[str, str], list[Edge]] = {}
    for edge in sorted(edges):
        groups.setdefault(find(("L", edge[0])), []).append(edge)
    return list(groups.values())


def _assign_component(edges: list[Edge], weight: Mapping[Edge, int]) -> dict[str, str]:
    """Successive shortest augmenting paths (Bellman-Ford on costs ``-weight``): each step adds
    one pair at the least cost, so the final assignment is maximal in size and, for that size,
    in total weight."""
    owner: dict[str, str] = {}  # right -> left
    partner: dict[str, str] = {}  # left -> right
    lefts = sorted({left for left, _ in edges})
    adjacent: dict[str, list[str]] = {}
    for left, right in edges:
        adjacent.setdefault(left, []).append(right)
    while True:
        # distance to each right node over alternating paths starting at a free left node
        best: dict[str, int] = {}
        came_from: dict[str, str] = {}
        frontier = {left: 0 for left in lefts if left not in partner}
        if not frontier:
            break
        for _ in range(len(edges) + 1):
            changed = False
            reach: dict[str, int] = dict(frontier)
            for right, left in owner.items():
                if right in best:
                    cost = best[right] + weight[(left, right)]  # undo the pair: gain back
                    if cost < reach.get(left, cost + 1):
                        reach[left] = cost
            for left, cost_left in sorted(reach.items()):
                for right in adjacent.get(left, ()):
                    if partner.get(left) == right:
                        continue
                    cost = cost_left - weight[(left, right)]
                    if cost < best.get(right, cost + 1):
                        best[right], came_from[right] = cost, left
                        changed = True
            if not changed:
                break
        free = [right for right in best if right not in owner]
        if not free:
            break
        right = min(free, key=lambda r: (best[r], r))
        while True:  # flip the path back to its free left node
            left = came_from[right]
            previous = partner.get(left)
            owner[right], partner[left] = left, right
            if previous is None:
                break
            right = previous
    return partner


def optimal_assignment(weight: Mapping[Edge, int]) -> dict[str, str]:
    """Left key -> right key, one-to-one over the given edges (``weight[(left, right)] > 0``):
    the most pairs, then the largest total weight; ties resolved by key order."""
    result: dict[str, str] = {}
    for component in _components(weight):
        result.update(_assign_component(component, weight))
    return result
