"""What the newsroom announces, for other capabilities to act on without the newsroom knowing them.

Royalties checks a unit's monthly cap as an article is submitted and the factor as it is
approved; the city aggregator and search follow what is published and withdrawn. Each signal's
sender is the `Article`; receivers run inside the request's transaction, so an exception
(`app.validation.FieldErrors`) refuses the step and nothing is written.

- `article_submitting(article)`: before the article goes to the approver. A receiver may raise
  `FieldErrors` to refuse, or return a warning (a string) that the page shows once.
- `article_approving(article, factor=Decimal | None)`: before approval; may raise `FieldErrors`.
- `article_published(article)`: the article has just become public (by hand or by the scheduler).
- `article_changed(article, transition=ArticleTransition | None)`: any move of the state machine
  and any save of an article's content; the transaction has not committed yet, so receivers that
  enqueue work use `enqueue_after_commit`.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

article_submitting = _signals.signal("article-submitting")
article_approving = _signals.signal("article-approving")
article_published = _signals.signal("article-published")
article_changed = _signals.signal("article-changed")
