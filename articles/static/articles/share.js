// "Copy link": copy the article's address instead of following the link, where the
// browser allows it, and say so to screen readers too. Without JavaScript the link
// simply opens the article's address.
const status = document.querySelector("[data-copy-status]");
document.querySelectorAll("[data-copy-link]").forEach((link) => {
  link.addEventListener("click", async (event) => {
    if (!navigator.clipboard) return;
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(link.href);
      link.textContent = "Link copied";
      if (status) status.textContent = "The article's link is copied to the clipboard.";
    } catch {
      window.location.href = link.href;
    }
  });
});
