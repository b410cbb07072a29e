// Progressive enhancement for the default theme: reply in place without a page load.
// Everything works without it (reply links carry ?reply=ID); the CSP allows only this file.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-reply]') : null;
  const form = document.getElementById('comment-form');
  if (!link || !form) return;
  event.preventDefault();
  const parent = form.querySelector('input[name="parent"]');
  if (parent) parent.value = link.getAttribute('data-reply') || '';
  link.closest('article')?.after(form);
  form.querySelector('textarea')?.focus();
});
