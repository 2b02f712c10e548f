"""Panels whose content walks the whole board refresh only while someone can see them.

The Checks and Top voted panels usually sit behind the Properties tab; running their
walk over a 5,000-card board on every edit (about 1 s for the checks) would slow editing
for nothing. Hidden, they only note that they are stale; their dock's visibilityChanged
(``set_seen``) brings them up to date as they come into view.
"""

from __future__ import annotations

from collections.abc import Callable


class RefreshWhenSeen:
    """Mixin: ``refresh()`` runs at once while the panel is seen, or when it next is."""

    _seen = False
    _stale = True

    def refresh(self) -> None:
        """Rebuild the panel's content from the document (the panel defines it; it calls ``mark_fresh``)."""
        raise NotImplementedError

    def mark_fresh(self) -> None:
        """The content matches the document now (call at the start of ``refresh``)."""
        self._stale = False

    def refresh_when_seen(self, now: Callable[[], None] | None = None) -> None:
        """Refresh (through ``now`` when given, e.g. a debounce timer) if seen; else remember it is stale."""
        if self._seen:
            (now or self.refresh)()
        else:
            self._stale = True

    def set_seen(self, seen: bool) -> None:
        """Whether the panel can be seen (its dock's visibilityChanged); seen and stale, it refreshes."""
        self._seen = seen
        if seen and self._stale:
            self.refresh()
