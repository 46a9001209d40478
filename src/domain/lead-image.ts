// Whether an article's lead image is already part of its body, so it is neither shown nor counted twice.

/** Whether the body already shows the lead image (so the page need not repeat it). */
export function bodyShowsImage(contentHtml: string, imageUrl: string): boolean {
  // Bodies often use a relative or resized URL of the same file: compare by file name.
  const file = imageUrl.split(/[?#]/)[0]?.split('/').pop();
  return !!file && contentHtml.includes(file);
}
