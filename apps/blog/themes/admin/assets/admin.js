// The admin's progressive enhancement: live preview, insert an image, copy a markdown link.
// Every form works without it; the CSP allows only this file.
const source = document.getElementById('source');
const preview = document.getElementById('preview');
if (source instanceof HTMLTextAreaElement && preview) {
  let timer = 0;
  let sent = 0;
  const refresh = async () => {
    const id = ++sent;
    const response = await fetch('/admin/api/preview', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': source.dataset.csrf || '',
      },
      body: JSON.stringify({ source: source.value.replace('<!--more-->', '') }),
      credentials: 'same-origin',
    });
    // The server sanitised this HTML with the same pipeline that saves posts.
    if (response.ok && id === sent) preview.innerHTML = (await response.json()).html;
  };
  source.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const insert = target?.closest('[data-insert]');
  if (insert && source instanceof HTMLTextAreaElement) {
    const text = insert.getAttribute('data-insert') || '';
    const at = source.selectionStart;
    source.setRangeText(`\n${text}\n`, at, source.selectionEnd, 'end');
    source.dispatchEvent(new Event('input'));
    source.focus();
  }
  const copy = target?.closest('[data-copy]');
  if (copy) {
    navigator.clipboard?.writeText(copy.getAttribute('data-copy') || '').then(
      () => {
        copy.textContent = 'Copied';
      },
      () => {},
    );
  }
});
