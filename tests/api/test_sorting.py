"""Sorting facts through the API behaves the same on SQLite and PostgreSQL: facts without the sorted field come last."""

from __future__ import annotations


def _column(fact: dict, sort: str):
    if sort == "value":
        return fact["value"].get("value") if fact["kind"] == "quantity" else None
    # "period" sorts by when: the period of a figure, the date of an event
    return fact["key"].get("period") or fact["value"].get("start") or fact["value"].get("date")


def test_facts_without_a_value_or_period_sort_last(client):
    for sort in ("value", "period"):
        items = client.get("/api/facts", params={"sort": sort, "limit": 200}).json()["items"]
        present = [_column(f, sort) is not None for f in items]
        assert True in present and False in present, sort  # the fixture store has both
        assert present == sorted(present, reverse=True), f"sort={sort}: a fact without it came before one with it"
        values = [_column(f, sort) for f in items if _column(f, sort) is not None]
        assert values == sorted(values, reverse=True)
