"""Which bundled icon stands for a card's channel, a lane kind and an emotion score."""

from __future__ import annotations

from model.board_words import language_key

# The channels format.md names, each with the Lucide icon drawn for it.
CHANNEL_ICONS: dict[str, str] = {
    "web": "globe",
    "app": "smartphone",
    "email": "mail",
    "phone": "phone",
    "chat": "message-circle",
    "store": "store",
    "mail": "mailbox",
    "social": "share-2",
    "person": "user",
}
GENERIC_ICON = "circle-ellipsis"  # any other channel: still an icon, and the name beside it

# Common spellings of the same channels, so "E-mail" or "Website" get their icon too.
_ALIASES: dict[str, str] = {
    "website": "web", "online": "web", "browser": "web", "mobile": "app", "mobile app": "app",
    "e-mail": "email", "newsletter": "email", "call": "phone", "call centre": "phone", "call center": "phone",
    "sms": "chat", "messenger": "chat", "live chat": "chat", "shop": "store", "branch": "store",
    "post": "mail", "letter": "mail", "in person": "person", "face to face": "person", "staff": "person",
    "social media": "social",
    # as a German board writes them (channel_names offers the first of each there)
    "webseite": "web", "internet": "web", "handy": "app", "telefon": "phone", "anruf": "phone",
    "hotline": "phone", "filiale": "store", "geschäft": "store", "laden": "store", "brief": "mail",
    "soziale medien": "social", "persönlich": "person", "vor ort": "person", "mitarbeiter": "person",
}
# The known channels in the words a board in that language writes (Properties offers them): on a German
# board the list wrote "phone" and "store" onto the cards, and "Telefon" typed there had no icon.
_NAMES: dict[str, tuple[str, ...]] = {
    "de": ("Web", "App", "E-Mail", "Telefon", "Chat", "Filiale", "Post", "Soziale Medien", "Persönlich"),
}

KIND_ICONS: dict[str, str] = {"pain": "triangle-alert", "opportunity": "lightbulb"}

# A face for each emotion score: the shape that tells scores apart without colour.
SCORE_ICONS: dict[int, str] = {-2: "angry", -1: "frown", 0: "meh", 1: "smile", 2: "laugh"}


def channel_names(language: str) -> tuple[str, ...]:
    """The known channels as a board in ``language`` names them (matched as model.board_words matches a language);
    their own names (web, app, email…) for English or a language not listed. Each one's icon is its channel's."""
    names = _NAMES.get(language) or _NAMES.get(language_key(language))
    return names or tuple(CHANNEL_ICONS)


def channel_key(channel: str) -> str | None:
    """The known channel a card's ``channel`` value means, or None for any other value."""
    key = " ".join(channel.casefold().split())
    key = _ALIASES.get(key, key)
    return key if key in CHANNEL_ICONS else None


def channel_icon(channel: str) -> str:
    """The icon name for a channel; the generic icon for a value Touchline does not know."""
    key = channel_key(channel)
    return CHANNEL_ICONS[key] if key is not None else GENERIC_ICON
