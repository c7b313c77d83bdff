"""Stories: reports of one news event, in any language, grouped; other news of the same days kept apart."""

from __future__ import annotations

import json

from silkwatch.query import story_of
from silkwatch.extract.traits import StoryTraits, story_traits
from silkwatch.pipeline import ingest
from silkwatch.records import Document
from silkwatch.stories import FEATURES, pair_features, same_story_probability, story_model

OPENING_EN = ("ASTANA, June 10 -- Kazakh President Kassym-Jomart Tokayev and Chinese President Xi Jinping opened the "
              "new Khorgos dry port terminal on Tuesday in Astana; the two leaders said it would handle 480,000 "
              "containers a year from 2026.")
OPENING_EN_LATE = ("Kazakhstan's Tokayev and China's Xi Jinping opened a Khorgos dry port terminal in Astana on June 10. "
                   "It is to handle 480,000 containers a year from 2026, the two presidents said at the ceremony.")
OPENING_RU = ("Президент Казахстана Касым-Жомарт Токаев и Председатель КНР Си Цзиньпин 10 июня в Астане открыли новый "
              "терминал сухого порта Хоргос, который будет принимать 480 000 контейнеров в год.")
BUDGET = ("Uzbekistan's parliament approved a new budget on Tuesday that raises spending on schools and hospitals "
          "in the Fergana valley by 12 percent and sets aside funds for irrigation canals.")
NEXT_MONTH = ("Tokayev and Xi Jinping spoke by telephone on Monday about trade between Kazakhstan and China and a "
              "visit to Beijing planned for the autumn.")


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_reports_of_one_event_in_two_languages_are_one_story_and_other_news_of_that_day_is_not(store, profile, nlp, tmp_path):
    ingest([_write(tmp_path / "a.jsonl", [
        {"id": "en", "published": "2025-06-10", "text": OPENING_EN, "lang": "en"},
        {"id": "ru", "published": "2025-06-10", "text": OPENING_RU, "lang": "ru"},
        {"id": "budget", "published": "2025-06-10", "text": BUDGET, "lang": "en"},
    ])], store, profile)
    stories = story_of(store)
    assert stories["en"] == stories["ru"]
    assert stories["budget"] != stories["en"]


def test_a_late_report_joins_its_story_and_news_weeks_later_starts_another(store, profile, nlp, tmp_path):
    ingest([_write(tmp_path / "a.jsonl", [{"id": "en", "published": "2025-06-10", "text": OPENING_EN}])], store, profile)
    ingest([_write(tmp_path / "b.jsonl", [{"id": "late", "published": "2025-06-11", "text": OPENING_EN_LATE},
                                          {"id": "july", "published": "2025-07-14", "text": NEXT_MONTH}])], store, profile)
    stories = story_of(store)
    assert stories["late"] == stories["en"]
    assert stories["july"] != stories["en"]


def test_shared_names_figures_and_day_make_one_story_likelier(profile):
    en = story_traits(Document(doc_id="en", text=OPENING_EN, source="t", published="2025-06-10", lang="en"), [], profile)
    ru = story_traits(Document(doc_id="ru", text=OPENING_RU, source="t", published="2025-06-10", lang="ru"), [], profile)
    budget = story_traits(Document(doc_id="b", text=BUDGET, source="t", published="2025-06-10", lang="en"), [], profile)
    assert {"Kassym-Jomart Tokayev", "Xi Jinping", "Astana"} <= en.names & ru.names
    assert "480000" in en.figures & ru.figures
    assert (6, 10) in ru.day_months
    p_ru, p_budget = same_story_probability(en, [ru, budget])
    assert p_ru > story_model().threshold > p_budget
    assert len(pair_features(en, ru)) == len(FEATURES) == len(story_model().weights)


def test_traits_survive_the_store_unchanged(profile):
    t = story_traits(Document(doc_id="en", text=OPENING_EN, source="t", published="2025-06-10", lang="en"), [], profile)
    back = StoryTraits.from_json("en", t.as_json(), t.vector)
    assert back == t
    assert abs(float(back.array() @ t.array()) - 1.0) < 1e-2


OPENING_PT = ("ASTANA, 10 jun -- O presidente do Cazaquistão, Kassym-Jomart Tokayev, e o presidente chinês, Xi Jinping, "
              "inauguraram nesta terça-feira em Astana o novo terminal do porto seco de Khorgos, que deverá movimentar "
              "480.000 contêineres por ano a partir de 2026.")


def test_a_translation_is_a_copy_of_its_report_and_a_report_in_its_own_words_is_not(store, profile, nlp, tmp_path):
    from silkwatch.query import copy_of

    ingest([_write(tmp_path / "a.jsonl", [{"id": "en", "published": "2025-06-10", "text": OPENING_EN, "lang": "en"}])], store, profile)
    ingest([_write(tmp_path / "b.jsonl", [{"id": "pt", "published": "2025-06-10", "text": OPENING_PT, "lang": "pt"},
                                          {"id": "ru", "published": "2025-06-10", "text": OPENING_RU, "lang": "ru"}])], store, profile)
    stories, copies = story_of(store), copy_of(store)
    assert stories["pt"] == stories["en"] == stories["ru"]
    assert copies["pt"] == copies["en"]
    assert copies["ru"] != copies["en"]  # its own wording: another source of the same event


def test_stories_do_not_depend_on_how_many_documents_a_write_holds(profile, nlp, tmp_path):
    from silkwatch.store import open_store

    rows = [{"id": "budget", "published": "2025-06-10", "text": BUDGET},
            {"id": "en", "published": "2025-06-10", "text": OPENING_EN},
            {"id": "july", "published": "2025-07-14", "text": NEXT_MONTH},
            {"id": "late", "published": "2025-06-11", "text": OPENING_EN_LATE},
            {"id": "ru", "published": "2025-06-10", "text": OPENING_RU, "lang": "ru"}]
    path = _write(tmp_path / "a.jsonl", rows)
    partitions = []
    for size in (1, 64):
        store = open_store(f"sqlite:///{tmp_path}/w{size}.db")
        ingest([path], store, profile, batch_size=size)
        stories = story_of(store)
        partitions.append(sorted(sorted(d for d in stories if stories[d] == s) for s in set(stories.values())))
        store.close()
    assert partitions[0] == partitions[1]
    assert ["en", "late", "ru"] in partitions[0]
