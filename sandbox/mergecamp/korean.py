"""Korean particles after an inserted word (``{b}이(가)`` → ``main이``, ``exp/gru가``).

The one implementation lives in ``mergecamp_hooks.korean`` because the conventions hooks,
copied stdlib-only into every baked project, need it too; mergecamp ships both packages.
"""

from mergecamp_hooks.korean import ANY_PAIR, PAIRS, fill, final_sound, particle, resolve

__all__ = ["ANY_PAIR", "PAIRS", "fill", "final_sound", "particle", "resolve"]
