"""Russian names linked to the profile through their case forms, and unknown names written in Latin script."""

from __future__ import annotations

import pytest

from silkwatch.extract.ru.names import ru_names


@pytest.mark.parametrize("text, kind, key", [
    ("Делегация прибыла в Астану.", "place", "Astana"),
    ("Переговоры прошли в Астане.", "place", "Astana"),
    ("Встреча состоялась в Нурсултане.", "place", "Astana"),
    ("Посол Казахстана выступил.", "state", "KZ"),
    ("Министр встретился с Си Цзиньпином.", "person", "Xi Jinping"),
    ("Письмо направлено Си Цзиньпину.", "person", "Xi Jinping"),
    ("Форум стран Центральной Азии открылся.", "group", "C5"),
    ("Делегации китайской стороны приехали.", "state", "CN"),
    ("Саммит прошел в Сиане.", "place", "Xi'an"),
])
def test_a_case_form_finds_its_entity(profile, text, kind, key):
    found = {(m.kind, m.key) for m in ru_names(profile).mentions(text)}
    assert (kind, key) in found


def test_a_common_word_is_not_a_name(profile):
    assert ru_names(profile).mentions("Он пришел и сел, а потом си-бемоль прозвучала в зале.") == []


@pytest.mark.parametrize("russian, latin", [
    ("К.-Ж. Токаев", "Kassym-Jomart Tokayev"),
    ("Касым-Жомартом Токаевым", "Kassym-Jomart Tokayev"),
    ("Чжэн Шаньцзе", "Zheng Shanjie"),
    ("Ху Хэпин", "Hu Heping"),
    ("Тилек Текебаев", "Tilek Tekebaev"),
    ("Данияр Амангельдиев", "Daniyar Amangeldiev"),
])
def test_people_get_their_canonical_or_transliterated_latin_name(profile, russian, latin):
    assert ru_names(profile).person(russian)[0] == latin
