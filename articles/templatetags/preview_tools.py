"""`{% preview_tools as tools %}`: what the article form offers for previews (see
`articles.admin.previews.tools`), for `_preview_tools.html`."""

from django import template

from articles.admin import previews

register = template.Library()


@register.simple_tag(takes_context=True)
def preview_tools(context):
    adminform = context.get("adminform")
    if adminform is None:
        return None
    return previews.tools(
        adminform.model_admin, context["request"], context.get("original")
    )
