"""The gazetteer: required ids, schema validation with file and line, dated readings, several files."""

from __future__ import annotations

import textwrap

import pandas as pd
import pytest

import helpers as h
from helpers.gazetteer import GazetteerError, alias_variants

REQUIRED = """syrian_government syrian_transitional_government syrian_opposition hts jabhat_al_nusra free_syrian_army
syrian_national_army ahrar_al_sham jaysh_al_islam jaysh_al_izza isis al_qaeda ypg sdf pyd pkk hezbollah houthis
hamas iraqi_militias irgc wagner syrian_observatory white_helmets druze_factions russia iran turkey united_states
israel ukraine saudi_arabia qatar united_arab_emirates jordan iraq lebanon united_kingdom france germany china egypt
european_union united_nations nato us_led_coalition""".split()


def write(tmp_path, body, name="g.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_kit_gazetteer_has_required_ids_parents_and_cited_edges():
    g = h.load_gazetteer()
    assert set(REQUIRED) <= set(g.actors.index)
    assert g.actors.at["ypg", "parent"] == "sdf" and g.actors.at["irgc", "parent"] == "iran"
    assert g.actors.at["wagner", "parent"] == "russia"
    assert g.actors.at["national_defense_forces", "parent"] == "syrian_government"
    assert (g.backs["cite"].str.len() > 5).all()
    edges = set(zip(g.backs.backer, g.backs.client))
    assert {
        ("russia", "syrian_government"),
        ("iran", "syrian_government"),
        ("turkey", "syrian_national_army"),
        ("united_states", "sdf"),
        ("iran", "hezbollah"),
    } <= edges
    dated = g.aliases[g.aliases["from"].notna() | g.aliases["to"].notna()]
    assert len(dated) > 20 and (dated["cite"].str.len() > 5).all()
    vias = set(g.aliases.via)
    assert vias == {"name", "acronym", "demonym", "leader", "capital", "body"}
    assert len(g.sha256) == 64


def test_alias_variants():
    v = alias_variants("Jabhat al-Nusra")
    assert {"jabhat al-nusra", "jabhat al nusra", "jabhat el-nusra", "jabhat an-nusra"} <= set(v)
    assert alias_variants("US", case_sensitive=True) == ["US"]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            """\
     actors:
       - id: a
         label: A
         kind: faction
         colour: red
     """,
            r"line 2: colour 'red' is not a hex colour",
        ),
        (
            """\
     actors:
       - id: a
         label: A
         kind: faction
         color: '#123456'
     """,
            r"line 2: unknown key\(s\) \['color'\]",
        ),
        (
            """\
     actors:
       - {id: a, label: A, kind: faction}
       - {id: a, label: A2, kind: faction}
     """,
            r"line 3: duplicate id 'a'",
        ),
        (
            """\
     actors:
       - {id: a, label: A, kind: faction, parent: nobody}
     """,
            r"line 2: parent 'nobody' of 'a' is not a known id",
        ),
        (
            """\
     actors:
       - {id: a, label: A, kind: faction}
     backs:
       - {backer: a, client: ghost, cite: x}
     """,
            r"line 4: client 'ghost' is not a known id",
        ),
        (
            """\
     actors:
       - id: a
         label: A
         kind: faction
         aliases:
           - {text: Alpha, from: 2024-13-40, cite: x}
     """,
            r"line 6: bad date",
        ),
        (
            """\
     actors:
       - id: a
         label: A
         kind: faction
         aliases:
           - {text: Alpha, from: 2024-01-01}
     """,
            r"line 6: the dated alias 'Alpha' of 'a' needs a 'cite'",
        ),
        (
            """\
     actors:
       - {id: a, label: A, kind: faction, aliases: [Alpha]}
       - {id: b, label: B, kind: faction, aliases: [alpha]}
     """,
            r"line 3: alias 'alpha' of 'b' overlaps in time with 'Alpha' of 'a'",
        ),
        (
            """\
     actors:
       - {id: a, label: A, kind: gang}
     """,
            r"line 2: kind 'gang'",
        ),
        ("actors: [\n  {id: a, label: A\n", r"line \d+: invalid YAML"),
    ],
)
def test_validation_names_file_line_and_reason(tmp_path, body, message):
    p = write(tmp_path, body)
    with pytest.raises(GazetteerError, match=message) as err:
        h.load_gazetteer(p)
    assert str(p) in str(err.value)


def test_disjoint_dates_and_ambiguous_flag_are_allowed(tmp_path):
    p = write(
        tmp_path,
        """\
     actors:
       - id: a
         label: A
         kind: faction
         aliases: [{text: Alpha, to: 2020-01-01, cite: x}, {text: Zed, ambiguous: true}]
       - id: b
         label: B
         kind: faction
         aliases: [{text: alpha, from: 2020-01-02, cite: y}, Zed]
     """,
    )
    g = h.load_gazetteer(p)
    assert len(g.aliases) == 4 and g.ambiguities


def test_user_file_on_top_and_ignore_phrases(tmp_path):
    extra = write(
        tmp_path,
        """\
     meta: {name: extra}
     actors:
       - id: tahrir_front
         label: Tahrir Front (test)
         kind: faction
         aliases: [Tahrir Front]
     ignore: [Russia Street]
     """,
    )
    g = h.load_gazetteer(["syria", extra])
    assert "tahrir_front" in g.actors.index and "hts" in g.actors.index
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["The Tahrir Front met on Russia Street; Russia said."],
            "date": pd.to_datetime(["2024-12-01"], utc=True),
            "source": ["s"],
            "duplicate_of": [None],
        }
    )
    m = h.tag_mentions(c, g)
    assert m.entity.astype(str).tolist() == ["tahrir_front", "russia"]
    copy = tmp_path / "copy.yaml"
    copy.write_text(h.packs.pack_file("syria").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(GazetteerError, match="duplicate id 'syrian_government'"):
        h.load_gazetteer(["syria", copy])


def test_leader_readings_follow_the_record():
    g = h.load_gazetteer()
    a = g.aliases[g.aliases.text == "Ahmed al-Sharaa"]
    assert set(a.entity) == {"hts", "syrian_transitional_government"}


def test_colour_key_is_read_and_normalised(tmp_path):
    p = write(
        tmp_path,
        """\
        actors:
          - {id: a, label: A, kind: faction, colour: '#0072B2'}
          - {id: b, label: B, kind: faction, colour: '#07b'}
          - {id: c, label: C, kind: faction}
        """,
    )
    g = h.load_gazetteer(p)
    assert g.actors.at["a", "colour"] == "#0072b2" and g.actors.at["b", "colour"] == "#0077bb"
    assert pd.isna(g.actors.at["c", "colour"])


def test_kit_gazetteer_colours_are_distinct():
    colours = h.load_gazetteer().actors["colour"].dropna()
    assert len(colours) >= 10 and colours.is_unique
    assert {"united_states", "united_kingdom", "isis"} <= set(colours.index)


@pytest.mark.parametrize(
    ("pack", "text", "date", "entity"),
    [
        # a place of the war named only in Arabic lets the pack's generic words count
        ("sudan", "قصف الجيش مواقع الميليشيا قرب نيالا.", "2024-03-10", "sudanese_armed_forces"),
        ("syria", "أما قوات النظام فتقدمت نحو خان شيخون.", "2019-08-20", "syrian_government"),
    ],
)
def test_arabic_town_names_are_context_words(pack, text, date, entity):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    m = h.tag_mentions(c, gazetteer=[pack])
    assert entity in set(m.loc[m.role == "actor", "entity"].astype(str))


@pytest.mark.parametrize(
    ("text", "pack", "date", "surface", "entity"),
    [
        # Arabic spellings of names the English side already knew, and two leaders and descriptions it lacked
        ("فرضت واشنطن عقوبات على شركات بريغوجين في السودان.", "sudan", "2020-07-16", "بريغوجين", "wagner"),
        ("وقال نعيم قاسم إن الحزب خسر طريق الإمداد.", None, "2024-12-14", "نعيم قاسم", "hezbollah"),
        (
            "أعلنت إدارة العمليات العسكرية دخول حمص.",
            None,
            "2024-12-10",
            "إدارة العمليات العسكرية",
            "syrian_transitional_government",
        ),
        (
            "هاجمت الجبهة الوطنية للتحرير مواقع قرب سراقب.",
            None,
            "2020-02-20",
            "الجبهة الوطنية للتحرير",
            "syrian_opposition",
        ),
        (
            "اتهم السودان كتيبة سبل السلام بنقل الوقود.",
            "sudan",
            "2024-06-19",
            "كتيبة سبل السلام",
            "libyan_national_army",
        ),
        (
            "قصفت القوات شبه العسكرية أحياء الفاشر.",
            "sudan",
            "2024-06-01",
            "القوات شبه العسكرية",
            "rapid_support_forces",
        ),
        ("رحبت سلطة بورتسودان بالقرار.", "sudan", "2024-06-01", "سلطة بورتسودان", "sudanese_government"),
        ("Zelenskyy thanked Ankara for the drones.", None, "2023-03-01", "Zelenskyy", "ukraine"),
        (
            "دانت الجمهورية العربية السورية العدوان.",
            None,
            "2018-01-21",
            "الجمهورية العربية السورية",
            "syrian_government",
        ),
    ],
)
def test_names_added_on_7_dec(text, pack, date, surface, entity):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    m = h.tag_mentions(c, gazetteer=[pack] if pack else None)
    assert (surface, entity) in set(zip(m["surface"], m["entity"])), text


def test_a_dotted_acronym_may_drop_its_last_stop():
    assert alias_variants("S.D.F.", case_sensitive=True) == ["S.D.F", "S.D.F."]
    assert alias_variants("SDF", case_sensitive=True) == ["SDF"]
    assert alias_variants("U.S. Army") == ["u.s. army"]  # only a whole dotted acronym
