// "Copy link": copy the article's address instead of following the link, where the
// browser allows it. Without JavaScript the link simply opens the article's address.
document.querySelectorAll("[data-copy-link]").forEach((link) => {
  link.addEventListener("click", async (event) => {
    if (!navigator.clipboard) return;
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(link.href);
      link.textContent = "Link copied";
    } catch {
      window.location.href = link.href;
    }
  });
});
