from django import template
from django.db.models import OuterRef, Subquery

from articles import policy
from articles.models import Article, WorkflowEvent

register = template.Library()


@register.simple_tag
def sent_back_to(user) -> list[Article]:
    """`user`'s drafts whose latest move was an editor sending them back: what the
    admin's home page puts first, so a reporter does not have to go looking."""
    if not user.has_perm("articles.change_article"):
        return []
    latest = WorkflowEvent.objects.filter(article=OuterRef("pk")).order_by("-at", "-pk")
    return list(
        Article.objects.filter(policy.own_stories(user), status=Article.Status.DRAFT)
        .annotate(last_move=Subquery(latest.values("action")[:1]))
        .filter(last_move=WorkflowEvent.Action.SENT_BACK)
        .order_by("-updated_at")[:20]
    )
