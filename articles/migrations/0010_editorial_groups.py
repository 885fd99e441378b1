"""The newsroom's roles as groups: Reporter, Editor, Photo desk (DESIGN.md, "People and
permissions"). `articles.policy` reads their permissions, never their names.

Idempotent: it only adds, so running it again, or over groups a site already has,
changes nothing and takes away nothing. Going back removes the three groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

GROUPS = {
    "Reporter": {
        # Own drafts only: articles.policy decides which stories.
        "article": ("add", "change", "view"),
        "byline": ALL,
        "taggedarticle": ALL,
        "image": ("add", "view"),
        "internalnote": ("add", "view"),
        "workingcopy": ALL,
        "section": ("view",),
        "author": ("view",),
        "tag": ("view",),
        "photographer": ("view",),
        "agency": ("view",),
        "correction": ("view",),
        "articleimage": ("view",),
        "workflowevent": ("view",),
        "historicalarticle": ("view",),
    },
    "Editor": {
        "article": (*ALL, "publish"),
        "byline": ALL,
        "taggedarticle": ALL,
        "tag": ALL,
        "correction": ALL,
        "frontpagepin": ALL,
        "redirect": ALL,
        "previewlink": ALL,
        "workingcopy": ALL,
        "image": ("add", "change", "view"),
        "author": ("add", "change", "view"),
        "internalnote": ("add", "view"),
        "section": ("view",),
        "photographer": ("view",),
        "agency": ("view",),
        "articleimage": ("view",),
        "workflowevent": ("view",),
        "historicalarticle": ("view",),
        "historicalimage": ("view",),
    },
    "Photo desk": {
        "image": ALL,
        "photographer": ALL,
        "agency": ALL,
        "rendition": ("view",),
        "articleimage": ("view",),
        "historicalimage": ("view",),
        "article": ("view",),
        "byline": ("view",),
        "section": ("view",),
        "author": ("view",),
    },
}


def codenames(models: dict) -> set[str]:
    return {
        "publish_article" if verb == "publish" else f"{verb}_{model}"
        for model, verbs in models.items()
        for verb in verbs
    }


def create_groups(apps, schema_editor):
    # On a fresh database permissions are only made after all migrations have run
    # (post_migrate); make them now so the groups can be given them.
    # (A migration's app configs have no models module, which create_permissions wants.)
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in GROUPS.items():
        wanted = codenames(models)
        permissions = Permission.objects.filter(
            content_type__app_label="articles", codename__in=wanted
        )
        missing = wanted - {permission.codename for permission in permissions}
        if missing:
            raise RuntimeError(f"Permissions missing for {name}: {sorted(missing)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    """Going back takes away only what going forward gave: the groups' permissions
    named here (a site's own groups of these names, and their members, stay)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in GROUPS.items():
        if group := Group.objects.filter(name=name).first():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="articles", codename__in=codenames(models)
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
