from django.db import models


class ArticleImage(models.Model):
    """Where each image is used. Derived from an article's featured image and body by
    `Article.save()`; never edited by hand."""

    class Role(models.TextChoices):
        FEATURED = "featured", "Featured image"
        BODY = "body", "In the body"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="image_uses"
    )
    image = models.ForeignKey(
        "articles.Image", on_delete=models.PROTECT, related_name="uses"
    )
    position = models.PositiveSmallIntegerField()
    role = models.CharField(max_length=10, choices=Role)

    class Meta:
        ordering = ["article", "position"]
        verbose_name = "image use"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"],
                name="articles_articleimage_unique_position",
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} #{self.position} in “{self.article}”"
