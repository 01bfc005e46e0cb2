"""Countries, people and organisations through the registry, plus detection of unknown names.

Matching is longest-first over tokens against every registry spelling (names,
aliases, acronyms, short forms, demonyms, metonyms). Spellings the registry
lacks are matched by a transliteration skeleton (Rakhmon ~ Rahmon, Zhaparov ~
Japarov). Names the registry does not know are detected from titles, roles
and speech verbs around capitalised words, and reported for review.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import itemgetter
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Unregistered
from ..registry import Actor, Registry
from ..textutil import Sentence, Token, folded_words, tokenize
from ..wordlists import table, words

# Priority of a spelling when two actors share one: lower wins.
_FORM_PRIORITY = {"name": 0, "alias": 1, "acronym": 1, "short": 2, "demonym": 3, "metonym": 4}
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")


@lru_cache(maxsize=1 << 16)
def _norm(token: str) -> str:
    token = unicodedata.normalize("NFKD", token)
    token = "".join(c for c in token if not unicodedata.combining(c))
    return token.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")


_CYRILLIC_ENDINGS = tuple(sorted(words("names", "cyrillic_case_endings"), key=len, reverse=True))
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff-]+$")
CYRILLIC_MIN_STEM = 3


@lru_cache(maxsize=1 << 16)
def _cyrillic_stems(token: str) -> tuple[str, ...]:
    """A Cyrillic word without each case ending it may have, the longest ending first ('Сергей' -> 'Серг', 'Серге');
    the word itself when it has none, or is an acronym ('СНГ'). Other words: () ."""
    if not _CYRILLIC_WORD.match(token):
        return ()
    token = token.replace("ё", "е").replace("Ё", "Е")
    if token.isupper():
        return (token,)
    stems = [token[: -len(e)] for e in _CYRILLIC_ENDINGS if token.endswith(e) and len(token) - len(e) >= CYRILLIC_MIN_STEM]
    return tuple(dict.fromkeys(stems)) or (token,)


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    """A token as the text is looked up: normalised, and a Cyrillic word without its longest case ending
    ('Узбекистана', 'Узбекистаном' -> 'Узбекистан'), so a name matches in every case of Russian."""
    stems = _cyrillic_stems(token)
    return stems[0] if stems else _norm(token)


def _registry_keys(tokens: list[Token]) -> list[tuple[str, ...]]:
    """A registry spelling as the gazetteer keys it: with every stem of each Cyrillic word ('Сергей Лавров' ->
    'Серг Лавров', 'Серге Лавров'), so that the longest ending cut from any case in a text meets one of them."""
    keys: list[tuple[str, ...]] = [()]
    for t in tokens:
        keys = [(*k, stem) for k in keys for stem in (_cyrillic_stems(t.text) or (_norm(t.text),))]
    return keys


@lru_cache(maxsize=1 << 14)
def skeleton(name: str) -> str:
    """A transliteration-insensitive key: Rakhmon/Rahmon -> 'rahmon', Zhaparov/Japarov -> 'iaparov'."""
    s = _norm(name).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("yo", "o"), ("yu", "u"),
                 ("ya", "a"), ("ye", "e"), ("ie", "e"), ("iy", "i"), ("y", "i"), ("j", "i"), ("w", "v"),
                 ("ck", "k"), ("q", "k"), ("x", "ks"), ("ph", "f"), ("ou", "u"), ("ii", "i")):
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=1 << 14)
def consonants(name: str) -> str:
    """The consonants of a name, transliteration-insensitive: 'Yoqub' and 'Yaqoob' -> 'ykb', 'Mirzieev' -> 'mrzv'."""
    s = re.sub(r"[^a-z]", "", _norm(name).lower())
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ck", "k"), ("q", "k"), ("w", "v"),
                 ("x", "ks"), ("ph", "f")):
        s = s.replace(a, b)
    s = s[:1] + re.sub(r"[aeiouy]", "", s[1:]) if s[:1] not in "aeiou" else re.sub(r"[aeiouy]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


@dataclass(frozen=True)
class Mention:
    actor: str
    kind: str  # country | person | organisation | group
    surface: str
    how: str  # name | alias | acronym | short | demonym | metonym | fuzzy | detected | local
    sentence: int
    start: int
    end: int
    implied_by: str | None = None  # e.g. a country implied by a person's mention
    org_kind: str | None = None  # for registry organisations: outlet, alliance, ...


@dataclass
class Gazetteer:
    """Registry spellings keyed by their token sequence."""

    exact: dict[tuple[str, ...], tuple[Actor, str]] = field(default_factory=dict)
    max_len: int = 1
    lengths_from: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first token -> lengths of the spellings it starts, longest first
    surname_skeletons: dict[str, list[Actor]] = field(default_factory=lambda: defaultdict(list))
    first_name_skeletons: dict[str, list[tuple[Actor, str]]] = field(default_factory=lambda: defaultdict(list))  # -> (actor, surname skeleton)
    surname_consonants: dict[str, list[tuple[Actor, str]]] = field(default_factory=lambda: defaultdict(list))  # -> (actor, first name's)
    vocabulary: set[str] = field(default_factory=set)  # every token of every spelling

    def add(self, form: str, actor: Actor, how: str, lower_after: tuple[str, ...] = (), lower_tail: bool = False) -> None:
        """Add a spelling; with ``lower_after`` (a country's forms), also 'Kazakh foreign ministry' for 'Kazakh Foreign
        Ministry'; with ``lower_tail``, also 'Eurasian economic commission' for a name of three words or more."""
        form = _LEADING_ARTICLE.sub("", form.strip())
        keys = _registry_keys(tokenize(form))
        key = keys[0]
        if not key:
            return
        variants = set(keys)
        if key[0][:1].islower():
            variants.add((key[0][:1].upper() + key[0][1:], *key[1:]))
        if how in ("name", "alias") and all(t.isupper() for t in key if t.isalpha()) and sum(map(len, key)) >= 4:
            variants.add(tuple(_title_case(t) for t in key))  # 'ITAR-TASS' is printed 'Itar-Tass' too
        camel = [k for k, t in enumerate(key) if t.isalpha() and not t.isupper() and sum(c.isupper() for c in t) >= 2]
        if how in ("name", "alias") and camel:  # 'KazMunayGas' is printed 'Kazmunaygas' too
            variants.add(tuple(t[:1] + t[1:].lower() if k in camel else t for k, t in enumerate(key)))
        if lower_tail and len(key) >= 3 and all(t[:1].isupper() and t.isalpha() for t in key if t.lower() not in _ORG_CONNECTORS):
            variants.add((key[0], *(t.lower() for t in key[1:])))  # the wires' 'the Eurasian economic commission'
        prefix = next((n for n in range(len(key) - 1, 0, -1) if " ".join(key[:n]) in lower_after), 0) if lower_after else 0
        if prefix and not any(t.isupper() for t in key[prefix:]):
            variants.add(key[:prefix] + tuple(t.lower() for t in key[prefix:]))  # the wires' lower case
            owner = max((k for k in range(prefix, len(key)) if key[k] in ("'s", "’s")), default=0)
            if owner:  # "the Uzbek President's press service"
                variants.add(key[: owner + 1] + tuple(t.lower() for t in key[owner + 1 :]))
        for variant in variants:
            current = self.exact.get(variant)
            if current is None or _FORM_PRIORITY[how] < _FORM_PRIORITY[current[1]]:
                self.exact[variant] = (actor, how)
            lengths = self.lengths_from.get(variant[0], ())
            if len(variant) not in lengths:
                self.lengths_from[variant[0]] = tuple(sorted((*lengths, len(variant)), reverse=True))
        self.max_len = max(self.max_len, len(key))
        self.vocabulary.update(key)


def _title_case(token: str) -> str:
    """'ITAR-TASS' -> 'Itar-Tass' (each part after a hyphen capitalised)."""
    return "-".join(part[:1] + part[1:].lower() for part in token.split("-"))


_GAZETTEERS: dict[int, tuple[Registry, Gazetteer]] = {}


def gazetteer(registry: Registry) -> Gazetteer:
    """The gazetteer of ``registry``, built once per registry object."""
    cached = _GAZETTEERS.get(id(registry))
    if cached is None or cached[0] is not registry:
        cached = (registry, build_gazetteer(registry))
        _GAZETTEERS[id(registry)] = cached
    return cached[1]


def use_gazetteer(registry: Registry, built: Gazetteer) -> None:
    """Make ``built`` (read from a cache) the gazetteer of ``registry``."""
    _GAZETTEERS[id(registry)] = (registry, built)


@lru_cache(maxsize=512)
def _country_prefixes(country: Actor | None) -> tuple[str, ...]:
    """A country's forms before a national body's name ('Kazakh', "Kazakhstan's"), as space-joined tokens."""
    if country is None:
        return ()
    forms = [*country.demonyms, country.name, f"{country.name}'s"]
    return tuple(" ".join(_key(t.text) for t in tokenize(form)) for form in forms)


_LOWER_TAIL_KINDS = frozenset(("intergovernmental", "alliance"))  # bodies of states, whose names the wires print in lower case


def build_gazetteer(registry: Registry) -> Gazetteer:
    gazetteer = Gazetteer()
    for actor in registry.actors.values():
        lower_tail = actor.kind == "organisation" and actor.org_kind in _LOWER_TAIL_KINDS
        gazetteer.add(actor.name, actor, "name", lower_tail=lower_tail)
        national = actor.kind == "organisation" and actor.org_kind == "government" and actor.country
        lower_after = _country_prefixes(registry.get(actor.country)) if national and actor.country else ()
        for form in actor.aliases:
            gazetteer.add(form, actor, "alias", lower_after, lower_tail)
        for form in actor.acronyms:
            gazetteer.add(form, actor, "acronym")
        for form in actor.short:
            gazetteer.add(form, actor, "short")
        for form in actor.demonyms:
            gazetteer.add(form, actor, "demonym")
        for form in actor.metonyms:
            gazetteer.add(form, actor, "metonym")
        if actor.kind == "person":
            for form in (actor.name, *actor.aliases):
                parts = form.split()
                if len(parts) >= 2 and skeleton(parts[-1]) and skeleton(parts[0]):  # Latin letters (not 'Шавкат Мирзиёев')
                    gazetteer.surname_skeletons[skeleton(parts[-1])].append(actor)
                    gazetteer.first_name_skeletons[skeleton(parts[0])].append((actor, skeleton(parts[-1])))
                    gazetteer.surname_consonants[consonants(parts[-1])].append((actor, consonants(parts[0])))
    for key in list(gazetteer.surname_skeletons):
        gazetteer.surname_skeletons[key] = list(dict.fromkeys(gazetteer.surname_skeletons[key]))
    for key in list(gazetteer.surname_consonants):
        gazetteer.surname_consonants[key] = list(dict.fromkeys(gazetteer.surname_consonants[key]))
    for key in list(gazetteer.first_name_skeletons):
        gazetteer.first_name_skeletons[key] = list(dict.fromkeys(gazetteer.first_name_skeletons[key]))
    return gazetteer


# --- detection of names the registry does not know -------------------------------------------

ROLE_WORDS = words("names", "role_words")
_NOT_NAME_WORDS = words("names", "not_name_words") | words("names", "portfolio_words")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]+|O['’][A-Z][a-z]+|Mc[A-Z][a-z]+)(?:[-'’][A-Za-z][a-z]+)*$")
_PARTICLES = words("names", "name_particles")
ORG_HEADS = words("names", "organisation_heads")
_ORG_CONNECTORS = words("names", "organisation_connectors")
# A person's name holds no title ('Governor Vladimir Mazur'), no head word of an organisation
# ('Minister for Railways Saad Rafiq') and no lower-case compound ('Telegram-channel'), though
# a short particle may join two capitalised parts ('Bakht-ur-Rehman').
_NOT_PERSON_WORDS = _NOT_NAME_WORDS | ORG_HEADS | {w.capitalize() for w in ROLE_WORDS}
_LOWER_COMPOUND = re.compile(r"-(?![a-z]{1,3}-[A-Z])[a-z]")


@dataclass
class EntityResult:
    mentions: list[Mention]
    countries: list[str]
    people: list[str]
    organisations: list[str]
    groups: list[str]
    unregistered: list[Unregistered]
    evidence: dict[str, dict[str, str]]

    def count(self, actor: str) -> int:
        return sum(1 for m in self.mentions if m.actor == actor and m.implied_by is None)


@lru_cache(maxsize=1 << 16)
def _capitalised(token: str) -> bool:
    return bool(_NAME_TOKEN.match(_norm(token)))


@lru_cache(maxsize=1 << 16)
def _person_word(token: str) -> bool:
    """A word that can be part of a person's name: capitalised, no title, no organisation's head word."""
    return _capitalised(token) and token not in _NOT_PERSON_WORDS and not _LOWER_COMPOUND.search(token)


def _lookup_keys(tokens: list[Token]) -> list[str]:
    """Each token's text (Token is a tuple) as the gazetteer is looked up: :func:`_key` of it, which is the text
    itself for a token of ASCII characters only (nothing to normalise, no Cyrillic ending)."""
    texts = list(map(itemgetter(0), tokens))
    return texts if "".join(texts).isascii() else list(map(_key, texts))


def _match_registry(tokens: list[Token], gaz: Gazetteer) -> list[tuple[int, int, Actor, str]]:
    """Longest registry matches as (first token, end token, actor, how)."""
    keys = _lookup_keys(tokens)
    lengths_from = gaz.lengths_from
    found: list[tuple[int, int, Actor, str]] = []
    end = 0  # a match starts after the one before it
    for i in [k for k, first in enumerate(keys) if first in lengths_from]:  # most words start no registry spelling
        if i < end:
            continue
        for n in lengths_from[keys[i]]:
            hit = gaz.exact.get(tuple(keys[i : i + n])) if n <= len(tokens) - i else None
            if hit is None:
                continue
            actor, how = hit
            if how in ("acronym", "short") and n == 1 and not _acronym_context_ok(tokens, i):
                continue
            if not _geographic_context_ok(tokens, i, i + n, how):
                continue
            if how == "short" and _first_name_before(tokens, i, found):
                # 'Tatyana Karimova' is not Gulnara; 'Akilbek Japarov' is Akylbek, not Sadyr.
                named = _fuzzy_person(tokens, i - 1, gaz, set())
                if named is not None:
                    found.append((i - 1, i + 1, named[1], "fuzzy"))
                elif _first_names_match(tokens[i - 1].text, actor):
                    found.append((i - 1, i + 1, actor, "fuzzy"))
                break
            found.append((i, i + n, actor, how))
            end = i + n
            break
    return found


def _compound_countries(tokens: list[Token], matched: dict[int, int], gaz: Gazetteer) -> list[tuple[int, list[tuple[Actor, str]]]]:
    """Tokens joined by hyphens whose every part names a country ('Kyrgyz-Tajik', 'Armenia-Azerbaijan', 'US-China'):
    each part's country, with how it was named."""
    found = []
    for k, token in enumerate(tokens):
        if k in matched or "-" not in token.text or not token.text[:1].isupper():
            continue
        hits = [gaz.exact.get((_key(part),)) for part in token.text.split("-")]
        if len(hits) >= 2 and all(h is not None and h[0].kind == "country" and h[1] != "short" for h in hits):
            found.append((k, [(h[0], h[1]) for h in hits if h is not None]))
    return found


def _first_name_before(tokens: list[Token], i: int, found: list[tuple[int, int, Actor, str]]) -> bool:
    """A word that can only be a first name right before ``tokens[i]`` (not a title, a place, a sentence's first word)."""
    if i < 2 or (found and found[-1][1] == i):
        return False
    return _person_word(tokens[i - 1].text) and tokens[i - 1].text.lower() not in words("language", "stopwords")


def _first_names_match(first: str, actor: Actor) -> bool:
    """'Mykhailo' may be 'Mikhail': the first name's skeleton agrees with one of ``actor``'s."""
    key = skeleton(first)
    if not key:
        return False
    firsts = {skeleton(f.split()[0]) for f in (actor.name, *actor.aliases) if len(f.split()) >= 2} - {""}
    return any(k[:3] == key[:3] or k.startswith(key) or key.startswith(k) for k in firsts)


_REGION_PREFIXES = words("names", "region_prefixes")


def _geographic_context_ok(tokens: list[Token], a: int, b: int, how: str) -> bool:
    """Reject 'Latin American' (not the US), 'Paris Agreement', 'Sofia Petrova' (a first name)."""
    previous = tokens[a - 1].text if a > 0 else ""
    following = tokens[b].text if b < len(tokens) else ""
    if how in ("name", "alias", "demonym") and previous in _REGION_PREFIXES:
        return False
    if following == "$" and b < len(tokens) and tokens[b].start == tokens[b - 1].end:
        return False  # 'US$2.5 billion' names a currency
    if how == "metonym":
        glued_before = a > 0 and _capitalised(previous) and previous not in _NOT_NAME_WORDS
        if _capitalised(following) and following not in _NOT_NAME_WORDS or glued_before:
            return False
    return True


def _acronym_context_ok(tokens: list[Token], i: int) -> bool:
    """A one-token acronym/short form must not be glued to a larger name ("Xi'an" is tokenised whole)."""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return nxt not in ("-",)


def _fuzzy_person(tokens: list[Token], i: int, gaz: Gazetteer, matched: set[int]) -> tuple[int, Actor] | None:
    """'Mykhailo Galuzin' ~ 'Mikhail Galuzin': same surname skeleton and a compatible first name."""
    if i + 1 >= len(tokens) or i in matched or i + 1 in matched:
        return None
    first, last = tokens[i].text, tokens[i + 1].text
    if not (_capitalised(first) and _capitalised(last)) or first in _NOT_NAME_WORDS or last in _NOT_NAME_WORDS:
        return None
    candidates = gaz.surname_skeletons.get(skeleton(last), [])
    for actor in candidates:
        if _first_names_match(first, actor):
            return i + 2, actor
    # Vowels spelt apart in both names ('Muhammad Yoqub' ~ 'Mohammad Yaqoob', 'Shavkat Mirzieev' ~ 'Mirziyoyev').
    last_consonants = consonants(last)
    if len(last_consonants) >= 3:
        matches = [a for a, f in gaz.surname_consonants.get(last_consonants, []) if f == consonants(first) and len(f) >= 2]
        if len(set(matches)) == 1:
            return i + 2, matches[0]
    # A surname misspelt by one letter ('Serzh Sargysyan') with the very first name.
    last_key = skeleton(last)
    if len(last_key) >= 6:
        for actor, surname in gaz.first_name_skeletons.get(skeleton(first), []):
            if _one_edit_apart(surname, last_key):
                return i + 2, actor
    return None


def _one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[k + (len(a) == len(b)):] == b[k + 1:]


def _fuzzy_short(token: Token, gaz: Gazetteer) -> Actor | None:
    """A lone surname spelt differently from the registry's short forms (Tokaev ~ Tokayev)."""
    if not _capitalised(token.text) or token.text in _NOT_NAME_WORDS or len(token.text) < 5:
        return None
    candidates = [a for a in gaz.surname_skeletons.get(skeleton(token.text), []) if a.short]
    if len(candidates) == 1 and any(skeleton(s) == skeleton(token.text) for s in candidates[0].short):
        return candidates[0]
    return None


_INITIALS = re.compile(r"^(?:[A-Z]\.){0,2}[A-Z]$")  # 'B', 'M.J' (the last full stop is its own token)
_INITIALLED = re.compile(r"^(?:[A-Z]\.){1,3}[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")  # 'L.Bold', 'M.J.Akbar'


def _name_span(tokens: list[Token], i: int, taken: set[int], gaz: Gazetteer) -> int:
    """End index of a person's name starting at ``i`` (or ``i`` if none).

    Two to four capitalised words ('Temur Umarov'), with particles ('bin', 'uulu') and middle
    initials ('Pamela J. H. Slutz') inside, or initials before a surname ('B. Gundogdyev', 'L.Bold').
    """
    j, words = i, 0
    while j < len(tokens) and words < 4 and j not in taken:
        word = tokens[j].text
        initial = _INITIALS.match(word) and j + 1 < len(tokens) and tokens[j + 1].text == "."
        if initial and j + 2 < len(tokens) and j + 2 not in taken:
            j, words = j + 2, words + 1  # initials and their full stop ('B.', 'M.J.'); a surname must follow
        elif _INITIALLED.match(word):
            j, words = j + 1, words + 2
        elif _person_word(word):
            j, words = j + 1, words + 1
        elif word.lower() in _PARTICLES and j > i:
            j += 1
        else:
            break
    while j > i and (tokens[j - 1].text.lower() in _PARTICLES or tokens[j - 1].text == "."):
        j -= 2 if tokens[j - 1].text == "." else 1
    if j > i and not (_capitalised(tokens[j - 1].text) or _INITIALLED.match(tokens[j - 1].text)):
        return i  # a name ends with a surname, not an initial
    return j if words >= 2 and j > i else i


def _role_before(tokens: list[Token], i: int, spans: dict[int, int]) -> str | None:
    """A role word shortly before ``i`` (skipping over matched organisations/countries)."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < 12:
        word = tokens[j].text.lower().strip(".")
        if word in ROLE_WORDS and word not in ("told", "is", "was", "has", "who"):
            return tokens[j].text
        abbreviation = tokens[j].text == "." and j > 0 and "." in tokens[j - 1].text  # 'Ambassador to U.S. Grigor ...'
        if tokens[j].text in (".", ";", "!", "?", "(", ")", '"', "“", "”") and not abbreviation:
            return None
        lowercase_gap = tokens[j].text.islower() and i - j <= 4  # "envoy for sanctions David ..."
        if not (j in spans or _capitalised(tokens[j].text) or word in _ORG_CONNECTORS or word in ROLE_WORDS
                or tokens[j].text in (",", "-", "'s") or lowercase_gap):
            return None
        j -= 1
        steps += 1
    return None


_APPOSITION_SKIP = frozenset(("a", "an", "the", "former", "ex", "-", "acting", "'s", "’s"))


def _role_after(tokens: list[Token], end: int) -> str | None:
    """', a researcher at ...' / ', Tajikistan deputy foreign minister' / ' said' right after a name."""
    window = [t.text.lower() for t in tokens[end : end + 5]]
    if not window:
        return None
    if window[0] in words("language", "speech_verbs"):
        return tokens[end].text
    if window[0] == "as":  # 'appointed Mugfurulloh Shahob as its ambassador'
        rest = [w for w in window[1:] if w not in _APPOSITION_SKIP and w not in ("its", "his", "her", "their", "new")]
        if rest and rest[0] in ROLE_WORDS:
            return " ".join(window[:3])
    if window[0] in (",", "(", "-", "–", "—"):
        rest = [w for w in window[1:] if w not in _APPOSITION_SKIP]
        if rest and (rest[0] in ROLE_WORDS or rest[0].endswith(("ist", "er", "or", "ian"))):
            return " ".join(window[1:3])
        # ', the Mongolia's Vice Minister', ', Tajikistan deputy foreign minister': a country, then the role.
        k, skipped = end + 1, 0
        while k < len(tokens) and k < end + 6 and (tokens[k].text.lower() in _APPOSITION_SKIP or _capitalised(tokens[k].text)):
            if tokens[k].text.lower() in ROLE_WORDS and skipped:
                return " ".join(t.text for t in tokens[end + 1 : k + 1])
            skipped += tokens[k].text.lower() not in _APPOSITION_SKIP
            k += 1
        if skipped and k < len(tokens) and tokens[k].text.lower() in ROLE_WORDS:
            return " ".join(t.text for t in tokens[end + 1 : k + 1])
        # ", a Kabul resident", ", a Tashkent-based lawyer": a role a word or two further on.
        if window[1:2] in (["a"], ["an"]) and any(w in ROLE_WORDS or w in ("resident", "native", "citizen") for w in window[3:5]):
            return " ".join(window[1:5])
    return None


def _speech_before(tokens: list[Token], i: int) -> str | None:
    """'said Name Name' / 'according to Name Name'."""
    prev = [t.text.lower() for t in tokens[max(0, i - 2) : i]]
    if prev and prev[-1] in words("language", "speech_verbs"):
        return prev[-1]
    if prev[-2:] == ["according", "to"]:
        return "according to"
    return None


def _speaker_label(tokens: list[Token], i: int, end: int) -> str | None:
    """'Kapil Komireddi: Russia brokered ...' / 'Mirshahin Aghayev from REAL Television: ...' (an interview's speaker)."""
    if i != 0:
        return None
    k = end
    if k < len(tokens) and tokens[k].text in ("from", "of"):
        k += 1
        while k < len(tokens) and k < end + 6 and (_capitalised(tokens[k].text) or tokens[k].text.isupper()):
            k += 1
    return "speaker of an interview" if k < len(tokens) and tokens[k].text == ":" else None


_HONORIFICS = frozenset(("Mr", "Mrs", "Ms", "Mx", "Dr"))
_AGED = re.compile(r"^\d{1,3}-year-old$")


def _lone_name_cue(tokens: list[Token], i: int) -> str | None:
    """A single name that is a person's all the same: 'Mr Nifadyev', 'Zhyldyz, a 37-year-old woman'."""
    before = [t.text for t in tokens[max(0, i - 2) : i]]
    if before[-1:] and before[-1] in _HONORIFICS or len(before) == 2 and before[0] in _HONORIFICS and before[1] == ".":
        return "an honorific"
    after = [t.text for t in tokens[i + 1 : i + 4]]
    if len(after) == 3 and after[0] == "," and after[1] in ("a", "an") and _AGED.match(after[2]):
        return "an age"
    return None


def _surname(token: str) -> str:
    """'O.Erdenebulgan' -> 'Erdenebulgan' (a later 'Mr Erdenebulgan' is the same person)."""
    return token.rsplit(".", 1)[-1] if _INITIALLED.match(token) else token


_NOT_ORG_START = words("names", "not_organisation_starts")


_MODIFIER = re.compile(r"-[a-z]+$")  # 'Russian-dominated', 'Moscow-led', 'US-funded'


_ORGANS = words("names", "organs_of_members")
_STATE_HEADS = words("names", "state_body_heads")
_GENERIC_ORG_WORDS = words("names", "generic_organisation_words")
_ORG_NOUNS = words("names", "organisation_nouns")
_OPENING_QUOTES = frozenset(("«", "“", '"', "‘", "„"))
_CLOSING_QUOTES = frozenset(("»", "”", '"', "’", "“"))
_INTERNATIONAL_WORDS = words("names", "international_words")
_MEDIA_WORDS = frozenset(("Press", "News", "Information", "TV", "Television", "Radio", "Media"))
Span = tuple[int, int, Actor]  # a registry match: first token, end token, actor


_OUTLET_VERBS = words("names", "outlet_verbs")
_OUTLET_SUFFIXES = ("", *table("names", "outlet_suffixes"))


_WEB_DOMAIN = re.compile(r"^([A-Za-z][\w-]+)\.(?:[a-z]{2}|com|net|org|info|news)$")  # 'Khovar.tj', 'Shana.ir'


def _outlet_domain(token: str, registry: Registry) -> Actor | None:
    """'published by the Tajik Khovar.tj media outlet': a registry outlet named by its web domain."""
    domain = _WEB_DOMAIN.match(token)
    actor = registry.resolve(domain.group(1)) if domain else None
    return actor if actor is not None and actor.org_kind == "outlet" else None


def _outlet_before_verb(tokens: list[Token], i: int, taken: set[int], registry: Registry) -> Actor | None:
    """'Trend reports on June 18': an outlet's short name before a verb of reporting."""
    if i + 1 >= len(tokens) or tokens[i + 1].text not in _OUTLET_VERBS or i + 1 in taken:
        return None
    for suffix in _OUTLET_SUFFIXES:
        actor = registry.resolve(tokens[i].text + suffix)
        if actor is not None and actor.org_kind == "outlet":
            return actor
    return None


_COUNTRY_ANAPHORS = words("names", "country_anaphors")
_SEAT_OFFICES: dict[tuple[str, ...], str] = {tuple(k.split()): v for k, v in table("names", "seat_offices").items()}


def _seat_office(tokens: list[Token], b: int, country: Actor, registry: Registry) -> tuple[int, Actor] | None:
    """'the Kremlin press service': the office a metonym of ``country`` names with the words after it (to token end)."""
    for words_, institution in _SEAT_OFFICES.items():
        end = b + len(words_)
        if end <= len(tokens) and tuple(t.text.lower() for t in tokens[b:end]) == words_:
            actor = _institution_of(institution, country.name, registry)
            return (end, actor) if actor is not None else None
    return None


def _anaphoric_country(tokens: list[Token], i: int, sentence: int, mentions: list[Mention], registry: Registry) -> Actor | None:
    """'the country's National Security Committee': the country named last before 'the country'."""
    if i < 3 or tokens[i - 1].text not in ("'s", "’s") or tokens[i - 2].text.lower() not in _COUNTRY_ANAPHORS:
        return None
    if tokens[i - 3].text.lower() != "the":
        return None
    start = tokens[i - 3].start
    before = [m for m in mentions if m.kind == "country" and (m.sentence < sentence or (m.sentence == sentence and m.end <= start))]
    if not before:
        return None
    return registry.get(max(before, key=lambda m: (m.sentence, m.start)).actor)


_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")


def _acronym_after(tokens: list[Token], end: int) -> str | None:
    """'North America-Mongolia Business Council (NAMBC)': the acronym in brackets after a name."""
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")" and _ACRONYM.match(tokens[end + 1].text):
        return tokens[end + 1].text
    return None


def _bare_body(tokens: list[Token], i: int) -> bool:
    """'the Senate', 'heads of Mejlis': one head word of a country's body, with nothing after it that names it."""
    if tokens[i].text not in _STATE_HEADS or i == 0 or tokens[i - 1].text not in ("the", "of"):
        return False
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return not (_capitalised(following) or following in ("of", "for", "-") or following.isupper())


_STOPWORDS = words("language", "stopwords")


def _title_case_line(tokens: list[Token]) -> bool:
    """A headline Written In Title Case ('Armenia To Join Russian-Led Customs Union'), whose short function words
    may stay in lower case ('Kazakhstan and Uzbekistan to Develop Joint Trade and Logistics Center at Border Areas')."""
    alphabetic = [t.text for t in tokens if t.text[:1].isalpha() and t.text not in _STOPWORDS]
    return len(alphabetic) >= 4 and sum(t[:1].isupper() for t in alphabetic) >= 0.8 * len(alphabetic)


def _generic_only(tokens: list[Token], i: int, end: int) -> bool:
    """'News Agency', 'Information Agency': words that name no organisation by themselves."""
    return all(t.text in _GENERIC_ORG_WORDS or t.text.lower() in _ORG_CONNECTORS for t in tokens[i:end])


def _parent_of_organ(tokens: list[Token], i: int, end: int, registry_at: dict[int, Span]) -> Actor | None:
    """'CIS Council of Heads of State', 'Council of Heads of State of the SCO': the organisation whose members meet."""
    core_end, parent = end, None
    for k in range(i + 1, end):
        if k in registry_at and registry_at[k][2].kind == "organisation" and registry_at[k][1] == end:
            core_end = k - 2 if tokens[k - 1].text == "the" else k - 1  # before 'of (the)'
            parent = registry_at[k][2]
            break
    if " ".join(t.text for t in tokens[i:core_end]).lower() not in _ORGANS:
        return None
    before = registry_at.get(i - 1)
    if parent is None and before is not None and before[2].kind == "organisation":
        parent = before[2]
    return parent


def _national_name(name: str, country: Actor, registry: Registry) -> Actor | str | None:
    """A body of ``country``: the registry's ('National Security Committee of Kazakhstan'), or the name with its
    country ('State Security Council of Turkmenistan') when a state body's head word is in it; None otherwise."""
    actor = _institution_of(name, country.name, registry)
    if actor is not None:
        return actor
    words_ = name.split()
    if len(words_) < 2 or not any(w in _STATE_HEADS for w in words_) or "-" in name:
        return None  # 'North America-Mongolia Business Council' is no one country's
    if any(w in _MEDIA_WORDS or w in _INTERNATIONAL_WORDS for w in words_):
        return None
    return f"{name} of {country.name}"


def _quoted_organisations(tokens: list[Token], taken: set[int]) -> list[tuple[int, int, int, int, int]]:
    """'"Voice of Afghanistan" news agency', '«Dunyo» Information Agency', 'the Alter Ego project':
    (first token, end token, name start, name end, noun start) of each name a following noun makes an organisation's."""
    found = []
    for q in range(1, len(tokens) - 1):
        quoted = tokens[q].text in _CLOSING_QUOTES
        if not quoted and not (_capitalised(tokens[q].text) and tokens[q + 1].text.islower()):
            continue
        start = q + 1
        noun = next((n for n in (2, 1) if " ".join(t.text.lower() for t in tokens[start : start + n]) in _ORG_NOUNS
                     and start + n <= len(tokens)), 0)
        if not noun:
            continue
        if quoted:
            o = next((k for k in range(q - 1, max(-1, q - 9), -1) if tokens[k].text in _OPENING_QUOTES), None)
            if o is None or o + 1 >= q or not tokens[o + 1].text[:1].isupper():
                continue
            first, name_start, name_end = o, o + 1, q
        else:  # 'the Alter Ego project': capitalised words after 'the', a lower-case noun after them
            k = q
            while k > 0 and _capitalised(tokens[k - 1].text) and k - 1 not in taken:
                k -= 1
            if k == 0 or tokens[k - 1].text != "the" or any(tokens[m].text in _NOT_NAME_WORDS for m in range(k, q + 1)):
                continue
            first, name_start, name_end = k, k, q + 1
        if any(m in taken for m in range(first, start + noun)) and not quoted:
            continue
        found.append((first, start + noun, name_start, name_end, start))
    return found


_REGION_WORDS = frozenset(("region", "province", "district", "oblast", "city", "regions", "provinces"))
_PLURAL_BODIES: dict[str, str] = {str(k): str(v) for k, v in table("names", "plural_bodies").items()}


def _plural_bodies(tokens: list[Token], registry_at: dict[int, Span], registry: Registry) -> list[tuple[int, int, list[Actor]]]:
    """'Turkish, Uzbek foreign ministries', 'the defence ministries of Kazakhstan and Kyrgyzstan': one body per country."""
    found = []
    for k, token in enumerate(tokens):
        plural = token.text.lower()
        if k and f"{tokens[k - 1].text.lower()} {plural}" in _PLURAL_BODIES:
            plural, head = f"{tokens[k - 1].text.lower()} {plural}", k - 1
        elif plural in _PLURAL_BODIES:
            head = k
        else:
            continue
        j = head
        while j > 0 and tokens[j - 1].text.isalpha() and tokens[j - 1].text.islower() and tokens[j - 1].text not in ("and", "of", "the"):
            j -= 1  # the portfolio: 'foreign', 'defence'
        portfolio = " ".join(t.text.lower() for t in tokens[j:head])
        countries, first, end = _country_list(tokens, j - 1, -1, registry_at), j, k + 1
        if countries:
            first = min(a for a, _ in countries)
        elif k + 2 < len(tokens) and tokens[k + 1].text == "of":
            countries = _country_list(tokens, k + 2, 1, registry_at)  # 'the foreign ministries of X and Y'
            end = max((b for _, b in countries), default=end)
        bodies = []
        for _, country in ((a, registry_at[a][2]) for a, _ in sorted(countries)):
            singular = " ".join(filter(None, (portfolio, _PLURAL_BODIES[plural])))
            actor = _institution_of(singular, country.name, registry)
            if actor is not None and actor not in bodies:
                bodies.append(actor)
        if len(bodies) >= 2:
            found.append((first, end, bodies))
    return found


def _country_list(tokens: list[Token], k: int, step: int, registry_at: dict[int, Span]) -> list[tuple[int, int]]:
    """Countries listed from token ``k`` on, backwards (step -1) or forwards (1): 'Turkish, Uzbek', 'Kazakhstan and Kyrgyzstan'."""
    found: list[tuple[int, int]] = []
    while 0 <= k < len(tokens):
        span = registry_at.get(k)
        if span is not None and span[2].kind == "country":
            found.append((span[0], span[1]))
            k = span[0] - 1 if step < 0 else span[1]
        elif found and tokens[k].text in (",", "and", "the"):
            k += step
        else:
            break
    return found


# The last words of plural bodies and of organisation nouns: a sentence without one has neither (folded_words).
_PLURAL_WORDS = frozenset(k.split()[-1].lower() for k in _PLURAL_BODIES)
_ORG_NOUN_WORDS = frozenset(n.split()[-1].lower() for n in _ORG_NOUNS)
_PORTFOLIO_HOLDERS = frozenset(("minister", "ministers", "secretary", "commissioner", "minister's", "minister’s"))


def _another_organisation(tokens: list[Token], k: int) -> bool:
    """Whether the capitalised words from ``k`` (after an 'and', an optional 'the') name an organisation of their own."""
    if k < len(tokens) and tokens[k].text == "the":
        k += 1
    while k < len(tokens) and (_capitalised(tokens[k].text) or tokens[k].text.isupper()):
        if tokens[k].text in ORG_HEADS:
            return True
        k += 1
    return False


def _detect_org(tokens: list[Token], i: int, taken: set[int], spans: dict[int, int], org_tokens: frozenset[int] = frozenset()) -> int:
    """End of an unknown organisation name such as 'National Security Committee of Kazakhstan'.

    The name ends after a registry name that follows 'of'/'for' ('... Committee of Kazakhstan'),
    before a registry organisation (``org_tokens``) it would otherwise swallow, at a comma, or at the
    first word that is neither capitalised nor a connector. It never starts with a function word,
    a modifier ('Russian-dominated') or a historical adjective.
    """
    first = tokens[i].text
    if first in _NOT_ORG_START or first.lower() in words("language", "stopwords") or _MODIFIER.search(first):
        return i  # 'Soviet Union', 'When the ...', 'Russian-dominated ...' start no organisation's name
    if i >= 2 and tokens[i - 1].text.lower() in ("of", "for") and tokens[i - 2].text.lower() in _PORTFOLIO_HOLDERS:
        return i  # 'Minister for Railways Saad Rafiq': the minister's portfolio, not an organisation
    j, has_head, last_good = i, False, i
    while j < len(tokens) and j - i < 10:
        word = tokens[j].text
        after_of = j > i and tokens[j - 1].text.lower() in ("of", "for") or (
            j > i + 1 and tokens[j - 1].text == "the" and tokens[j - 2].text.lower() in ("of", "for"))
        if j in spans and after_of:
            last_good = spans[j]  # '... Committee of Kazakhstan', '... Support of the Valdai Discussion Club'
            break
        if j in org_tokens and j > i:
            break  # 'CIS and the Collective Security Treaty Organization': two organisations, not one
        if j > i and word.lower() in ROLE_WORDS and j + 1 < len(tokens) and _person_word(tokens[j + 1].text):
            break  # 'Foreign Ministry Spokesperson Geng Shuang': a title and a name follow the organisation
        if j > i and word == "and" and _another_organisation(tokens, j + 1):
            break  # 'the National Endowment for Democracy and the Soros Foundation': two organisations
        if word in ORG_HEADS:
            has_head = True
            last_good = j + 1
        elif _capitalised(word) or (word.isupper() and len(word) > 1) or j in taken:
            last_good = j + 1
        elif word.lower() in _ORG_CONNECTORS and j > i:
            pass
        else:
            break
        j += 1
    if not has_head:
        return i
    first_head = next(k for k in range(i, j) if tokens[k].text in ORG_HEADS)
    if any(tokens[k].text.lower() in ("of", "at") for k in range(i, first_head)):
        return i  # "Stephen Blank of the ... Institute": the name before 'of' is not the organisation's
    end = last_good
    # Do not run on into a person's name: stop after the last head word or registry name.
    heads = [k for k in range(i, end) if tokens[k].text in ORG_HEADS or k in spans]
    if heads and end - heads[-1] > 1 and all(_capitalised(tokens[k].text) for k in range(heads[-1] + 1, end)):
        end = heads[-1] + 1 if heads[-1] not in spans else spans[heads[-1]]
    if end < len(tokens) and tokens[end].text in _REGION_WORDS and end - i >= 4 and tokens[end - 2].text in ("for", "of", "in"):
        end -= 2  # 'the Border Service for Batken region': the body itself, not its regional branch
    while end > i and tokens[end - 1].text.lower() in _ORG_CONNECTORS:
        end -= 1
    return end if end - i >= 2 else i


def extract_entities(sentences: list[Sentence], registry: Registry) -> EntityResult:
    """Every actor mention in the cleaned sentences, and the lists built from them."""
    gaz = gazetteer(registry)
    mentions: list[Mention] = []
    detected_people: dict[str, Unregistered] = {}
    detected_orgs: dict[str, Unregistered] = {}
    tokenised = [(s, tokenize(s.text)) for s in sentences]
    local_shorts: dict[str, tuple[str, str]] = {}  # surname -> (actor, kind)

    def add(actor: Actor | str, kind: str, s: Sentence, tokens: list[Token], a: int, b: int, how: str) -> None:
        name = actor.name if isinstance(actor, Actor) else actor
        surface = s.text[tokens[a].start : tokens[b - 1].end]
        org_kind = actor.org_kind if isinstance(actor, Actor) else None
        mentions.append(Mention(name, kind, surface, how, s.index, tokens[a].start, tokens[b - 1].end, None, org_kind))

    # Pass 1: registry spellings, fuzzy full names, detected names and organisations.
    pending: list[tuple[Sentence, list[Token], set[int]]] = []
    for s, tokens in tokenised:
        spans: dict[int, int] = {}
        country_starts: set[int] = set()  # one-token country names and demonyms, people that name an organisation
        org_positions: set[int] = set()  # tokens of registry organisations
        named_after: dict[int, tuple[int, Actor, str]] = {}  # a person's name before an organisation's head word
        registry_at: dict[int, Span] = {}  # every token of a registry match -> the match
        for a, b, actor, how in _match_registry(tokens, gaz):
            for k in range(a, b):
                registry_at[k] = (a, b, actor)
            if actor.kind == "person" and b < len(tokens) and tokens[b].text in ORG_HEADS:
                country_starts.add(a)  # 'Nazarbayev University', 'Gorchakov Fund': named after a person
                named_after[a] = (b, actor, how)
                continue
            office = _seat_office(tokens, b, actor, registry) if actor.kind == "country" and how == "metonym" else None
            if office is not None:  # 'the Kremlin press service' is Russia's presidential press service
                add(office[1], "organisation", s, tokens, a, office[0], "context")
                for k in range(b, office[0]):
                    spans[k] = office[0]
            if actor.kind == "country" and b == a + 1:
                country_starts.add(a)
            if actor.kind == "organisation":
                org_positions.update(range(a, b))
            add(actor, actor.kind, s, tokens, a, b, how)
            for k in range(a, b):
                spans[k] = b
            if actor.kind == "person":
                _remember_shorts(actor, local_shorts)
        for k, countries in _compound_countries(tokens, spans, gaz) if "-" in s.text else ():  # 'the Kyrgyz-Tajik border', 'US-China talks'
            for actor, how in countries:
                add(actor, "country", s, tokens, k, k + 1, how)
            spans[k] = k + 1
            country_starts.add(k)
        org_tokens = frozenset(org_positions)
        taken = set(spans)
        quoted: set[int] = set()  # tokens of names a noun after them makes organisations'
        sentence_words = folded_words(s.text)
        for first, end, a, b, n in _quoted_organisations(tokens, taken) if not _ORG_NOUN_WORDS.isdisjoint(sentence_words) else ():
            title = s.text[tokens[a].start : tokens[b - 1].end]
            noun = s.text[tokens[n].start : tokens[end - 1].end]
            known = registry.resolve(f"{title} {noun}") or registry.resolve(title)
            if known is not None and known.kind == "organisation":
                add(known, "organisation", s, tokens, first, end, "alias")
            else:
                detected_orgs.setdefault(title, Unregistered(title, "organisation", None, f"'{noun}' after the name in: {s.text[:160]}"))
                add(title, "organisation", s, tokens, first, end, "detected")
            taken.update(range(first, end))
            quoted.update(range(first, end))
        for first, end, bodies in _plural_bodies(tokens, registry_at, registry) if not _PLURAL_WORDS.isdisjoint(sentence_words) else ():
            for body in bodies:
                add(body, "organisation", s, tokens, first, end, "context")
            taken.update(range(first, end))
        headline_case = s.zone == "headline" and _title_case_line(tokens)
        heads_here = not ORG_HEADS.isdisjoint(map(itemgetter(0), tokens))  # without a head word, _detect_org finds none
        i = 0
        while i < len(tokens):
            if i in taken or i in country_starts:
                # A country or a person can start an organisation's name ("Taiwan Institute of ...").
                org_end = _detect_org(tokens, i, taken, spans, org_tokens) if heads_here and i in country_starts and i not in quoted else i
                if org_end > i + 1 and not registry.resolve(s.text[tokens[i].start : tokens[org_end - 1].end]):
                    name = s.text[tokens[i].start : tokens[org_end - 1].end]
                    country = registry_at[i][2] if i in registry_at and registry_at[i][2].kind == "country" else None
                    rest = i + 1 + (i + 1 < org_end and tokens[i + 1].text in ("'s", "’s"))
                    national = _national_name(s.text[tokens[rest].start : tokens[org_end - 1].end], country, registry) if country and rest < org_end else None
                    if isinstance(national, Actor):
                        add(national, "organisation", s, tokens, i, org_end, "context")
                    elif headline_case:
                        org_end = i + 1  # no unknown name from a headline in title case
                    else:
                        name = national or name
                        detected_orgs.setdefault(name, Unregistered(name, "organisation", None, f"detected in: {s.text[:160]}"))
                        add(name, "organisation", s, tokens, i, org_end, "detected")
                    taken.update(range(i, org_end))
                    i = org_end
                    continue
                if i in named_after:  # no organisation after all: the person it is
                    end, person, how = named_after[i]
                    add(person, "person", s, tokens, i, end, how)
                    _remember_shorts(person, local_shorts)
                    taken.update(range(i, end))
                    i = end
                    continue
                i += 1
                continue
            if not tokens[i].text[:1].isupper():
                i += 1  # names of people and organisations start with a capital letter
                continue
            outlet = _outlet_before_verb(tokens, i, taken, registry) or _outlet_domain(tokens[i].text, registry)
            if outlet is not None:  # 'Trend reports', 'Report informs via AZERTAC'
                add(outlet, "organisation", s, tokens, i, i + 1, "outlet")
                taken.add(i)
                i += 1
                continue
            fuzzy = _fuzzy_person(tokens, i, gaz, taken)
            if fuzzy:
                end, actor = fuzzy
                add(actor, "person", s, tokens, i, end, "fuzzy")
                _remember_shorts(actor, local_shorts)
                taken.update(range(i, end))
                i = end
                continue
            org_end = _detect_org(tokens, i, taken, spans, org_tokens) if heads_here and _capitalised(tokens[i].text) else i
            if org_end > i and _generic_only(tokens, i, org_end) and i - 1 in org_tokens:
                taken.update(range(i, org_end))  # 'Kazinform News Agency': the rest of a registry outlet's name
                i = org_end
                continue
            if org_end > i and not all(k in taken for k in range(i, org_end)):
                name = s.text[tokens[i].start : tokens[org_end - 1].end]
                parent = _parent_of_organ(tokens, i, org_end, registry_at)
                institution = parent or _national_institution(name, s.index, tokens[i].start, mentions, registry)
                if institution is not None:
                    add(institution, "organisation", s, tokens, i, org_end, "organ" if parent else "context")
                    taken.update(range(i, org_end))
                    i = org_end
                    continue
                owner = registry_at.get(i - 2 if i >= 2 and tokens[i - 1].text in ("'s", "’s") else i - 1)
                country = owner[2] if owner and owner[2].kind == "country" else _anaphoric_country(tokens, i, s.index, mentions, registry)
                national = _national_name(name, country, registry) if country else None
                if isinstance(national, Actor):  # "the country's National Security Committee" after 'Kazakhstan'
                    add(national, "organisation", s, tokens, i, org_end, "context")
                    taken.update(range(i, org_end))
                    i = org_end
                    continue
                name = national if isinstance(national, str) else name  # "Afghanistan's National Railway Administration"
                if not headline_case and (isinstance(national, str) or not registry.resolve(name)):
                    acronym = _acronym_after(tokens, org_end)
                    bracketed = registry_at.get(org_end + 1) if acronym else None
                    if bracketed is not None and bracketed[2].kind == "organisation":
                        add(bracketed[2], "organisation", s, tokens, i, org_end, "alias")  # a longer name of 'the ... (SCO)'
                    else:
                        detected_orgs.setdefault(name, Unregistered(name, "organisation", None, f"detected in: {s.text[:160]}"))
                        add(name, "organisation", s, tokens, i, org_end, "detected")
                        if acronym:
                            local_shorts.setdefault(acronym, (name, "organisation"))  # later 'NAMBC' is the same body
                            taken.update(range(org_end, org_end + 3))
                    taken.update(range(i, org_end))
                    i = org_end
                    continue
            elif not headline_case and _bare_body(tokens, i):
                name = tokens[i].text  # 'a meeting of the Senate': the country's, if the context says which
                institution = _national_institution(name, s.index, tokens[i].start, mentions, registry)
                add(institution or name, "organisation", s, tokens, i, i + 1, "context" if institution else "bare")
                taken.add(i)
                i += 1
                continue
            if headline_case:
                i += 1  # a headline in title case: every word is capitalised, so no unknown name is read from it
                continue
            end = _name_span(tokens, i, taken, gaz)
            why = None
            if end > i:
                why = (_role_before(tokens, i, spans) or _role_after(tokens, end) or _speech_before(tokens, i)
                       or _speaker_label(tokens, i, end))
            elif tokens[i].text not in local_shorts and _person_word(tokens[i].text):
                why = _lone_name_cue(tokens, i)  # 'Mr Nifadyev', 'Zhyldyz, a 37-year-old woman'
                end = i + 1 if why else i
            if why:
                name = s.text[tokens[i].start : tokens[end - 1].end]
                if not any(_norm(t.text) in gaz.vocabulary and gaz.exact.get((_norm(t.text),), (None, ""))[1] in ("name", "alias", "demonym", "metonym") for t in tokens[i:end]):
                    detected_people.setdefault(name, Unregistered(name, "person", None, f"'{why}' next to the name in: {s.text[:160]}"))
                    add(name, "person", s, tokens, i, end, "detected")
                    local_shorts.setdefault(_surname(tokens[end - 1].text), (name, "person"))
                    taken.update(range(i, end))
                    i = end
                    continue
            i += 1
        pending.append((s, tokens, taken))

    # Pass 2: lone surnames of people already named in the article, and fuzzy short forms.
    for s, tokens, taken in pending:
        for i, token in enumerate(tokens):
            if i in taken:
                continue
            if token.text in local_shorts:
                local_name, kind = local_shorts[token.text]
                add(local_name, kind, s, tokens, i, i + 1, "local")
                continue
            if not _capitalised(token.text):
                continue
            fuzzy_actor = _fuzzy_short(token, gaz)
            if fuzzy_actor is not None:
                add(fuzzy_actor, "person", s, tokens, i, i + 1, "fuzzy")

    mentions.extend(_implied_countries(mentions, registry))
    mentions = _place_bare_institutions(mentions, detected_orgs, registry)
    mentions.sort(key=lambda m: (m.sentence, m.start, m.implied_by or ""))
    return _summarise(mentions, registry, detected_people, detected_orgs)


def _national_institution(name: str, sentence: int, start: int, mentions: list[Mention], registry: Registry) -> Actor | None:
    """'Foreign Ministry' next to Russia's official or after "Russia's" -> Ministry of Foreign Affairs of Russia."""
    here = [m for m in mentions if m.sentence == sentence]
    before = [m for m in here if m.end <= start and m.kind == "country" and start - m.end <= 4]
    countries = [m.actor for m in before]
    for m in here:
        actor = registry.get(m.actor)
        if actor is not None and actor.kind == "person" and actor.category == "official" and actor.country:
            countries.append(actor.country)
    if not countries:  # 'Acting Foreign Minister Amir Khan Mottaqi ... . Foreign Ministry spokesman ...'
        previous = {official.country for m in mentions if m.sentence == sentence - 1 and (official := registry.get(m.actor)) is not None
                    and official.kind == "person" and official.category == "official" and official.country}
        countries = [c for c in previous if c] if len(previous) == 1 else []
    for country_name in dict.fromkeys(countries):
        actor = _institution_of(name, country_name, registry)
        if actor is not None:
            return actor
    return None


def _institution_of(name: str, country_name: str, registry: Registry) -> Actor | None:
    """The organisation 'Central Election Commission' is in ``country_name``, if the registry has it."""
    country = registry.get(country_name)
    if country is None:
        return None
    for form in (f"{country.name}'s {name}", f"{name} of {country.name}", *(f"{d} {name}" for d in country.demonyms)):
        actor = registry.resolve(form)
        if actor is not None and actor.kind == "organisation":
            return actor
    return None


DOMINANT_MIN_MENTIONS = 3  # a country named this often, and twice as often as any other, is the article's own


def _dominant_country(mentions: list[Mention]) -> str | None:
    counts = Counter(m.actor for m in mentions if m.kind == "country")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < DOMINANT_MIN_MENTIONS or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _place_bare_institutions(mentions: list[Mention], detected_orgs: dict[str, Unregistered], registry: Registry) -> list[Mention]:
    """A national body named without its country ('the State Border Service'): the same body the article names
    with its country elsewhere ('the State Border Service of Kyrgyzstan'), else, in an article about one
    country, that country's ('Central Election Commission of Kyrgyzstan', 'State Security Council of Turkmenistan')."""
    detected = [m for m in mentions if m.how in ("detected", "bare") and m.kind == "organisation"]
    if not detected:
        return mentions
    dominant = registry.get(_dominant_country(mentions) or "")
    named = {m.actor: registry.get(m.actor) for m in mentions if m.kind == "organisation" and m.how != "detected"}
    national = [a for a in named.values() if a is not None and a.country and a.org_kind == "government"]
    longer = {m.actor for m in detected}
    placed = []
    for m in mentions:
        if m.how not in ("detected", "bare") or m.kind != "organisation":
            placed.append(m)
            continue
        target: Actor | str | None = next((a for a in national if _institution_of(m.actor, a.country or "", registry) is a), None)
        target = target or next((d for d in longer if d.startswith(m.actor + " of ")), None)
        if target is None and dominant is not None:
            target = _national_name(m.actor, dominant, registry)
        if m.how == "bare" and not isinstance(target, Actor):
            continue  # a lone 'Senate' whose country nothing names is left out
        if target is None:
            placed.append(m)
            continue
        detected_orgs.pop(m.actor, None)
        if isinstance(target, Actor):
            placed.append(Mention(target.name, "organisation", m.surface, "context", m.sentence, m.start, m.end, None, target.org_kind))
        else:
            detected_orgs.setdefault(target, Unregistered(target, "organisation", None, f"'{m.actor}' in an article about its country"))
            placed.append(Mention(target, "organisation", m.surface, "detected", m.sentence, m.start, m.end))
    return placed


def _remember_shorts(actor: Actor, local_shorts: dict[str, tuple[str, str]]) -> None:
    for form in (actor.name, *actor.aliases):
        parts = form.split()
        if len(parts) >= 2:
            local_shorts.setdefault(parts[-1], (actor.name, "person"))
            if actor.country in ("China", "Taiwan", "North Korea", "South Korea", "Vietnam"):
                local_shorts.setdefault(parts[0], (actor.name, "person"))


def _implied_countries(mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Officials and government bodies stand for their country ("Putin" -> Russia)."""
    implied = []
    for m in mentions:
        actor = registry.get(m.actor)
        if actor is None or not actor.country:
            continue
        official = actor.kind == "person" and actor.category in ("official", "military")
        government = actor.kind == "organisation" and actor.org_kind == "government"
        if official or government:
            implied.append(Mention(actor.country, "country", m.surface, "implied", m.sentence, m.start, m.end, m.actor))
    return implied


def _ranked(mentions: list[Mention], kind: str) -> list[str]:
    """Actors of ``kind`` by number of mentions, then first appearance."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for order, m in enumerate(mentions):
        if m.kind == kind:
            counts[m.actor] += 1 if m.implied_by is None else 0
            first.setdefault(m.actor, order)
    return sorted(counts, key=lambda a: (-counts[a], first[a]))


def _summarise(
    mentions: list[Mention],
    registry: Registry,
    detected_people: dict[str, Unregistered],
    detected_orgs: dict[str, Unregistered],
) -> EntityResult:
    evidence: dict[str, dict[str, str]] = {"countries": {}, "people": {}, "organisations": {}}
    field_of = {"country": "countries", "person": "people", "organisation": "organisations"}
    surfaces: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        label = f"{m.surface} ({m.how}{' via ' + m.implied_by if m.implied_by else ''})"
        if label not in surfaces[m.actor]:
            surfaces[m.actor].append(label)
    for m in mentions:
        if m.kind in field_of:
            evidence[field_of[m.kind]][m.actor] = ", ".join(surfaces[m.actor][:4])
    used_people = {m.actor for m in mentions if m.kind == "person"}
    used_orgs = {m.actor for m in mentions if m.kind == "organisation"}
    unregistered = [u for n, u in sorted(detected_people.items()) if n in used_people]
    unregistered += [u for n, u in sorted(detected_orgs.items()) if n in used_orgs]
    return EntityResult(
        mentions=mentions,
        countries=_ranked(mentions, "country"),
        people=_ranked(mentions, "person"),
        organisations=_ranked(mentions, "organisation"),
        groups=_ranked(mentions, "group"),
        unregistered=unregistered,
        evidence={k: dict(sorted(v.items())) for k, v in evidence.items()},
    )
