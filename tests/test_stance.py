from scripts.extract.entities import extract_entities
from scripts.extract.stance import extract_stance, score_sentence
from tests.helpers import fixture_registry, sentences


def stance_of(text: str, headline: str | None = None) -> dict[str, str]:
    ss = sentences(text)
    return extract_stance(ss, extract_entities(ss, fixture_registry()), headline).labels


def test_strongly_negative_article_is_critical_of_its_subject():
    labels = stance_of(
        "Russia is losing influence in Central Asia. Russia has been weakened by its aggression in Ukraine. "
        "The Kremlin faces a humiliation. Moscow's authority is waning. Russia is isolated."
    )
    assert labels["Russia"] == "critical"


def test_positive_framing_is_supportive():
    labels = stance_of(
        "China has brought many development opportunities to Kazakhstan. China and Kazakhstan achieve mutual benefits "
        "and win-win results. China is a reliable and friendly partner. China's cooperation is constructive."
    )
    assert labels["China"] == "supportive"


def test_mentions_without_cues_stay_neutral():
    labels = stance_of("China met Kazakhstan. China and Kazakhstan signed papers. Kazakhstan hosted China.")
    assert labels == {"China": "neutral", "Kazakhstan": "neutral"}


def test_cue_goes_to_the_possessor_not_the_subject():
    ss = sentences("China, distancing itself from Russia's aggression in Ukraine, stays neutral.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], [m for m in ents.mentions if m.implied_by is None])
    assert "Russia" in scores and "China" not in scores


def test_victim_of_an_action_is_not_blamed():
    ss = sentences("The ties of the U.S. and Japan with Kazakhstan harm Russian interests and threaten Russian security.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert "Russia" not in scores
    assert sum(w for w, _ in scores["Japan"]) < 0 and sum(w for w, _ in scores["United States"]) < 0


def test_negation_flips_a_cue():
    ss = sentences("The Kremlin stated that Russia was not worried at all and that Russia is not weak.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert sum(w for w, _ in scores["Russia"]) > 0


def test_one_weak_cue_is_not_enough_for_a_polar_label():
    labels = stance_of("Russia met China. Russia faces some problems. China met Russia again.")
    assert labels["Russia"] == "neutral"


def test_outlets_and_projects_get_no_stance_label():
    labels = stance_of("Reuters said Russia won. Reuters added Russia lost. Reuters reported that Reuters was right.")
    assert "Reuters" not in labels


def test_little_benefit_is_not_praise_and_debt_trap_framing_is_critical():
    labels = stance_of(
        "China's debt trap tightens around Kazakhstan. Beijing has used opaque loans to expand its influence. "
        "Chinese companies exploit the mines with little benefit for local people. China's expansion alarms observers."
    )
    assert labels["China"] == "critical"


def test_nothing_but_affirms_rather_than_negates():
    ss = sentences("Washington's interference has brought nothing but instability to Kazakhstan.")
    ents = extract_entities(ss, fixture_registry())
    scores = score_sentence(ss[0], ents.mentions)
    assert sum(w for w, _ in scores["United States"]) < 0


def test_overlapping_cues_count_once():
    ss = sentences("The relationship between China and Kazakhstan is good and stable.")
    ents = extract_entities(ss, fixture_registry())
    cues = [c for _, c in score_sentence(ss[0], ents.mentions)["Kazakhstan"]]
    assert cues == ["good and stable"]
