from datetime import timedelta
from itertools import batched

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.models import F, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from simple_history.models import HistoricalRecords
from slugify import slugify
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from articles import body, locking, redirects
from articles.addresses import cached_reverse
from articles.cache import invalidation as page_invalidation, tags as cache_tags
from articles.models.corrections import Correction
from articles.models.fields import BodyField, PlainCharField, PlainTextField
from articles.models.images import Image
from articles.models.sections import Section
from articles.models.tags import Tag
from articles.models.usage import ArticleImage
from articles.search import index as search_index
from articles.slugs import free_slug

RELATED_LIMIT = 5
RELATED_CANDIDATES = 100  # newest stories sharing a tag that related_to() ranks
SLUG_LENGTH = 250
UPDATE_GRACE = timedelta(minutes=1)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The publication rule, stated once: published, and its time has come. A published
        article with a future `published_at` is scheduled and appears by itself."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def with_listing_data(self):
        """What a list of stories shows: section, featured image with its credit, bylines, tags."""
        return self.select_related(
            "section", "featured_image__photographer__agency", "featured_image__agency"
        ).prefetch_related(
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("author"),
            ),
            "tags",
            "featured_image__renditions",
        )

    def with_page_data(self):
        """What a story's page shows: its section, whether it has corrections (most
        have none: their pages then skip asking for them), and, through
        `page_data.attach()`, its bylines, tags and pictures with their credits and
        renditions (`story.body_images` holds the body's)."""
        from articles.models import page_data

        # In SQL: the ORM took a third of a millisecond to build this as Exists(), as
        # long as the rest of the query. It names the story's table as a top-level
        # query does, which is how every caller uses this.
        corrections, stories = Correction._meta.db_table, Article._meta.db_table
        has_corrections = RawSQL(  # noqa: S611 - only table names are formatted in
            f"EXISTS (SELECT 1 FROM {corrections} c WHERE c.article_id = {stories}.id)",  # noqa: S608
            (),
            output_field=models.BooleanField(),
        )
        clone = self.select_related("section").annotate(has_corrections=has_corrections)
        clone._iterable_class = page_data.WithPageData
        return clone

    def related_to(self, article) -> list["Article"]:
        """Up to five other published stories: most shared tags first, then the newest;
        stories of the same section when too few share a tag. Chosen among the
        RELATED_CANDIDATES newest stories sharing a tag and the newest of the section,
        so the work does not grow with the archive. Only what a link shows is loaded."""
        # In SQL: the ORM took 1.1 ms to build such a query, an eighth of the page's
        # work. Each WHERE clause is published()'s rule.
        tag_ids = [tag.pk for tag in article.tags.all()]
        placeholders = ", ".join(["%s"] * len(tag_ids))
        shares_tag = f"t.tag_id IN ({placeholders})" if tag_ids else "0 = 1"
        published = "a.status = %s AND a.published_at <= %s AND a.id <> %s"
        now = Article._meta.get_field("published_at").get_db_prep_value(
            timezone.now(), connections[self.db]
        )
        rule = [Article.Status.PUBLISHED, now, article.pk]
        articles, taggings = Article._meta.db_table, TaggedArticle._meta.db_table
        stories = list(
            self.raw(
                f"""
                SELECT story.id, story.headline, story.slug, story.published_at,
                    story.section_id,
                    (SELECT COUNT(DISTINCT t.tag_id) FROM {taggings} t
                     WHERE t.content_object_id = story.id AND {shares_tag}) AS shared
                FROM {articles} story
                WHERE story.id IN (
                    SELECT id FROM (
                        SELECT DISTINCT a.id, a.published_at FROM {articles} a
                        JOIN {taggings} t ON t.content_object_id = a.id
                        WHERE {shares_tag} AND {published}
                        ORDER BY a.published_at DESC LIMIT {RELATED_CANDIDATES}
                    ) AS sharing_a_tag
                    UNION
                    SELECT id FROM (
                        SELECT a.id FROM {articles} a
                        WHERE a.section_id = %s AND {published}
                        ORDER BY a.published_at DESC LIMIT {RELATED_LIMIT}
                    ) AS same_section
                )
                ORDER BY shared DESC, story.published_at DESC, story.id DESC
                LIMIT {RELATED_LIMIT}
                """,  # noqa: S608 - only names and placeholders are formatted in
                [*tag_ids, *tag_ids, *rule, article.section_id, *rule],
            )
        )
        # Their addresses name their sections: from the navigation's copy, which every
        # page reads anyway, else (a section that copy does not know yet) the database.
        from articles import navigation

        sections = {section.pk: section for section in navigation.sections()}
        missing = {story.section_id for story in stories} - sections.keys()
        sections |= Section.objects.in_bulk(missing) if missing else {}
        for story in stories:
            story.section = sections[story.section_id]
        return stories

    # Bulk writes skip Article.save(), so they do what it does besides sanitizing the
    # body (BodyField does that on every write). update() counts a new version and notes
    # the change when it writes the story (not bookkeeping, such as Django clearing
    # `created_by` when a user is deleted), and rebuilds the image usage index;
    # bulk_update() goes through it. bulk_create() fills slugs and publication times
    # and builds the index. Both rewrite the search documents of what they wrote, and
    # refresh the pages showing it.
    def update(self, **kwargs):
        if kwargs.keys() - BOOKKEEPING_FIELDS:
            kwargs.setdefault("version", F("version") + 1)
            kwargs.setdefault("updated_at", timezone.now())
        uses_change = bool(kwargs.keys() & IMAGE_FIELDS)
        text_changes = bool(kwargs.keys() & search_index.ARTICLE_FIELDS)
        with transaction.atomic():
            before = page_invalidation.placements(self)
            count = super().update(**kwargs)
            pks = list(before)
            if uses_change:
                _rebuild_image_uses(Q(pk__in=pks))
            if text_changes:
                search_index.reindex(pks)
            page_invalidation.stories_changed(before)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        if kwargs.get("update_conflicts"):
            # An upsert rewrites stories without counting a version; edit them with
            # save() or update() instead.
            raise ValueError("Articles cannot be upserted with bulk_create().")
        objs = list(objs)
        slugs = set()
        for article in objs:
            article.fill_derived_fields(reserved_slugs=slugs)
            slugs.add(article.slug)
        with transaction.atomic():
            created = super().bulk_create(objs, *args, **kwargs)
            # By slug: with ignore_conflicts no primary keys come back.
            _rebuild_image_uses(Q(slug__in=slugs))
            written = Article.objects.filter(slug__in=slugs)
            search_index.reindex(written.values_list("pk", flat=True))
            page_invalidation.stories_changed({}, page_invalidation.placements(written))
        return created


IMAGE_FIELDS = {"body", "featured_image", "featured_image_id"}
USES_CHUNK = 500  # stories whose usage index a bulk write rebuilds at a time
BOOKKEEPING_FIELDS = {"created_by", "created_by_id", "updated_at", "version"}


def _rebuild_image_uses(which: Q) -> None:
    # A chunk at a time, in three queries each: bulk writes of thousands of stories
    # (imports, seeds) would otherwise take three queries a story.
    stories = Article.objects.filter(which).only("pk", "body", "featured_image_id")
    for chunk in batched(stories.iterator(chunk_size=USES_CHUNK), USES_CHUNK):
        _rebuild_image_uses_of(chunk)


def _rebuild_image_uses_of(articles) -> None:
    """Make the usage index of `articles` match their featured images and the figures
    in their bodies."""
    refs = {article.pk: body.figure_refs(article.body) for article in articles}
    existing = _existing_image_ids([ref for found in refs.values() for ref in found])
    ArticleImage.objects.filter(
        article__in=[article.pk for article in articles]
    ).delete()
    ArticleImage.objects.bulk_create(
        ArticleImage(article=article, image_id=image_id, position=position, role=role)
        for article in articles
        for position, (image_id, role) in enumerate(
            _uses(article, refs[article.pk], existing)
        )
    )


def _uses(article, refs: list[body.FigureRef], existing: set[int]):
    """(image id, role) of each use in order: the featured image, then the figures
    whose picture exists."""
    if article.featured_image_id:
        yield article.featured_image_id, ArticleImage.Role.FEATURED
    for ref in refs:
        if ref.image_id in existing:
            yield ref.image_id, ArticleImage.Role.BODY


class TaggedArticleQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        # No signals here, unlike a tagging's save or delete (articles.search.receivers):
        # the stories' search documents, which name their tags, are rewritten now, and
        # their pages refreshed.
        objs = list(objs)
        with transaction.atomic():
            created = super().bulk_create(objs, *args, **kwargs)
            search_index.reindex(tagging.content_object_id for tagging in objs)
            page_invalidation.story_links_changed(
                (tagging.content_object_id, cache_tags.tag_list(tagging.tag_id))
                for tagging in objs
            )
        return created


class TaggedArticle(ItemBase):
    tag = models.ForeignKey(
        Tag,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
    )
    content_object = models.ForeignKey("articles.Article", on_delete=models.CASCADE)

    objects = TaggedArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "tag on article"
        verbose_name_plural = "tags on articles"


class ArticleVersionExtras(models.Model):
    """What a version of an article records besides its own fields: its tags and
    bylines (kept as data, since they live in other tables)."""

    tag_names = models.JSONField(default=list, blank=True)
    bylines = models.JSONField(
        default=list, blank=True, help_text="[[author id, name], ...] in byline order."
    )

    class Meta:
        abstract = True


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    class Label(models.TextChoices):
        ANALYSIS = "analysis", "Analysis"
        OPINION = "opinion", "Opinion"
        EXPLAINER = "explainer", "Explainer"
        INTERVIEW = "interview", "Interview"
        REVIEW = "review", "Review"
        LIVE = "live", "Live"
        OBITUARY = "obituary", "Obituary"
        SPONSORED = "sponsored", "Sponsored"

    headline = PlainCharField(max_length=250)
    slug = models.SlugField(
        max_length=SLUG_LENGTH,
        unique=True,
        help_text="The last part of the story's address. Letters, numbers and hyphens only; "
        "it should not change once the story is published.",
    )
    label = PlainCharField(
        max_length=20,
        choices=Label,
        blank=True,
        help_text="Shown above the headline, on the story and its cards.",
    )
    dateline = PlainCharField(
        max_length=100,
        blank=True,
        help_text="Where the story was reported from, e.g. “KYIV”. Shown before the story.",
    )
    standfirst = PlainTextField(
        blank=True,
        help_text="One or two sentences under the headline that say what the story is about.",
    )
    body = BodyField(
        config={"extensions": body.EDITOR_EXTENSIONS},
        preset="newsroom",
        sanitize=body.sanitize,
        blank=True,
        help_text="The story. Pictures sit between paragraphs as figures.",
    )
    section = models.ForeignKey(
        "articles.Section", on_delete=models.PROTECT, related_name="articles"
    )
    authors = models.ManyToManyField(
        "articles.Author", through="articles.Byline", related_name="articles"
    )
    tags = TaggableManager(through=TaggedArticle, blank=True)
    featured_image = models.ForeignKey(
        "articles.Image",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="featured_in",
        help_text="Shown at the top of the story and on lists, feeds and social cards.",
    )
    featured_caption = PlainTextField(
        blank=True,
        help_text="This story's caption for the featured image; leave empty to use the image's own.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When the story goes live. A published story with a time in the future is scheduled "
        "and appears by itself at that time. Empty means “now” when published.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    seo_title = PlainCharField(
        "SEO title",
        max_length=200,
        blank=True,
        help_text="Title for search engines, if not the headline.",
    )
    seo_description = PlainCharField(
        "SEO description",
        max_length=300,
        blank=True,
        help_text="Summary for search engines, if not the standfirst.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(bases=[ArticleVersionExtras])

    class Meta:
        # Unpublished stories have no date; without nulls_first, PostgreSQL would list
        # them first and SQLite last. First: they are the newest work.
        ordering = [F("published_at").desc(nulls_first=True), "-pk"]
        # Related objects and Django internals use this manager, so bulk writes through
        # them go through ArticleQuerySet too.
        base_manager_name = "objects"
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles")
        ]
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="articles_listing_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="articles_article_published_has_date",
                violation_error_message="A published article needs a publication time.",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, update_fields=None, **kwargs):
        self.fill_derived_fields()
        if update_fields is not None:
            # What save() derives is written with whatever was asked for.
            update_fields = {
                *update_fields,
                "body",
                "slug",
                "published_at",
                "version",
                "updated_at",
            }
        version = self.version
        if not self._state.adding:
            self.version += 1
        try:
            with transaction.atomic():
                if not self._state.adding:
                    # Optimistic locking: refused if the row moved past the version
                    # this instance was loaded at (articles.locking).
                    locking.ensure_current(self, opened_at=version)
                # After the check and in the same transaction: a refused or failed
                # save leaves old addresses as they were.
                redirects.remember_old_address(self)
                super().save(*args, update_fields=update_fields, **kwargs)
                self.rebuild_image_uses()
                search_index.reindex([self.pk])
        except BaseException:
            self.version = version
            raise

    def get_absolute_url(self):
        # Only published articles have a public address; a draft's date is not yet known,
        # so this falls back to today (the URL answers 404 until the story is published).
        local = timezone.localtime(
            self.published_at or timezone.now(), timezone.get_default_timezone()
        )
        return cached_reverse(
            "articles:article_detail",
            kwargs={
                "section": self.section.slug,
                "year": local.year,
                "month": local.month,
                "day": local.day,
                "slug": self.slug,
            },
        )

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            # As save() would, so the "published has a date" constraint check passes.
            self.published_at = timezone.now()
        refs = body.figure_refs(body.sanitize(self.body))
        known = _existing_image_ids(refs)
        problems = []
        for number, ref in enumerate(refs, start=1):
            if ref.image_id is None:
                problems.append(
                    f"Figure {number} has no picture: choose one or remove the figure."
                )
            elif ref.image_id not in known:
                problems.append(
                    f"Figure {number} points to a picture that does not exist (id {ref.image_id})."
                )
        if problems:
            raise ValidationError({"body": problems})

    def validate_unique(self, exclude=None):
        try:
            super().validate_unique(exclude=exclude)
        except ValidationError as error:
            if "slug" in error.error_dict:
                error.error_dict["slug"] = [
                    ValidationError(
                        "Another article already uses the slug “%(slug)s”. Try “%(suggestion)s”.",
                        code="unique",
                        params={
                            "slug": self.slug,
                            "suggestion": self._free_slug(self.slug),
                        },
                    )
                ]
            raise

    @property
    def is_published(self) -> bool:
        """`ArticleQuerySet.published()` for one article."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def public_featured_image(self):
        """The featured image as readers may see it: none once its rights have expired."""
        image = self.featured_image
        return None if image is None or image.rights_expired() else image

    @property
    def was_updated(self) -> bool:
        # Saves within a minute of going live are part of publishing, not an update.
        return (
            self.published_at is not None
            and self.updated_at - self.published_at > UPDATE_GRACE
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_published

    def fill_derived_fields(self, *, reserved_slugs=frozenset()) -> None:
        """What every write fills in from the row itself: a free slug made from the
        headline, and the publication time of a story published without one."""
        if not self.slug:
            self.slug = self._free_slug(
                slugify(self.headline, max_length=SLUG_LENGTH - 10) or "article",
                reserved=reserved_slugs,
            )
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def _free_slug(self, slug: str, *, reserved=frozenset()) -> str:
        return free_slug(
            Article.objects.exclude(pk=self.pk),
            slug,
            max_length=SLUG_LENGTH,
            reserved=reserved,
        )

    def rebuild_image_uses(self) -> None:
        """Make the usage index match the featured image and the figures in the body."""
        _rebuild_image_uses_of([self])


def _existing_image_ids(refs: list[body.FigureRef]) -> set[int]:
    ids = {ref.image_id for ref in refs if ref.image_id is not None}
    return (
        set(Image.objects.filter(pk__in=ids).values_list("pk", flat=True))
        if ids
        else set()
    )


def deleting_article(origin) -> bool:
    """Whether a delete signal's `origin` is an article (or articles) being deleted:
    receivers of its bylines' and tags' deletion then have no story to update."""
    return isinstance(origin, Article) or (
        isinstance(origin, models.QuerySet) and origin.model is Article
    )


class BylineQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        # No signals here, unlike a byline's save or delete (articles.search.receivers):
        # the stories' search documents, which name their authors, are rewritten now,
        # and their pages refreshed.
        with transaction.atomic():
            created = super().bulk_create(objs, *args, **kwargs)
            search_index.reindex(byline.article_id for byline in created)
            page_invalidation.story_links_changed(
                (byline.article_id, cache_tags.author_list(byline.author_id))
                for byline in created
            )
        return created


class Byline(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        "articles.Author", on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Authors are named in this order."
    )

    objects = BylineQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="articles_byline_unique_author"
            ),
        ]

    def __str__(self):
        return f"{self.author} on “{self.article}”"
